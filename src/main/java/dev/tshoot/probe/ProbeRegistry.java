package dev.tshoot.probe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.tshoot.playbook.Suggest;

/**
 * The probes by name: list, look-up (case-insensitive) with "did you mean", and safe running through
 * {@link ProbeRunner}.
 */
public final class ProbeRegistry {

    private final Map<String, Probe> probes = new LinkedHashMap<>();

    public ProbeRegistry(List<? extends Probe> probes) {
        for (Probe p : probes) {
            String key = p.name().toLowerCase(Locale.ROOT);
            if (this.probes.putIfAbsent(key, p) != null) {
                throw new IllegalArgumentException("duplicate probe name: " + p.name());
            }
        }
    }

    /** system, cpu, memory, disks, os, network, virtualization. */
    public static ProbeRegistry builtin() {
        return new ProbeRegistry(List.of(new SystemProbe(), new CpuProbe(), new MemoryProbe(), new DiskProbe(),
                new OsProbe(), new NetworkProbe(), new VirtualizationProbe()));
    }

    /** All probes in registration order. */
    public List<Probe> list() {
        return List.copyOf(probes.values());
    }

    public List<String> names() {
        return List.copyOf(probes.keySet());
    }

    public Optional<Probe> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(probes.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    /** The probe, or {@link UnknownProbeException} whose message names the closest matches and all probes. */
    public Probe require(String name) {
        return find(name).orElseThrow(() -> new UnknownProbeException(name, suggestions(name), names()));
    }

    /** Names close to {@code name} ("did you mean", see {@link Suggest}), best first. */
    public List<String> suggestions(String name) {
        return Suggest.closest(name, names());
    }

    /** Runs one probe by name, safely. */
    public ProbeResult run(String name, HostReader host) {
        return ProbeRunner.run(require(name), host);
    }

    /** Runs every probe, safely, in registration order. */
    public List<ProbeResult> runAll(HostReader host) {
        return probes.values().stream().map(p -> ProbeRunner.run(p, host)).toList();
    }

    /**
     * No probe by that name. The message reads e.g.
     * "No probe 'dsik'. Did you mean 'disks'? Probes: system, cpu, memory, disks, os, network, virtualization."
     */
    public static final class UnknownProbeException extends RuntimeException {
        private final String name;
        private final List<String> suggestions;

        public UnknownProbeException(String name, List<String> suggestions, List<String> probes) {
            super("No probe '" + name + "'." + Suggest.phrase(suggestions) + " Probes: " + String.join(", ", probes) + ".");
            this.name = name;
            this.suggestions = List.copyOf(suggestions);
        }

        public String name() {
            return name;
        }

        public List<String> suggestions() {
            return suggestions;
        }
    }

}
