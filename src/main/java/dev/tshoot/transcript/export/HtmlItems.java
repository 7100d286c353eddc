package dev.tshoot.transcript.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tshoot.engine.SessionEvent;
import dev.tshoot.text.SafeText;
import dev.tshoot.text.Words;
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
        SessionEvent.Visitor<Object> visitor = item(new ConsentLabels());
        for (SessionEvent e : s.events()) {
            Object item = e.accept(visitor);
            if (item != null) {
                out.add(item);
            }
        }
        return out;
    }

    /** The template item for one event; null for an event the step shows no item for (entering the node). */
    private static SessionEvent.Visitor<Object> item(ConsentLabels labels) {
        return new SessionEvent.Visitor<>() {
            @Override public Object nodeEntered(SessionEvent.NodeEntered n) {
                return null; // the step heading shows the node
            }

            @Override public Object promptShown(SessionEvent.PromptShown p) {
                labels.prompted(p);
                String label = switch (String.valueOf(p.kind())) {
                    case "consent" -> "Asked to run";
                    case "action" -> "Action";
                    default -> "Question";
                };
                return new PromptItem("item_prompt", String.valueOf(p.kind()), label, SafeText.block(p.text()), HtmlModel.Html.of(p.help()),
                        "yesno".equals(p.kind()) || "consent".equals(p.kind()) ? List.of()
                                : p.choices().stream().map(o -> SafeText.block(o.label()) + " (" + SafeText.block(o.value()) + ")").toList(),
                        HtmlModel.Html.of(p.instructions()),
                        p.commands().stream().map(c -> new SnippetView(c.platform() + (c.shell() == null ? "" : ", " + c.shell())
                                + (c.note() == null ? "" : ": " + c.note()), SafeText.block(c.text()))).toList(),
                        Words.argv(p.argv()));
            }

            @Override public Object answerGiven(SessionEvent.AnswerGiven a) {
                boolean labelled = a.label() != null && !a.label().isBlank() && !a.secret();
                return new AnswerItem("item_answer", "action".equals(a.kind()) ? "Confirmed" : "Answer",
                        SafeText.block(a.secret() ? "[secret]" : labelled ? a.label() : a.value()), labelled ? SafeText.block(a.value()) : "");
            }

            @Override public Object checkEvaluated(SessionEvent.CheckEvaluated c) {
                List<CondView> conds = c.conditions().stream().map(r -> new CondView(r.when() == null ? "(default)" : r.when(),
                        r.when() == null ? "taken" : r.value() ? "true: held" : "false",
                        r.when() == null || r.value() ? "held" : "not-held", r.error() == null ? "" : r.error())).toList();
                return new CheckItem("item_check", conds, Text.held(c), c.target());
            }

            @Override public Object probeRan(SessionEvent.ProbeRan p) {
                List<Fact> facts = new ArrayList<>();
                if (p.facts() != null) {
                    p.facts().forEach((k, v) -> facts.add(new Fact(k, SafeText.block(Text.value(v)), true)));
                }
                if (p.unknown() != null) {
                    p.unknown().forEach((k, v) -> facts.add(new Fact(k, "unknown: " + SafeText.block(v), false)));
                }
                List<String> evidence = new ArrayList<>();
                if (p.evidence() != null) {
                    for (Map<String, String> ev : p.evidence()) {
                        StringBuilder sb = new StringBuilder();
                        ev.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append(k).append(": ").append(v));
                        evidence.add(SafeText.block(sb.toString()));
                    }
                }
                return new ProbeItem("item_probe", p.probe(), Text.duration(p.durationMs()), p.error() == null ? "" : p.error(),
                        facts, evidence);
            }

            @Override public Object commandRan(SessionEvent.CommandRan c) {
                List<OutputView> outputs = new ArrayList<>();
                if (c.stdout() != null && !c.stdout().isEmpty()) {
                    outputs.add(new OutputView("stdout", Text.outputSummary(c.stdout(), c.stdoutTruncated(), c.stdoutValidUtf8()),
                            SafeText.block(c.stdout())));
                }
                if (c.stderr() != null && !c.stderr().isEmpty()) {
                    outputs.add(new OutputView("stderr", Text.outputSummary(c.stderr(), c.stderrTruncated(), c.stderrValidUtf8()),
                            SafeText.block(c.stderr())));
                }
                return new CommandItem("item_command", c.argv().isEmpty() ? "(no command for this OS)" : Words.argv(c.argv()),
                        String.valueOf(c.consent()), labels.label(c), SafeText.block(Text.result(c)),
                        String.valueOf(c.status()), c.exitCode() == null ? "" : String.valueOf(c.exitCode()),
                        Text.duration(c.durationMs()) + (c.timedOut() ? ", timed out" : ""), c.stdoutTruncated() || c.stderrTruncated(),
                        c.register() == null ? "" : c.register(),
                        c.error() == null || "exited".equals(c.status()) ? "" : SafeText.block(c.error()), outputs);
            }

            @Override public Object noteAdded(SessionEvent.NoteAdded n) {
                return new TextItem("item_text", "note", "Note", SafeText.block(n.text()));
            }

            @Override public Object wentBack(SessionEvent.WentBack b) {
                return new TextItem("item_text", "nav", "Back", "from " + b.from() + " to " + b.to() + " (the answer given there is undone)");
            }

            @Override public Object jumped(SessionEvent.Jumped j) {
                return new TextItem("item_text", "nav", "Goto", "from " + j.from() + " to " + j.to());
            }

            @Override public Object restarted(SessionEvent.Restarted rs) {
                return new TextItem("item_text", "nav", "Restart", "from " + rs.from());
            }

            @Override public Object outcomeReached(SessionEvent.OutcomeReached o) {
                return new HtmlModel.OutcomeItem("item_outcome", HtmlModel.outcome(o));
            }

            @Override public Object sessionEnded(SessionEvent.SessionEnded s) {
                return new TextItem("item_text", "ended", "Session ended", s.reason() + (s.result() == null ? "" : ", " + s.result()));
            }
        };
    }
}
