package dev.tshoot.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

    /** The probe, or {@link UnknownProbeException} whose message names the closest matches. */
    public Probe require(String name) {
        return find(name).orElseThrow(() -> new UnknownProbeException(name, suggestions(name)));
    }

    /** Names close to {@code name} (prefix, substring, or edit distance of at most 2), best first. */
    public List<String> suggestions(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        probes.keySet().stream()
                .map(k -> Map.entry(k, score(n, k)))
                .filter(e -> e.getValue() <= 2)
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.add(e.getKey()));
        return out;
    }

    /** Runs one probe by name, safely. */
    public ProbeResult run(String name, HostReader host) {
        return ProbeRunner.run(require(name), host);
    }

    /** Runs every probe, safely, in registration order. */
    public List<ProbeResult> runAll(HostReader host) {
        return probes.values().stream().map(p -> ProbeRunner.run(p, host)).toList();
    }

    private static int score(String typed, String candidate) {
        if (candidate.startsWith(typed) || typed.startsWith(candidate) && typed.length() - candidate.length() <= 2) {
            return 0;
        }
        if (typed.length() >= 3 && candidate.contains(typed)) {
            return 1;
        }
        return editDistance(typed, candidate);
    }

    /** Edit distance counting an adjacent transposition as one edit ("dsik" -> "disk" is 1). */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** No probe by that name. The message reads e.g. "No probe named 'virt'. Did you mean: virtualization?". */
    public static final class UnknownProbeException extends RuntimeException {
        private final String name;
        private final List<String> suggestions;

        public UnknownProbeException(String name, List<String> suggestions) {
            super("No probe named '" + name + "'."
                    + (suggestions.isEmpty() ? " Run 'probe list' to see the probes."
                    : " Did you mean: " + String.join(", ", suggestions) + "?"));
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
