package dev.tshoot.probe;

import java.util.List;

/**
 * A built-in, read-only question to the host ("which hypervisor am I in?"). Probes read the host
 * only through {@link HostReader}, so the same logic runs on recorded fixtures and on the real host.
 *
 * <p>Contract: {@link #run} should not throw; a fact it cannot obtain is the string {@code "unknown"}
 * with the reason in {@link ProbeResult#unknown()}. Callers still go through {@link ProbeRunner},
 * which turns any unexpected exception into unknown facts.
 */
public interface Probe {

    /** Short lower-case name used on the command line and in playbooks, e.g. {@code virtualization}. */
    String name();

    /** One line for {@code probe list}. */
    String description();

    /** Reads the host and reports facts. {@code durationMs} may be 0; {@link ProbeRunner} fills it. */
    ProbeResult run(HostReader host);

    /**
     * The top-level fact names this probe always reports. {@link ProbeRunner} fills any missing one with
     * {@code "unknown"}, so playbook conditions can rely on the keys being there.
     */
    default List<String> factNames() {
        return List.of();
    }

    /** Judgements derived from this probe's facts alone (may be empty). Never throws for unknown facts. */
    default List<Verdict> verdicts(ProbeResult result) {
        return List.of();
    }
}
