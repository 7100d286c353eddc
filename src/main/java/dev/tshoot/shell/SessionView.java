package dev.tshoot.shell;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

import dev.tshoot.engine.RouteStep;
import dev.tshoot.engine.Session;
import dev.tshoot.engine.SessionEvent;
import dev.tshoot.playbook.Node;
import dev.tshoot.text.SafeText;
import dev.tshoot.text.Words;

/** Renders nodes, outcomes, the breadcrumb and the explanation of a session as text. */
final class SessionView {

    private SessionView() {}

    static void question(PrintWriter out, Node.Question q) {
        out.println();
        out.println(Console.bold(q.prompt()));
        if (q.help() != null && !q.help().isBlank()) {
            out.print(Console.markdown(q.help(), "  "));
        }
        snippets(out, q.commands());
        if (q.pasted()) {
            out.println("  " + Console.dim("Paste the output, then an empty line (or a line " + PASTE_END
                    + ") to end it. " + PASTE_END + " straight away: you have no output."));
        }
        out.flush();
    }

    static void action(PrintWriter out, Node.Action a) {
        out.println();
        out.println(Console.cyan("▶ " + a.title()));
        out.print(Console.markdown(a.instructions(), "  "));
        snippets(out, a.commands());
        if (!a.sources().isEmpty()) {
            out.println("  " + Console.dim("Sources: " + String.join(" , ", a.sources())));
        }
        out.flush();
    }

    /** The line that ends a pasted output, besides an empty line (for outputs that contain empty lines). */
    static final String PASTE_END = "EOF";

    private static void snippets(PrintWriter out, List<Node.Snippet> commands) {
        for (Node.Snippet c : commands) {
            String where = c.platform() + (c.shell() != null && !"none".equals(c.shell()) ? ", " + c.shell() : "");
            out.println("  " + Console.dim("[" + where + "]" + (c.note() != null ? " " + c.note() : "")));
            out.print(Console.indent(c.text(), "      "));
        }
    }

    /** Shows an argument list the way a user could type it: see {@link Words#argv}. */
    static String argv(List<String> argv) {
        return Words.argv(argv);
    }

    /**
     * The consent prompt. The playbook's text (the check's title) is drawn first, on one line and
     * made safe; after it come only tshoot's own lines, built from tshoot's words and the argument
     * list (through {@link Words#argv}): what will run, what tshoot's read-only list says about it
     * and why, and that the playbook says it changes the system. Nothing from the playbook is
     * drawn after those lines, so no title can redraw them, and the menu follows directly.
     */
    static void consent(PrintWriter out, Node.Check c, dev.tshoot.engine.Diagnostics.CommandRequest req) {
        out.println();
        out.println(Console.bold(SafeText.line(c.headline())));
        out.println("  tshoot wants to run " + (req.readOnly() ? "a read-only command"
                : req.mutating() ? Console.red("a command that CHANGES the system")
                        : Console.red("a command that may change the system")) + ":");
        out.println("    " + Console.cyan(argv(req.shown())));
        out.println("  " + verdict(req));
        out.println(Console.dim("  time-out " + req.timeout().toSeconds() + " s, output kept up to "
                + req.maxOutputBytes() / 1024 + " KiB per stream; the result goes into the transcript."));
        out.flush();
    }

    /** tshoot's own reason: the playbook does not get to call a command read-only. */
    private static String verdict(dev.tshoot.engine.Diagnostics.CommandRequest req) {
        String reason = SafeText.line(req.verdict().reason());
        if (req.readOnly()) {
            return "It only reads: " + reason + ".";
        }
        String mutating = req.mutating() && !dev.tshoot.engine.ReadOnlyCommands.Verdict.MUTATING.equals(req.verdict())
                ? ", and " + dev.tshoot.engine.ReadOnlyCommands.Verdict.MUTATING.reason() : "";
        return Console.yellow("tshoot asks every time: " + reason + mutating + ".");
    }

    /** Summaries of probe and command results, as they happen. */
    static void results(PrintWriter out, List<SessionEvent> events) {
        results(out, events, Set.of());
    }

    /** As above, with the answers to secret questions shown as [secret]. */
    static void results(PrintWriter out, List<SessionEvent> events, Set<String> secrets) {
        for (SessionEvent e : events) {
            e.accept(new Results(out, secrets));
        }
        out.flush();
    }

