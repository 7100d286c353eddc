package dev.tshoot.shell;

import java.util.List;

import dev.tshoot.engine.SessionEvent;

/** Renders one recorded event the way the user saw it; every event kind has its own rendering. */
final class ReplayView implements SessionEvent.Visitor<String> {

    private static final ReplayView INSTANCE = new ReplayView();

    private ReplayView() {}

    /** Transcript text comes from elsewhere: never let it drive the terminal. */
    private static String safe(String s) {
        return s == null ? null : Console.safe(s);
    }

    static String render(SessionEvent e) {
        return e.accept(INSTANCE);
    }

    @Override
    public String nodeEntered(SessionEvent.NodeEntered n) {
        return Console.dim("-- " + n.node() + " (" + n.nodeType() + ", via " + n.via() + ")");
    }

    @Override
    public String promptShown(SessionEvent.PromptShown p) {
        StringBuilder sb = new StringBuilder();
        switch (p.kind()) {
            case "action" -> {
                sb.append(Console.cyan("▶ " + safe(p.text()))).append('\n').append(Console.indent(safe(p.instructions()), "  "));
                p.commands().forEach(c -> sb.append(Console.dim("  [" + c.platform() + "] ")).append('\n')
                        .append(Console.indent(safe(c.text()), "      ")));
            }
            case "consent" -> sb.append(Console.bold(safe(p.text()))).append("\n  tshoot asked to run: ")
                    .append(Console.cyan(safe(SessionView.argv(p.argv())))).append(safe(p.help()) != null ? "  " + Console.dim(safe(p.help())) : "");
            default -> { // a question: its choices numbered as they were offered
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
        return sb.toString();
    }

    @Override
    public String answerGiven(SessionEvent.AnswerGiven a) {
        return Console.green("> " + safe(a.label() != null ? a.label() : a.value()));
    }

    @Override
    public String checkEvaluated(SessionEvent.CheckEvaluated c) {
        StringBuilder sb = new StringBuilder(Console.dim("   " + c.node() + " decided -> " + c.target()));
        c.conditions().forEach(r -> sb.append('\n').append(Console.dim("     " + (safe(r.when()) == null ? "default"
                : "`" + safe(r.when()) + "` = " + r.value() + (safe(r.error()) != null ? " (" + safe(r.error()) + ")" : "")))));
        return sb.toString();
    }

    @Override
    public String wentBack(SessionEvent.WentBack b) {
        return Console.yellow("< back from " + b.from() + " to " + b.to());
    }

    @Override
    public String jumped(SessionEvent.Jumped j) {
        return Console.yellow("goto " + j.to() + " (from " + j.from() + ")");
    }

    @Override
    public String restarted(SessionEvent.Restarted r) {
        return Console.yellow("restart (from " + r.from() + ")");
    }

    @Override
    public String noteAdded(SessionEvent.NoteAdded n) {
        return Console.cyan("note at " + n.node() + ": ") + safe(n.text());
    }

    @Override
    public String outcomeReached(SessionEvent.OutcomeReached o) {
        return Console.result(o.result()) + "  " + Console.bold(safe(o.title())) + '\n'
                + Console.indent(safe(o.message()), "  ").stripTrailing();
    }

    @Override
    public String sessionEnded(SessionEvent.SessionEnded s) {
        return Console.dim("session ended (" + s.reason() + (s.result() != null ? ", " + s.result() : "") + ")");
    }

    @Override
    public String probeRan(SessionEvent.ProbeRan e) {
        return results(e);
    }

    @Override
    public String commandRan(SessionEvent.CommandRan e) {
        return results(e);
    }

    /** Probe and command results look as they did live. */
    private static String results(SessionEvent e) {
        java.io.StringWriter w = new java.io.StringWriter();
        SessionView.results(new java.io.PrintWriter(w), List.of(e));
        return w.toString().stripTrailing();
    }
}
