package dev.tshoot.shell;

import java.util.List;

import dev.tshoot.engine.SessionEvent;

/** Renders one recorded event the way the user saw it. */
final class ReplayView {

    private ReplayView() {}

    /** Transcript text comes from elsewhere: never let it drive the terminal. */
    private static String safe(String s) {
        return s == null ? null : Console.safe(s);
    }

    static String render(SessionEvent e) {
        StringBuilder sb = new StringBuilder();
        if (e instanceof SessionEvent.NodeEntered n) {
            sb.append(Console.dim("-- " + n.node() + " (" + n.nodeType() + ", via " + n.via() + ")"));
        } else if (e instanceof SessionEvent.PromptShown p) {
            switch (p.kind()) {
                case "action" -> {
                    sb.append(Console.cyan("▶ " + safe(p.text()))).append('\n').append(Console.indent(safe(p.instructions()), "  "));
                    p.commands().forEach(c -> sb.append(Console.dim("  [" + c.platform() + "] ")).append('\n')
                            .append(Console.indent(safe(c.text()), "      ")));
                }
                case "consent" -> sb.append(Console.bold(safe(p.text()))).append("\n  tshoot asked to run: ")
                        .append(Console.cyan(safe(SessionView.argv(p.argv())))).append(safe(p.help()) != null ? "  " + Console.dim(safe(p.help())) : "");
                default -> {
                    sb.append(Console.bold(safe(p.text())));
                    if (safe(p.help()) != null) {
                        sb.append('\n').append(Console.dim(Console.indent(safe(p.help()), "  ").stripTrailing()));
                    }
                    List<SessionEvent.Option> cs = p.choices();
                    for (int i = 0; i < cs.size(); i++) {
                        sb.append("\n  ").append(i + 1).append(") ").append(safe(cs.get(i).label()));
                    }
                }
            }
        } else if (e instanceof SessionEvent.AnswerGiven a) {
            sb.append(Console.green("> " + safe(a.label() != null ? a.label() : a.value())));
        } else if (e instanceof SessionEvent.CheckEvaluated c) {
            sb.append(Console.dim("   " + c.node() + " decided -> " + c.target()));
            c.conditions().forEach(r -> sb.append('\n').append(Console.dim("     " + (safe(r.when()) == null ? "default"
                    : "`" + safe(r.when()) + "` = " + r.value() + (safe(r.error()) != null ? " (" + safe(r.error()) + ")" : "")))));
        } else if (e instanceof SessionEvent.ProbeRan || e instanceof SessionEvent.CommandRan) {
            java.io.StringWriter w = new java.io.StringWriter();
            SessionView.results(new java.io.PrintWriter(w), List.of(e));
            sb.append(w.toString().stripTrailing());
        } else if (e instanceof SessionEvent.WentBack b) {
            sb.append(Console.yellow("< back from " + b.from() + " to " + b.to()));
        } else if (e instanceof SessionEvent.Jumped j) {
            sb.append(Console.yellow("goto " + j.to() + " (from " + j.from() + ")"));
        } else if (e instanceof SessionEvent.Restarted r) {
            sb.append(Console.yellow("restart (from " + r.from() + ")"));
        } else if (e instanceof SessionEvent.NoteAdded n) {
            sb.append(Console.cyan("note at " + n.node() + ": ")).append(safe(n.text()));
        } else if (e instanceof SessionEvent.OutcomeReached o) {
            sb.append(Console.result(o.result())).append("  ").append(Console.bold(safe(o.title()))).append('\n')
                    .append(Console.indent(safe(o.message()), "  ").stripTrailing());
        } else if (e instanceof SessionEvent.SessionEnded s) {
            sb.append(Console.dim("session ended (" + s.reason() + (s.result() != null ? ", " + s.result() : "") + ")"));
        }
        return sb.toString();
    }
}
