package dev.tshoot.transcript.export;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tshoot.engine.SessionEvent;
import dev.tshoot.playbook.Node;
import dev.tshoot.text.SafeText;
import dev.tshoot.text.Styler;
import dev.tshoot.text.Tone;
import dev.tshoot.text.Words;
import dev.tshoot.transcript.TranscriptHeader;
import dev.tshoot.transcript.TranscriptJson;

/**
 * The session as the user saw it, as an asciicast v2 recording: questions with their choices, the
 * answers, action instructions, commands with their outputs, notes and the outcome, at the times
 * recorded, with one {@code node:<id>} marker per node entered. Text from the transcript goes through
 * the text layer (controls made visible, styling by JLine), so a recorded output cannot drive the
 * player's terminal: the only escape sequences in a recording are the styles {@link Styler} wrote.
 */
public final class CastExporter {

    public static final int WIDTH = 100;
    public static final int HEIGHT = 30;

    /** Recordings are played on a colour terminal: always styled. */
    private static final Styler S = Styler.ANSI;

    public String render(Report r) {
        TranscriptHeader h = r.header();
        ObjectNode head = TranscriptJson.MAPPER.createObjectNode();
        head.put("version", 2);
        head.put("width", WIDTH);
        head.put("height", HEIGHT);
        head.put("timestamp", h.startedAt() == null ? 0 : h.startedAt().getEpochSecond());
        head.put("idle_time_limit", 2);
        head.put("title", "tshoot: " + Text.oneLine(h.playbook().title(), 80) + " (session " + SafeText.inline(h.sessionId()) + ")");
        CastWriter w = new CastWriter(h.startedAt());
        w.output(h.startedAt(), S.bold("tshoot session " + v(h.sessionId()) + ": " + v(h.playbook().title())) + "\n"
                + S.dim("playbook " + v(h.playbook().id()) + " " + v(h.playbook().version()) + ", sha256 "
                        + v(h.playbook().sha256()) + ", tshoot " + v(h.tshootVersion())) + "\n"
                + (h.playbook().signature() == null ? "" : S.dim(v(h.playbook().signature().describe())) + "\n")
                + integrity(r.integrity()) + "\n");
        for (SessionEvent e : r.source().transcript().events()) {
            event(w, e);
        }
        w.output(null, "\n" + integrity(r.integrity()) + "\n");
        try {
            return SafeText.json(TranscriptJson.MAPPER.writeValueAsString(head) + "\n" + w.text());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the cast header could not be encoded", e);
        }
    }

    private static void event(CastWriter w, SessionEvent e) {
        e.accept(new SessionEvent.Visitor<Void>() {
            @Override public Void nodeEntered(SessionEvent.NodeEntered n) {
                w.marker(n.at(), "node:" + SafeText.inline(n.node()));
                return null;
            }

            @Override public Void promptShown(SessionEvent.PromptShown p) {
                w.output(p.at(), prompt(p));
                return null;
            }

            @Override public Void answerGiven(SessionEvent.AnswerGiven a) {
                String shown = a.secret() ? "[secret]" : a.label() != null && !a.label().isBlank() ? a.label() : a.value();
                w.output(a.at(), S.line().styled(Tone.GREEN, "action".equals(a.kind()) ? "✓ " : "❯ ").plain(shown + "\n").toString());
                return null;
            }

            @Override public Void checkEvaluated(SessionEvent.CheckEvaluated c) {
                w.output(c.at(), S.dim("  check " + v(c.node()) + ": " + Text.oneLine(Text.held(c), 200) + " → " + v(c.target())) + "\n");
                return null;
            }

            @Override public Void probeRan(SessionEvent.ProbeRan p) {
                StringBuilder facts = new StringBuilder();
                if (p.facts() != null) {
                    p.facts().forEach((k, val) -> facts.append(facts.length() == 0 ? "" : ", ").append(k).append('=').append(Text.value(val)));
                }
                Styler.Line line = S.line().plain("  ").styled(Tone.GREEN, "probe").plain(" " + p.probe() + ": "
                        + Text.oneLine(facts.toString(), 300));
                if (p.error() != null) {
                    line.styled(Tone.YELLOW, " (" + p.error() + ")");
                }
                w.output(p.at(), line.plain("\n").toString());
                return null;
            }

            @Override public Void commandRan(SessionEvent.CommandRan c) {
                w.output(c.at(), command(c));
                return null;
            }

            @Override public Void noteAdded(SessionEvent.NoteAdded n) {
                w.output(n.at(), S.line().styled(Tone.YELLOW, "  note: ").plain(n.text() + "\n").toString());
                return null;
            }

            @Override public Void wentBack(SessionEvent.WentBack b) {
                w.output(b.at(), S.line().styled(Tone.YELLOW, "← back").plain(" from " + b.from() + " to " + b.to() + "\n").toString());
                return null;
            }

            @Override public Void jumped(SessionEvent.Jumped j) {
                w.output(j.at(), S.line().styled(Tone.YELLOW, "→ goto").plain(" " + j.to() + " (from " + j.from() + ")\n").toString());
                return null;
            }

            @Override public Void restarted(SessionEvent.Restarted rs) {
                w.output(rs.at(), S.line().styled(Tone.YELLOW, "↺ restart").plain(" (from " + rs.from() + ")\n").toString());
                return null;
            }

            @Override public Void outcomeReached(SessionEvent.OutcomeReached o) {
                StringBuilder sb = new StringBuilder("\n").append(S.result(o.result())).append("  ").append(S.bold(o.title())).append('\n');
                sb.append(SafeText.indent(o.message(), "  "));
                if (!o.references().isEmpty()) {
                    sb.append("  References:\n");
                    o.references().forEach(ref -> sb.append("    ").append(v(ref)).append('\n'));
                }
                w.output(o.at(), sb.toString());
                return null;
            }

            @Override public Void sessionEnded(SessionEvent.SessionEnded s) {
                w.output(s.at(), S.dim("session ended (" + v(s.reason()) + (s.result() == null ? "" : ", " + v(s.result())) + ")") + "\n");
                return null;
            }
        });
    }

