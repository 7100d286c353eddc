package dev.tshoot.transcript.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tshoot.engine.SessionEvent;
import dev.tshoot.transcript.export.HtmlModel.AnswerItem;
import dev.tshoot.transcript.export.HtmlModel.CheckItem;
import dev.tshoot.transcript.export.HtmlModel.CommandItem;
import dev.tshoot.transcript.export.HtmlModel.CondView;
import dev.tshoot.transcript.export.HtmlModel.Fact;
import dev.tshoot.transcript.export.HtmlModel.OutputView;
import dev.tshoot.transcript.export.HtmlModel.ProbeItem;
import dev.tshoot.transcript.export.HtmlModel.PromptItem;
import dev.tshoot.transcript.export.HtmlModel.SnippetView;
import dev.tshoot.transcript.export.HtmlModel.TextItem;

/** The events of one step as template items; each names the template that draws it. */
final class HtmlItems {

    private HtmlItems() {}

    static List<Object> items(Report.Step s) {
        List<Object> out = new ArrayList<>();
        for (SessionEvent e : s.events()) {
            Object item = item(e);
            if (item != null) {
                out.add(item);
            }
        }
        return out;
    }

    private static Object item(SessionEvent e) {
        if (e instanceof SessionEvent.PromptShown p) {
            String label = switch (String.valueOf(p.kind())) {
                case "consent" -> "Asked to run";
                case "action" -> "Action";
                default -> "Question";
            };
            return new PromptItem("item_prompt", String.valueOf(p.kind()), label, Text.visible(p.text()), Text.visible(p.help()).strip(),
                    "yesno".equals(p.kind()) || "consent".equals(p.kind()) ? List.of()
                            : p.choices().stream().map(o -> Text.visible(o.label()) + " (" + Text.visible(o.value()) + ")").toList(),
                    Text.visible(p.instructions()).strip(),
                    p.commands().stream().map(c -> new SnippetView(c.platform() + (c.shell() == null ? "" : ", " + c.shell())
                            + (c.note() == null ? "" : ": " + c.note()), Text.visible(c.text()))).toList(),
                    Text.visible(Text.argv(p.argv())));
        }
        if (e instanceof SessionEvent.AnswerGiven a) {
            boolean labelled = a.label() != null && !a.label().isBlank() && !a.secret();
            return new AnswerItem("item_answer", "action".equals(a.kind()) ? "Confirmed" : "Answer",
                    Text.visible(a.secret() ? "[secret]" : labelled ? a.label() : a.value()), labelled ? Text.visible(a.value()) : "");
        }
        if (e instanceof SessionEvent.CheckEvaluated c) {
            List<CondView> conds = c.conditions().stream().map(r -> new CondView(r.when() == null ? "(default)" : r.when(),
                    r.when() == null ? "taken" : r.value() ? "true: held" : "false",
                    r.when() == null || r.value() ? "held" : "not-held", r.error() == null ? "" : r.error())).toList();
            return new CheckItem("item_check", conds, Text.held(c), c.target());
        }
        if (e instanceof SessionEvent.ProbeRan p) {
            List<Fact> facts = new ArrayList<>();
            if (p.facts() != null) {
                p.facts().forEach((k, v) -> facts.add(new Fact(k, Text.visible(Text.value(v)), true)));
            }
            if (p.unknown() != null) {
                p.unknown().forEach((k, v) -> facts.add(new Fact(k, "unknown: " + Text.visible(v), false)));
            }
            List<String> evidence = new ArrayList<>();
            if (p.evidence() != null) {
                for (Map<String, String> ev : p.evidence()) {
                    StringBuilder sb = new StringBuilder();
                    ev.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append(k).append(": ").append(v));
                    evidence.add(Text.visible(sb.toString()));
                }
            }
            return new ProbeItem("item_probe", p.probe(), Text.duration(p.durationMs()), p.error() == null ? "" : p.error(),
                    facts, evidence);
        }
        if (e instanceof SessionEvent.CommandRan c) {
            List<OutputView> outputs = new ArrayList<>();
            if (c.stdout() != null && !c.stdout().isEmpty()) {
                outputs.add(new OutputView("stdout", Text.outputSummary(c.stdout(), c.stdoutTruncated(), c.stdoutValidUtf8()),
                        Text.visible(c.stdout())));
            }
            if (c.stderr() != null && !c.stderr().isEmpty()) {
                outputs.add(new OutputView("stderr", Text.outputSummary(c.stderr(), c.stderrTruncated(), c.stderrValidUtf8()),
                        Text.visible(c.stderr())));
            }
            return new CommandItem("item_command", c.argv().isEmpty() ? "(no command for this OS)" : Text.visible(Text.argv(c.argv())),
                    String.valueOf(c.consent()), c.mutating() ? "changes the system" : "read-only", Text.visible(Text.result(c)),
                    String.valueOf(c.status()), c.exitCode() == null ? "" : String.valueOf(c.exitCode()),
                    Text.duration(c.durationMs()) + (c.timedOut() ? ", timed out" : ""), c.stdoutTruncated() || c.stderrTruncated(),
                    c.register() == null ? "" : c.register(),
                    c.error() == null || "exited".equals(c.status()) ? "" : Text.visible(c.error()), outputs);
        }
        if (e instanceof SessionEvent.NoteAdded n) {
            return new TextItem("item_text", "note", "Note", Text.visible(n.text()));
        }
        if (e instanceof SessionEvent.WentBack b) {
            return new TextItem("item_text", "nav", "Back", "from " + b.from() + " to " + b.to() + " (the answer given there is undone)");
        }
        if (e instanceof SessionEvent.Jumped j) {
            return new TextItem("item_text", "nav", "Goto", "from " + j.from() + " to " + j.to());
        }
        if (e instanceof SessionEvent.Restarted rs) {
            return new TextItem("item_text", "nav", "Restart", "from " + rs.from());
        }
        if (e instanceof SessionEvent.OutcomeReached o) {
            return new HtmlModel.OutcomeItem("item_outcome", HtmlModel.outcome(o));
        }
        if (e instanceof SessionEvent.SessionEnded s) {
            return new TextItem("item_text", "ended", "Session ended", s.reason() + (s.result() == null ? "" : ", " + s.result()));
        }
        return null;
    }
}
