package dev.tshoot.shell;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

import dev.tshoot.app.RunProbes;
import dev.tshoot.probe.Evidence;
import dev.tshoot.probe.Probe;
import dev.tshoot.probe.ProbeResult;
import dev.tshoot.probe.Sizes;
import dev.tshoot.probe.Verdict;

/** How {@code probe run} and {@code diag} print facts, evidence and verdicts. */
final class ProbeViews {

    private ProbeViews() {}

    static void ran(PrintWriter out, ProbeResult r, List<Verdict> verdicts) {
        out.println(Console.bold(r.probe()) + Console.dim("  (" + r.durationMs() + " ms)"));
        for (Map.Entry<String, Object> f : r.facts().entrySet()) {
            String reason = r.unknown().get(f.getKey());
            out.println(String.format("  %-30s %s", f.getKey(), shown(f.getKey(), f.getValue()))
                    + (reason != null ? Console.dim("  (" + reason + ")") : ""));
        }
        if (!r.evidence().isEmpty()) {
            out.println(Console.bold("Evidence"));
            for (Evidence e : r.evidence()) {
                out.println("  [" + e.weight().name().toLowerCase() + "] " + e.source() + ": " + e.observed()
                        + Console.dim(" -> " + e.suggests()));
            }
        }
        for (Verdict v : verdicts) {
            out.println(v.level() + "  " + v.title() + (v.message() == null ? "" : ": " + v.message()));
        }
    }

    /** {@code [i/n] probe ... 12 ms} while diag runs. */
    static RunProbes.Progress progress(PrintWriter out) {
        return new RunProbes.Progress() {
            @Override
            public void started(int index, int total, Probe probe) {
                out.print(Console.dim("[" + index + "/" + total + "] " + probe.name() + " ... "));
                out.flush();
            }

            @Override
            public void finished(ProbeResult r) {
                out.println(Console.dim(r.durationMs() + " ms" + (r.unknown().isEmpty() ? "" : ", " + r.unknown().size() + " unknown")));
            }
        };
    }

    /** No progress: for --json, whose output must stay one JSON document. */
    static final RunProbes.Progress QUIET = new RunProbes.Progress() {
        @Override public void started(int index, int total, Probe probe) { }

        @Override public void finished(ProbeResult result) { }
    };

    static void diagnosis(PrintWriter out, RunProbes.Diagnosis d) {
        out.println();
        for (ProbeResult r : d.results()) {
            out.println(Console.bold(r.probe()) + "  " + facts(r.facts()));
        }
        out.println();
        out.println(Console.bold("Summary"));
        if (d.verdicts().isEmpty()) {
            out.println("  nothing to judge without a playbook");
        }
        for (Verdict v : d.verdicts()) {
            String level = switch (v.level()) {
                case PASS -> Console.green("PASS");
                case WARN -> Console.yellow("WARN");
                case FAIL -> Console.red("FAIL");
            };
            out.println("  " + level + "  " + v.title() + (v.message() == null ? "" : ": " + v.message()));
        }
    }

    private static String facts(Map<String, Object> facts) {
        StringBuilder sb = new StringBuilder();
        for (var f : facts.entrySet()) {
            if (f.getValue() instanceof List<?> l && l.size() > 8) {
                sb.append(f.getKey()).append("=[").append(l.size()).append(" items] ");
            } else if (!(f.getValue() instanceof Map)) {
                sb.append(f.getKey()).append('=').append(shown(f.getKey(), f.getValue())).append(' ');
            }
        }
        return sb.toString().strip();
    }

    /** A fact as people read it: a byte count ({@code totalBytes}) in binary units, anything else as it is. */
    static String shown(String key, Object value) {
        if (key.endsWith("Bytes") && value instanceof Number n && !(value instanceof Double || value instanceof Float)) {
            return Sizes.human(n.longValue());
        }
        return String.valueOf(value);
    }
}