    /** Prints the probe and command events; the other kinds show nothing here. */
    private record Results(PrintWriter out, Set<String> secrets) implements SessionEvent.Visitor<Void> {
        @Override public Void probeRan(SessionEvent.ProbeRan p) {
            out.println("  " + Console.green("probe") + " " + SafeText.line(p.probe()) + ": " + summary(p.facts())
                    + (p.error() != null ? Console.yellow(" (" + p.error() + ")") : ""));
            return null;
        }

        @Override public Void commandRan(SessionEvent.CommandRan c) {
            String what = Words.commandResult(c.status(), c.exitCode(), c.error());
            out.println("  " + Console.green(Words.commandVerb(c.status())) + " " + argv(c.argv()) + " -> " + what + ", " + c.durationMs() + " ms"
                    + (c.stdoutTruncated() || c.stderrTruncated() ? Console.yellow(" (output truncated)") : ""));
            String text = c.stdout() == null ? "" : SafeText.block(withhold(c.stdout(), secrets)).strip();
            if (!text.isEmpty()) {
                String[] lines = text.split("\n");
                for (int i = 0; i < Math.min(lines.length, 6); i++) {
                    out.println(Console.dim("      " + lines[i]));
                }
                if (lines.length > 6) {
                    out.println(Console.dim("      ... " + (lines.length - 6) + " more line(s) in the transcript"));
                }
            }
            return null;
        }

        @Override public Void nodeEntered(SessionEvent.NodeEntered e) { return null; }

        @Override public Void promptShown(SessionEvent.PromptShown e) { return null; }

        @Override public Void answerGiven(SessionEvent.AnswerGiven e) { return null; }

        @Override public Void checkEvaluated(SessionEvent.CheckEvaluated e) { return null; }

        @Override public Void wentBack(SessionEvent.WentBack e) { return null; }

        @Override public Void jumped(SessionEvent.Jumped e) { return null; }

        @Override public Void restarted(SessionEvent.Restarted e) { return null; }

        @Override public Void noteAdded(SessionEvent.NoteAdded e) { return null; }

        @Override public Void outcomeReached(SessionEvent.OutcomeReached e) { return null; }

        @Override public Void sessionEnded(SessionEvent.SessionEnded e) { return null; }
    }

    private static String withhold(String text, Set<String> secrets) {
        String t = text;
        for (String s : secrets) {
            if (s.length() >= 4) {
                t = t.replace(s, "[secret]");
            }
        }
        return t;
    }

    private static String summary(java.util.Map<String, Object> facts) {
        StringBuilder sb = new StringBuilder();
        for (var f : facts.entrySet()) {
            Object v = f.getValue();
            if (v instanceof java.util.Map || v instanceof List || f.getKey().endsWith("Detail")) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            if (sb.length() > 140) {
                sb.append("...");
                break;
            }
            sb.append(SafeText.inline(f.getKey())).append('=').append(SafeText.inline(String.valueOf(v)));
        }
        return sb.toString();
    }

    static void outcome(PrintWriter out, Node.Outcome o) {
        out.println();
        out.println(Console.result(o.result().yamlName()) + "  " + Console.bold(o.title()));
        out.print(Console.markdown(o.message(), "  "));
        if (!o.references().isEmpty()) {
            out.println("  References:");
            o.references().forEach(r -> out.println("    " + SafeText.line(r)));
        }
        if (o.handover() != null) {
            out.println("  " + Console.cyan("Continues in playbook '" + o.handover().playbook() + "'"
                    + (o.handover().node() != null ? " at '" + o.handover().node() + "'" : "")
                    + ": 'continue' starts it there."));
        }
        out.flush();
    }

    static void path(PrintWriter out, Session s) {
        List<RouteStep> route = s.route();
        int i = 1;
        for (RouteStep step : route) {
            String answer = switch (step.how()) {
                case "answer" -> " = " + (step.answerLabel() != null ? step.answerLabel() : step.answerValue());
                case "action" -> " = done";
                case "check" -> " (checked)";
                case "goto" -> " (goto " + step.target() + ")";
                default -> "";
            };
            out.println(String.format("%2d. %-34s %s%s", i++, SafeText.inline(step.node()), SafeText.shorten(step.headline(), 60),
                    Console.dim(answer)));
        }
        Node cur = s.current();
        out.println(String.format("%2d. %-34s %s %s", i, SafeText.inline(cur.id()), SafeText.shorten(cur.headline(), 60),
                Console.cyan(s.outcome() != null ? "<- outcome" : "<- you are here")));
        out.flush();
    }
}
