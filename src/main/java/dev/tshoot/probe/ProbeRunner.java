package dev.tshoot.probe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a probe safely: measures its duration, turns any exception into unknown facts with the reason,
 * keeps facts plain, and fills declared facts the probe left out with {@code "unknown"}.
 * Never throws (except for {@link VirtualMachineError}s such as OutOfMemoryError).
 */
public final class ProbeRunner {

    private ProbeRunner() {
    }

    public static ProbeResult run(Probe probe, HostReader host) {
        Objects.requireNonNull(probe, "probe");
        String name = safeName(probe);
        long start = System.nanoTime();
        ProbeResult raw;
        try {
            raw = probe.run(host);
            if (raw == null) {
                return ProbeResult.allUnknown(name, safeFactNames(probe), "probe returned no result", elapsedMs(start));
            }
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return ProbeResult.allUnknown(name, safeFactNames(probe), "probe failed: " + FactSheet.describe(e),
                    elapsedMs(start));
        }
        Map<String, Object> facts = PlainValues.sanitizeFacts(raw.facts());
        Map<String, String> unknown = new LinkedHashMap<>(raw.unknown());
        for (String declared : safeFactNames(probe)) {
            if (!facts.containsKey(declared)) {
                facts.put(declared, ProbeResult.UNKNOWN);
                unknown.putIfAbsent(declared, "not reported by the probe");
            }
        }
        return new ProbeResult(name, facts, raw.evidence(), unknown, elapsedMs(start));
    }

    /** The probe's verdicts for a result; an exception becomes an empty list (verdicts are advisory). */
    public static List<Verdict> verdicts(Probe probe, ProbeResult result) {
        try {
            List<Verdict> v = probe.verdicts(result);
            return v == null ? List.of() : List.copyOf(v);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static String safeName(Probe probe) {
        try {
            return probe.name();
        } catch (RuntimeException e) {
            return probe.getClass().getSimpleName();
        }
    }

    private static List<String> safeFactNames(Probe probe) {
        try {
            List<String> names = probe.factNames();
            return names == null ? List.of() : names;
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }
}
