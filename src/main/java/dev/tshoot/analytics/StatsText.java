package dev.tshoot.analytics;

import java.util.List;
import java.util.Locale;

import dev.tshoot.text.Columns;
import dev.tshoot.text.SafeText;

/**
 * The report as text for the terminal: a summary, then per playbook id and version a few small
 * tables (the first {@code top} rows of each; {@code --json} has them all). Every string from a
 * transcript goes through the text layer ({@link Columns}, {@link SafeText}).
 */
public final class StatsText {

    private StatsText() {}

    public static String render(StatsReport r, int top) {
        StringBuilder sb = new StringBuilder();
        sb.append("Read ").append(r.files()).append(" transcript file(s) under ").append(SafeText.line(r.folder().toString()))
                .append(": ").append(r.sessions()).append(" session(s) counted, ").append(r.broken().size())
                .append(" left out (broken or unreadable)").append(r.torn().isEmpty() ? "" : ", " + r.torn().size()
                        + " with a torn tail (counted as interrupted)").append(".\n");
        problems(sb, "Left out (they add nothing to the figures; 'transcript verify <file>' says more):", r.broken(), top);
        problems(sb, "Torn tail (a crash or a truncation; the lines before it verified and count):", r.torn(), top);
        for (StatsReport.Playbook p : r.playbooks()) {
            sb.append('\n').append(SafeText.line(p.id())).append(' ').append(SafeText.line(p.version())).append(": ")
                    .append(p.sessions()).append(" session(s)\n");
            Columns mix = new Columns("OUTCOME", ">SESSIONS", ">SHARE");
            p.outcomes().forEach((o, n) -> mix.row(o, n, percent(n, p.sessions())));
            sb.append(mix.render("  "));
            if (p.unclosed() > 0) {
                sb.append("  (").append(p.unclosed()).append(" of the interrupted were not closed: no session-ended line)\n");
            }
            table(sb, "Where abandoned sessions stopped", counts(p.abandonedAt(), top, "NODE", ">SESSIONS"));
            table(sb, "Nodes by visits", counts(p.visits(), top, "NODE", ">VISITS"));
            table(sb, "Back hotspots (the answer undone)", counts(p.backs(), top, "NODE", ">BACKS"));
            Columns times = new Columns("NODE", ">VISITS", ">MEDIAN", ">P90");
            p.timePerNode().stream().limit(top).forEach(t -> times.row(t.node(), t.samples(), duration(t.medianMs()),
                    duration(t.p90Ms())));
            table(sb, "Time per node (slowest median first)", times);
            Columns cmd = new Columns("COMMAND", ">ASKED", ">REFUSED");
            p.commands().stream().limit(top).forEach(c -> cmd.row(SafeText.shorten(c.command(), 60), c.asked(), c.refused()));
            table(sb, "Consent refusals per command", cmd);
            table(sb, "Symptom matches that led in (" + p.fromMatch() + " session(s) started from a match)",
                    counts(p.symptoms(), top, "SYMPTOM", ">SESSIONS"));
            Columns out = new Columns("OUTCOME", "HANDS OVER TO", ">SESSIONS");
            p.handovers().stream().limit(top).forEach(h -> out.row(h.from(), h.to(), h.count()));
            table(sb, "Hand-overs to other playbooks", out);
            table(sb, "Continued from another playbook", counts(p.continuedFrom(), top, "PLAYBOOK", ">SESSIONS"));
            Columns paths = new Columns(">SESSIONS", "PATH");
            p.escalationPaths().stream().limit(top).forEach(c -> paths.row(c.count(), tail(c.key(), 150)));
            table(sb, "Paths that end in escalation, most often first", paths);
        }
        return sb.toString();
    }

    private static void problems(StringBuilder sb, String title, List<StatsReport.Problem> list, int top) {
        if (list.isEmpty()) {
            return;
        }
        sb.append(title).append('\n');
        list.stream().limit(top).forEach(b -> sb.append("  ").append(b.status()).append("  ")
                .append(SafeText.line(b.file().toString())).append(": ").append(SafeText.shorten(b.message(), 200)).append('\n'));
        if (list.size() > top) {
            sb.append("  ... and ").append(list.size() - top).append(" more (--json lists them all)\n");
        }
    }

    private static Columns counts(List<StatsReport.Count> list, int top, String key, String count) {
        Columns c = new Columns(key, count);
        list.stream().limit(top).forEach(e -> c.row(e.key(), e.count()));
        return c;
    }

    private static void table(StringBuilder sb, String title, Columns c) {
        sb.append("  ").append(title).append(':');
        if (c.isEmpty()) {
            sb.append(" none\n");
            return;
        }
        sb.append('\n').append(c.render("    "));
    }

    /** A long path from its end, where it escalates: "… > a > b > escalate-x". */
    static String tail(String path, int max) {
        String one = SafeText.line(path);
        if (one.length() <= max) {
            return one;
        }
        int cut = one.indexOf(" > ", one.length() - max);
        return SafeText.ELLIPSIS + (cut < 0 ? one.substring(one.length() - max) : one.substring(cut));
    }

    static String percent(long n, long of) {
        return of == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * n / of);
    }

    /** 850 ms, 12.3 s, 4 min 05 s. */
    static String duration(long ms) {
        if (ms < 0) {
            return "-";
        }
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
}
