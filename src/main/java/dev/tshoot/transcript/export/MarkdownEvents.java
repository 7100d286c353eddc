package dev.tshoot.transcript.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tshoot.engine.SessionEvent;
import dev.tshoot.playbook.Node;
import dev.tshoot.text.Words;

/** One event of a step, in Markdown. */
final class MarkdownEvents {

    private MarkdownEvents() {}

    static void render(StringBuilder sb, SessionEvent e) {
        e.accept(new Render(sb, new ConsentLabels()));
    }

    /** The events of one step in order, so that a command is labelled from the consent prompt before it. */
    static void render(StringBuilder sb, java.util.List<SessionEvent> events) {
        Render r = new Render(sb, new ConsentLabels());
        for (SessionEvent e : events) {
            e.accept(r);
        }
    }

    private record Render(StringBuilder sb, ConsentLabels labels) implements SessionEvent.Visitor<Void> {
        @Override public Void nodeEntered(SessionEvent.NodeEntered n) {
            return null; // the step heading shows the node
        }

        @Override public Void promptShown(SessionEvent.PromptShown p) {
            labels.prompted(p);
            prompt(sb, p);
            return null;
        }

        @Override public Void answerGiven(SessionEvent.AnswerGiven a) {
            String shown = a.secret() ? "[secret]" : a.label() != null && !a.label().isBlank()
                    ? Md.line(a.label()) + " (" + Md.code(a.value()) + ")" : Md.code(a.value());
            sb.append("**").append("action".equals(a.kind()) ? "Confirmed" : "Answer").append(":** ").append(shown).append("\n\n");
            return null;
        }

        @Override public Void checkEvaluated(SessionEvent.CheckEvaluated c) {
            check(sb, c);
            return null;
        }

        @Override public Void probeRan(SessionEvent.ProbeRan p) {
            probe(sb, p);
            return null;
        }

        @Override public Void commandRan(SessionEvent.CommandRan c) {
            command(sb, c, labels.label(c));
            return null;
        }

        @Override public Void noteAdded(SessionEvent.NoteAdded n) {
            sb.append("📝 **Note:** ").append(Md.text(n.text())).append("\n\n");
            return null;
        }

        @Override public Void wentBack(SessionEvent.WentBack b) {
            sb.append("↩️ **Back** from ").append(Md.code(b.from())).append(" to ").append(Md.code(b.to()))
                    .append(" (the answer given there is undone)\n\n");
            return null;
        }

        @Override public Void jumped(SessionEvent.Jumped j) {
            sb.append("↪️ **Goto** from ").append(Md.code(j.from())).append(" to ").append(Md.code(j.to())).append("\n\n");
            return null;
        }

        @Override public Void restarted(SessionEvent.Restarted rs) {
            sb.append("🔁 **Restart** from ").append(Md.code(rs.from())).append("\n\n");
            return null;
        }

        @Override public Void outcomeReached(SessionEvent.OutcomeReached o) {
            sb.append("**Outcome: ").append(Md.line(Words.result(o.result()))).append("**: ")
                    .append(Md.line(o.title())).append("\n\n");
            if (o.message() != null && !o.message().isBlank()) {
                sb.append(Md.quote(o.message())).append('\n');
            }
            list(sb, "References", o.references());
            return null;
        }

        @Override public Void sessionEnded(SessionEvent.SessionEnded s) {
            sb.append("**Session ended** (").append(Md.line(s.reason())).append(s.result() == null ? "" : ", " + Md.line(s.result()))
                    .append(")\n\n");
            return null;
        }
    }

    private static void prompt(StringBuilder sb, SessionEvent.PromptShown p) {
        String kind = String.valueOf(p.kind());
        if ("consent".equals(kind)) {
            sb.append("**Asked to run** ").append(Md.code(Words.argv(p.argv()))).append(" (").append(Md.line(p.help()))
                    .append(")\n\n");
            return;
        }
        sb.append("action".equals(kind) ? "**Action:** " : "**Question:** ").append(Md.line(p.text())).append("\n\n");
        if (p.help() != null && !p.help().isBlank()) {
            sb.append(Md.quote(p.help())).append('\n');
        }
        if (!p.choices().isEmpty() && !"yesno".equals(kind)) {
            sb.append("Choices: ");
            for (int i = 0; i < p.choices().size(); i++) {
                SessionEvent.Option o = p.choices().get(i);
                sb.append(i == 0 ? "" : ", ").append(Md.line(o.label())).append(" (").append(Md.code(o.value())).append(')');
            }
            sb.append("\n\n");
        }
        if (p.instructions() != null && !p.instructions().isBlank()) {
            sb.append(Md.quote(p.instructions())).append('\n');
        }
        for (Node.Snippet c : p.commands()) {
            sb.append("Command shown (").append(Md.line(c.platform() + (c.shell() == null ? "" : ", " + c.shell())))
                    .append(c.note() == null ? "" : ": " + Md.line(c.note())).append("):\n\n");
            sb.append(Md.fenced("", c.text())).append('\n');
        }
    }

