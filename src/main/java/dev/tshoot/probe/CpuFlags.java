package dev.tshoot.probe;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits CPU feature-flag lines into single lower-case flags.
 *
 * <p>oshi's {@code getFeatureFlags()} returns raw lines: on Linux one per distinct {@code /proc/cpuinfo}
 * {@code flags} line, <em>including</em> the {@code "flags\t\t: "} prefix; on macOS lines such as
 * {@code "machdep.cpu.features: FPU VME ... VMX"}. Lines whose label is not a flags/features line
 * (newer Intel kernels add {@code "vmx flags : vnmi ept ..."}; also {@code "bugs : ..."}) are skipped,
 * because their words are sub-features, not CPU flags. A line without a colon is taken as bare words.
 */
public final class CpuFlags {

    private CpuFlags() {
    }

    /** Parses many lines (e.g. oshi's list, or the whole {@code /proc/cpuinfo}) into distinct flags, in order. */
    public static List<String> parse(Collection<String> lines) {
        Set<String> flags = new LinkedHashSet<>();
        if (lines != null) {
            for (String line : lines) {
                if (line != null) {
                    for (String l : line.split("\\R")) {
                        addLine(l, flags);
                    }
                }
            }
        }
        return List.copyOf(flags);
    }

    /** Parses one line; see the class comment. */
    public static List<String> parseLine(String line) {
        return parse(line == null ? List.of() : List.of(line));
    }

    private static void addLine(String line, Set<String> out) {
        String words = line;
        int colon = line.indexOf(':');
        if (colon >= 0) {
            String label = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (!isFlagsLabel(label)) {
                return;
            }
            words = line.substring(colon + 1);
        }
        for (String w : words.strip().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w.toLowerCase(Locale.ROOT));
            }
        }
    }

    /** {@code flags} (Linux x86), {@code features} (Linux arm), {@code machdep.cpu.*features} (macOS). */
    private static boolean isFlagsLabel(String label) {
        return label.equals("flags") || label.equals("features")
                || (label.startsWith("machdep.cpu.") && label.endsWith("features"));
    }

    /** Intel VT-x visible to this OS. */
    public static boolean vmx(Collection<String> flags) {
        return flags.contains("vmx");
    }

    /** AMD-V visible to this OS. */
    public static boolean svm(Collection<String> flags) {
        return flags.contains("svm");
    }

    /** CPUID.1:ECX bit 31: Linux calls it {@code hypervisor}, macOS {@code VMM}. */
    public static boolean hypervisor(Collection<String> flags) {
        return flags.contains("hypervisor") || flags.contains("vmm");
    }
}