    private static String prompt(SessionEvent.PromptShown p) {
        StringBuilder sb = new StringBuilder("\n");
        String kind = String.valueOf(p.kind());
        if ("consent".equals(kind)) {
            // what tshoot recorded when it asked, never the playbook's word alone; the playbook's title first
            String help = p.help() == null ? "" : p.help();
            sb.append(S.bold(v(p.text()))).append('\n');
            sb.append("  tshoot wants to run ").append(help.equals("This command only reads.") ? "a read-only command"
                    : help.contains("CHANGES") ? S.red("a command that CHANGES the system") : S.red("a command that may change the system"))
                    .append(":\n    ").append(S.cyan(v(Words.argv(p.argv())))).append('\n');
            if (!help.isBlank()) {
                sb.append("  ").append(v(help)).append('\n');
            }
            List<String> options = p.choices().stream().map(o -> v(o.value())).toList();
            sb.append("  Run it? ").append(options.isEmpty() ? "yes / no" : String.join(" / ", options)).append('\n');
            return sb.toString();
        }
        if ("action".equals(kind)) {
            sb.append(S.cyan("▶ " + v(p.text()))).append('\n').append(SafeText.indent(p.instructions(), "  "));
            for (Node.Snippet c : p.commands()) {
                sb.append("  ").append(S.dim("[" + v(c.platform()) + (c.shell() != null ? ", " + v(c.shell()) : "") + "]"
                        + (c.note() != null ? " " + v(c.note()) : ""))).append('\n').append(SafeText.indent(c.text(), "      "));
            }
            sb.append(S.dim("  Answer 'done' when it is done.")).append('\n');
            return sb.toString();
        }
        sb.append(S.bold(v(p.text()))).append('\n');
        if (p.help() != null && !p.help().isBlank()) {
            sb.append(S.dim(SafeText.indent(p.help(), "  ").stripTrailing())).append('\n');
        }
        for (int i = 0; i < p.choices().size(); i++) {
            sb.append("  ").append(i + 1).append(") ").append(v(p.choices().get(i).label())).append('\n');
        }
        if (p.choices().isEmpty()) {
            sb.append(S.dim("  (type the answer)")).append('\n');
        }
        return sb.toString();
    }

    private static String command(SessionEvent.CommandRan c) {
        StringBuilder sb = new StringBuilder();
        if (!c.argv().isEmpty()) {
            sb.append(S.dim("  consent: " + v(c.consent()))).append('\n');
            sb.append(S.cyan("$ " + v(Words.argv(c.argv())))).append('\n');
        }
        appendOutput(sb, c.stdout(), Tone.PLAIN);
        appendOutput(sb, c.stderr(), Tone.RED);
        sb.append(S.dim("  → " + Text.oneLine(Text.result(c), 200) + ", " + Text.duration(c.durationMs())
                + (c.stdoutTruncated() || c.stderrTruncated() ? ", output truncated" : ""))).append('\n');
        return sb.toString();
    }

    private static void appendOutput(StringBuilder sb, String text, Tone tone) {
        if (text == null || text.isEmpty()) {
            return;
        }
        String t = v(text);
        if (!t.endsWith("\n")) {
            t += "\n";
        }
        sb.append(tone == Tone.PLAIN ? t : S.style(tone, t.substring(0, t.length() - 1)) + "\n");
    }

    private static String integrity(Integrity i) {
        Tone tone = switch (i.status()) {
            case OK -> Tone.GREEN;
            case TORN_TAIL -> Tone.YELLOW;
            default -> Tone.RED;
        };
        return S.style(tone, "Integrity: " + i.headline()) + (i.status() == dev.tshoot.transcript.TranscriptVerifier.Status.OK
                ? "" : "\n" + S.dim(v(i.message()))) + "\n" + S.dim(v(i.advice()));
    }

    /** Transcript text made safe for a terminal. */
    private static String v(String s) {
        return SafeText.block(s);
    }
}
