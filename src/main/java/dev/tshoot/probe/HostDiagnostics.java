package dev.tshoot.probe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import dev.tshoot.engine.Diagnostics;
import dev.tshoot.playbook.OsFamily;
import dev.tshoot.probe.process.ProcessOutcome;
import dev.tshoot.probe.process.ProcessRunner;
import dev.tshoot.probe.process.ProcessSpec;

/**
 * The engine's {@link Diagnostics} on a host: probes from a {@link ProbeRegistry} over a {@link HostReader}
 * (made on first use, so that a real host's hardware library stays off the start-up path) and commands
 * through a {@link ProcessRunner} with the limits the playbook sets. Thread-safe.
 */
public final class HostDiagnostics implements Diagnostics {

    private final ProbeRegistry registry;
    private final ProcessRunner processes;
    private final Supplier<? extends HostReader> hostFactory;
    private final OsFamily os;
    private HostReader host;

    /**
     * @param registry  the probes a check may name
     * @param processes runs playbook commands
     * @param host      makes the host reader the probes read, called once, on the first probe
     * @param os        picks a command's argument list and the shell for {@code shell: true}
     */
    public HostDiagnostics(ProbeRegistry registry, ProcessRunner processes, Supplier<? extends HostReader> host,
            OsFamily os) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.processes = Objects.requireNonNull(processes, "processes");
        this.hostFactory = Objects.requireNonNull(host, "host");
        this.os = Objects.requireNonNull(os, "os");
    }

    public ProbeRegistry registry() {
        return registry;
    }

    /** The host reader, made on first use. */
    public synchronized HostReader host() {
        if (host == null) {
            host = Objects.requireNonNull(hostFactory.get(), "the host reader factory returned null");
        }
        return host;
    }

    @Override
    public OsFamily osFamily() {
        return os;
    }

    @Override
    public ProbeData probe(String node, String name) {
        Probe p = registry.find(name).orElse(null);
        if (p == null) {
            return new ProbeData(name, Map.of(), Map.of(), List.of(), 0, "no built-in probe '" + name + "'");
        }
        return toData(ProbeRunner.run(p, host()));
    }

    static ProbeData toData(ProbeResult r) {
        List<Map<String, String>> evidence = r.evidence().stream().map(HostDiagnostics::evidence).toList();
        return new ProbeData(r.probe(), r.facts(), r.unknown(), evidence, r.durationMs(), null);
    }

    static Map<String, String> evidence(Evidence e) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("source", e.source());
        m.put("observed", e.observed());
        m.put("suggests", e.suggests());
        m.put("weight", e.weight().name().toLowerCase(Locale.ROOT));
        return m;
    }

    @Override
    public CommandData run(CommandRequest request) {
        List<String> argv = request.argv();
        if (request.shell()) {
            argv = os == OsFamily.WINDOWS ? List.of("cmd.exe", "/d", "/s", "/c", argv.get(0))
                    : List.of("/bin/sh", "-c", argv.get(0));
        }
        ProcessOutcome o = processes.run(ProcessSpec.of(argv).withTimeout(request.timeout())
                .withMaxOutputBytes(request.maxOutputBytes()));
        return new CommandData(o.status().name().toLowerCase(Locale.ROOT), o.exitCode(), o.stdout(), o.stderr(),
                o.stdoutTruncated(), o.stderrTruncated(), o.stdoutValidUtf8(), o.stderrValidUtf8(), o.durationMs(),
                o.timedOut(), o.error(), new CommandData.PastCap(o.stdoutPastCap(), o.stderrPastCap()));
    }
}
