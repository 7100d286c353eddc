package dev.tshoot.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import dev.tshoot.engine.SessionEvent;
import dev.tshoot.text.SafeText;

/**
 * Renders one recorded event the way the user saw it. Transcript text comes from elsewhere: it goes
 * through the text layer ({@link SafeText}, and {@link Console}'s styling, which makes text safe
 * first), so it can never drive the terminal.
 */
final class ReplayView {

    private ReplayView() {}

    static String render(SessionEvent e) {
        return e.accept(new Render());
    }

    private static final class Render implements SessionEvent.Visitor<String> {
        @Override public String nodeEntered(SessionEvent.NodeEntered n) {
            return Console.dim("-- " + SafeText.inline(n.node()) + " (" + SafeText.inline(n.nodeType()) + ", via "
                    + SafeText.inline(n.via()) + ")");
        }

        @Override public String promptShown(SessionEvent.PromptShown p) {
            StringBuilder sb = new StringBuilder();
            switch (String.valueOf(p.kind())) {
                case "action" -> {
                    sb.append(Console.cyan("▶ " + SafeText.block(p.text()))).append('\n').append(Console.indent(p.instructions(), "  "));
                    p.commands().forEach(c -> sb.append(Console.dim("  [" + SafeText.block(c.platform()) + "] ")).append('\n')
                            .append(Console.indent(c.text(), "      ")));
                }
                case "consent" -> sb.append(Console.bold(p.text())).append("\n  tshoot asked to run: ")
                        .append(Console.cyan(SessionView.argv(p.argv())))
                        .append(p.help() != null ? "  " + Console.dim(p.help()) : "");
                default -> {
                    sb.append(Console.bold(p.text()));
                    if (p.help() != null) {
                        sb.append('\n').append(Console.dim(Console.indent(p.help(), "  ").stripTrailing()));
                    }
                    List<SessionEvent.Option> cs = p.choices();
                    for (int i = 0; i < cs.size(); i++) {
                        sb.append("\n  ").append(i + 1).append(") ").append(SafeText.block(cs.get(i).label()));
                    }
                }
            }
            return sb.toString();
        }

        @Override public String answerGiven(SessionEvent.AnswerGiven a) {
            return Console.green("> " + (a.label() != null ? a.label() : a.value()));
        }

        @Override public String checkEvaluated(SessionEvent.CheckEvaluated c) {
            StringBuilder sb = new StringBuilder(Console.dim("   " + SafeText.inline(c.node()) + " decided -> "
                    + SafeText.inline(c.target())));
            c.conditions().forEach(r -> sb.append('\n').append(Console.dim("     " + (r.when() == null ? "default"
                    : "`" + SafeText.block(r.when()) + "` = " + r.value() + (r.error() != null ? " (" + SafeText.block(r.error()) + ")" : "")))));
            return sb.toString();
        }

        @Override public String probeRan(SessionEvent.ProbeRan p) {
            return results(p);
        }

        @Override public String commandRan(SessionEvent.CommandRan c) {
            return results(c);
        }

        private static String results(SessionEvent e) {
            StringWriter w = new StringWriter();
            SessionView.results(new PrintWriter(w), List.of(e));
            return w.toString().stripTrailing();
        }

        @Override public String wentBack(SessionEvent.WentBack b) {
            return Console.yellow("< back from " + SafeText.inline(b.from()) + " to " + SafeText.inline(b.to()));
        }

        @Override public String jumped(SessionEvent.Jumped j) {
            return Console.yellow("goto " + SafeText.inline(j.to()) + " (from " + SafeText.inline(j.from()) + ")");
        }

        @Override public String restarted(SessionEvent.Restarted r) {
            return Console.yellow("restart (from " + SafeText.inline(r.from()) + ")");
        }

        @Override public String noteAdded(SessionEvent.NoteAdded n) {
            return Console.cyan("note at " + SafeText.inline(n.node()) + ": ") + SafeText.block(n.text());
        }

        @Override public String outcomeReached(SessionEvent.OutcomeReached o) {
            return Console.result(o.result()) + "  " + Console.bold(o.title()) + '\n'
                    + Console.indent(o.message(), "  ").stripTrailing();
        }

        @Override public String sessionEnded(SessionEvent.SessionEnded s) {
            return Console.dim("session ended (" + SafeText.inline(s.reason()) + (s.result() != null ? ", " + SafeText.inline(s.result()) : "") + ")");
        }
    }
}
