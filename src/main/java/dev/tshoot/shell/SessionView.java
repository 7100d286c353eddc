package dev.tshoot.shell;

import java.io.PrintWriter;
import java.util.List;

import dev.tshoot.engine.RouteStep;
import dev.tshoot.engine.Session;
import dev.tshoot.playbook.Node;

/** Renders nodes, outcomes, the breadcrumb and the explanation of a session as text. */
final class SessionView {

    private SessionView() {}

    static void question(PrintWriter out, Node.Question q) {
        out.println();
        out.println(Console.bold(q.prompt()));
        if (q.help() != null && !q.help().isBlank()) {
            out.print(Console.dim(Console.indent(q.help(), "  ")));
        }
        out.flush();
    }

    static void action(PrintWriter out, Node.Action a) {
        out.println();
        out.println(Console.cyan("▶ " + a.title()));
        out.print(Console.indent(a.instructions(), "  "));
        for (Node.Snippet c : a.commands()) {
            String where = c.platform() + (c.shell() != null && !"none".equals(c.shell()) ? ", " + c.shell() : "");
            out.println("  " + Console.dim("[" + where + "]" + (c.note() != null ? " " + c.note() : "")));
            out.print(Console.indent(c.text(), "      "));
        }
        if (!a.sources().isEmpty()) {
            out.println("  " + Console.dim("Sources: " + String.join(" , ", a.sources())));
        }
        out.flush();
    }

    static void outcome(PrintWriter out, Node.Outcome o) {
        out.println();
        out.println(Console.result(o.result().yamlName()) + "  " + Console.bold(o.title()));
        out.print(Console.indent(o.message(), "  "));
        if (!o.references().isEmpty()) {
            out.println("  References:");
            o.references().forEach(r -> out.println("    " + r));
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
            out.println(String.format("%2d. %-34s %s%s", i++, step.node(), shorten(step.headline()), Console.dim(answer)));
        }
        Node cur = s.current();
        out.println(String.format("%2d. %-34s %s %s", i, cur.id(), shorten(cur.headline()),
                Console.cyan(s.outcome() != null ? "<- outcome" : "<- you are here")));
        out.flush();
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 60 ? one.substring(0, 57) + "..." : one;
    }
}
