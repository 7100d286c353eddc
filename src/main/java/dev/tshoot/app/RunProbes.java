package dev.tshoot.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.tshoot.probe.HostReader;
import dev.tshoot.probe.Probe;
import dev.tshoot.probe.ProbeRegistry;
import dev.tshoot.probe.ProbeResult;
import dev.tshoot.probe.ProbeRunner;
import dev.tshoot.probe.Verdict;

/**
 * {@code probe run <name>} and {@code diag}: runs built-in probes on this host and judges their
 * facts. The host is asked for only when a probe runs, so listing probes never starts oshi.
 */
public final class RunProbes {

    /** One probe's facts and the verdicts on them. */
    public record Ran(ProbeResult result, List<Verdict> verdicts) {}

    /** Every probe's result, and all verdicts; exit 1 when one of them fails. */
    public record Diagnosis(List<ProbeResult> results, List<Verdict> verdicts) {
        public int exitStatus() {
            return verdicts.stream().anyMatch(v -> v.level() == Verdict.Level.FAIL) ? ExitStatus.FINDINGS : ExitStatus.OK;
        }
    }

    /** Hears of each probe as {@code diag} runs it, so the terminal can show progress. */
    public interface Progress {
        void started(int index, int total, Probe probe);

        void finished(ProbeResult result);
    }

    private final ProbeRegistry registry;
    private final Supplier<HostReader> host;

    public RunProbes(ProbeRegistry registry, Supplier<HostReader> host) {
        this.registry = registry;
        this.host = host;
    }

    /** The probe {@code name}, or null ({@link #refusal(String)} then says why). */
    public Probe find(String name) {
        return name == null || name.isBlank() ? null : registry.find(name).orElse(null);
    }

    /** Why {@code name} names no probe: the registry's own refusal, with its "did you mean" and the probes there are. */
    public String refusal(String name) {
        if (name == null || name.isBlank()) {
            return "Name a probe: probe run <name>. Probes: " + String.join(", ", registry.names()) + ".";
        }
        try {
            registry.require(name);
            return "";
        } catch (ProbeRegistry.UnknownProbeException e) {
            return e.getMessage();
        }
    }

    public Ran run(Probe p) {
        ProbeResult r = ProbeRunner.run(p, host.get());
        return new Ran(r, ProbeRunner.verdicts(p, r));
    }

    public Diagnosis diag(Progress progress) {
        List<Probe> probes = registry.list();
        List<ProbeResult> results = new ArrayList<>();
        List<Verdict> all = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            progress.started(i + 1, probes.size(), probes.get(i));
            Ran ran = run(probes.get(i));
            results.add(ran.result());
            all.addAll(ran.verdicts());
            progress.finished(ran.result());
        }
        return new Diagnosis(results, all);
    }
}
