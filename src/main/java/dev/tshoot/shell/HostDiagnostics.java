package dev.tshoot.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.tshoot.engine.Diagnostics;
import dev.tshoot.probe.Evidence;
import dev.tshoot.probe.HostReader;
import dev.tshoot.probe.Probe;
import dev.tshoot.probe.ProbeRegistry;
import dev.tshoot.probe.ProbeResult;
import dev.tshoot.probe.ProbeRunner;
import dev.tshoot.probe.oshi.OshiHostReader;
import dev.tshoot.probe.process.ProcessOutcome;
import dev.tshoot.probe.process.ProcessRunner;
import dev.tshoot.probe.process.ProcessSpec;
import dev.tshoot.probe.process.SystemProcessRunner;

/**
 * The engine's {@link Diagnostics} on the real host: built-in probes over oshi (created on first
 * use, never at start-up) and commands through the process runner with their limits.
 */
@Component
public class HostDiagnostics implements Diagnostics {

    private final ProbeRegistry registry = ProbeRegistry.builtin();
    private final ProcessRunner processes = new SystemProcessRunner();
    private HostReader host;

    public ProbeRegistry registry() { return registry; }

    /** The host reader, created on first use so that oshi stays off the start-up path. */
    public synchronized HostReader host() {
        if (host == null) {
            host = new OshiHostReader();
        }
        return host;
    }

    @Override
    public String osFamily() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows")) {
            return "windows";
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return "macos";
        }
        return os.startsWith("linux") ? "linux" : "other";
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
        m.put("weight", e.weight().name().toLowerCase(java.util.Locale.ROOT));
        return m;
    }

    @Override
    public CommandData run(CommandRequest request) {
        List<String> argv = request.argv();
        if (request.shell()) {
            argv = "windows".equals(osFamily()) ? List.of("cmd.exe", "/d", "/s", "/c", argv.get(0))
                    : List.of("/bin/sh", "-c", argv.get(0));
        }
        ProcessOutcome o = processes.run(ProcessSpec.of(argv).withTimeout(request.timeout())
                .withMaxOutputBytes(request.maxOutputBytes()));
        return new CommandData(o.status().name().toLowerCase(java.util.Locale.ROOT), o.exitCode(), o.stdout(), o.stderr(),
                o.stdoutTruncated(), o.stderrTruncated(), o.stdoutValidUtf8(), o.stderrValidUtf8(), o.durationMs(),
                o.timedOut(), o.error());
    }
}
