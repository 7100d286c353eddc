package dev.tshoot.probe;

import java.util.ArrayList;
import java.util.List;

/** Physical memory: total and currently available. */
public final class MemoryProbe extends BuiltinProbe {

    public static final String NAME = "memory";
    public static final List<String> FACTS = List.of("totalBytes", "availableBytes");

    public MemoryProbe() {
        super(NAME, "Total and available physical memory", FACTS);
    }

    /** Docker Desktop's documented minimum. */
    static final long MIN_DOCKER_DESKTOP_BYTES = 4L * 1024 * 1024 * 1024;

    @Override
    public ProbeResult run(HostReader host) {
        FactSheet f = new FactSheet();
        HardwareSnapshot.Memory m = f.attempt(host::memory);
        if (m == null) {
            f.unknownAll(FACTS, "memory data unavailable" + (f.lastFailure() == null ? "" : ": " + f.lastFailure()));
            return f.toResult(NAME);
        }
        f.putOrUnknown("totalBytes", positive(m.totalBytes()), "not reported by the OS");
        f.putOrUnknown("availableBytes", nonNegative(m.availableBytes()), "not reported by the OS");
        return f.toResult(NAME);
    }

    @Override
    public List<Verdict> verdicts(ProbeResult r) {
        List<Verdict> out = new ArrayList<>();
        Long total = r.longFact("totalBytes");
        Long avail = r.longFact("availableBytes");
        if (total != null && total < MIN_DOCKER_DESKTOP_BYTES - 256L * 1024 * 1024) {
            out.add(Verdict.warn("Less than 4 GB of memory",
                    "This machine has " + Sizes.human(total) + " of memory; Docker Desktop needs at least 4 GB."));
        }
        if (total != null && avail != null && avail * 20 < total) {
            out.add(Verdict.warn("Memory nearly exhausted",
                    "Only " + Sizes.human(avail) + " of " + Sizes.human(total) + " available (under 5%)."));
        }
        return out;
    }

    private static Long positive(Long n) {
        return n == null || n <= 0 ? null : n;
    }

    private static Long nonNegative(Long n) {
        return n == null || n < 0 ? null : n;
    }
}