    private static void check(StringBuilder sb, SessionEvent.CheckEvaluated c) {
        sb.append("| Condition | Result |\n|---|---|\n");
        int last = c.conditions().size() - 1;
        for (int i = 0; i <= last; i++) {
            SessionEvent.ConditionResult r = c.conditions().get(i);
            String cond = r.when() == null ? "(default)" : Md.cellCode(r.when());
            String res = r.when() == null ? "taken" : r.value() ? "true, **held**" : "false";
            if (r.error() != null) {
                res += " (error: " + Md.line(r.error()) + ")";
            }
            sb.append("| ").append(cond).append(" | ").append(res).append(" |\n");
        }
        String held = Text.held(c);
        boolean byDefault = c.conditions().isEmpty() || c.conditions().get(c.conditions().size() - 1).when() == null;
        sb.append("\n**Decision:** ").append(byDefault ? Md.line(held) : Md.code(held)).append(" → ")
                .append(Md.code(c.target())).append("\n\n");
    }

    private static void probe(StringBuilder sb, SessionEvent.ProbeRan p) {
        sb.append("**Probe** ").append(Md.code(p.probe())).append(" (").append(Text.duration(p.durationMs())).append(')')
                .append(p.error() == null ? "" : ": " + Md.line(p.error())).append("\n\n");
        Map<String, String> facts = new LinkedHashMap<>();
        if (p.facts() != null) {
            p.facts().forEach((k, v) -> facts.put(k, Text.value(v)
                    + (p.unknown() != null && p.unknown().containsKey(k) ? " (unknown: " + p.unknown().get(k) + ")" : "")));
        }
        if (p.unknown() != null) {
            p.unknown().forEach((k, v) -> facts.putIfAbsent(k, "unknown: " + v));
        }
        if (!facts.isEmpty()) {
            MarkdownExporter.table(sb, "Fact", "Value", facts);
        }
        if (p.evidence() != null && !p.evidence().isEmpty()) {
            sb.append("Evidence:\n\n");
            for (Map<String, String> ev : p.evidence()) {
                sb.append("- ");
                ev.forEach((k, v) -> sb.append(Md.line(k)).append(": ").append(Md.line(v)).append("; "));
                sb.setLength(sb.length() - 2);
                sb.append('\n');
            }
            sb.append('\n');
        }
    }

    private static void command(StringBuilder sb, SessionEvent.CommandRan c, String label) {
        sb.append("**Command** ").append(c.argv().isEmpty() ? "(none for this OS)" : Md.code(Words.argv(c.argv())))
                .append("\n\n");
        sb.append("- consent: ").append(Md.line(c.consent())).append(" (").append(Md.line(label)).append(')')
                .append(c.shell() ? ", through a shell" : "").append('\n');
        sb.append("- result: ").append(Md.line(Text.result(c))).append(", status ").append(Md.code(c.status()))
                .append(c.exitCode() == null ? "" : ", exit code " + c.exitCode()).append(", ")
                .append(Text.duration(c.durationMs())).append(c.timedOut() ? ", timed out" : "").append('\n');
        sb.append("- output truncated: ").append(c.stdoutTruncated() || c.stderrTruncated() ? "**yes**" : "no").append('\n');
        if (c.register() != null) {
            sb.append("- register: ").append(Md.code(c.register())).append('\n');
        }
        if (c.error() != null && !"exited".equals(c.status())) {
            sb.append("- error: ").append(Md.line(c.error())).append('\n');
        }
        sb.append('\n');
        output(sb, "stdout", c.stdout(), c.stdoutTruncated(), c.stdoutValidUtf8());
        output(sb, "stderr", c.stderr(), c.stderrTruncated(), c.stderrValidUtf8());
    }

    private static void output(StringBuilder sb, String name, String text, boolean truncated, boolean valid) {
        if (text == null || text.isEmpty()) {
            return;
        }
        sb.append("<details><summary>").append(name).append(": ").append(Text.outputSummary(text, truncated, valid))
                .append("</summary>\n\n").append(Md.fenced("text", text)).append("\n</details>\n\n");
    }

    private static void list(StringBuilder sb, String title, List<String> items) {
        if (items == null || items.isEmpty()) {
            return;
        }
        sb.append(title).append(":\n\n");
        items.forEach(i -> sb.append("- ").append(i != null && i.matches("https?://[^\\s<>`\\\\]+") ? "<" + i + ">" : Md.line(i))
                .append('\n'));
        sb.append('\n');
    }
}
