package dev.tshoot.transcript.export;

import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tshoot.engine.SessionEvent;
import dev.tshoot.playbook.Node;
import dev.tshoot.transcript.TranscriptHeader;
import dev.tshoot.transcript.TranscriptJson;

/**
 * The session as the user saw it, as an asciicast v2 recording: questions with their choices, the
 * answers, action instructions, commands with their outputs, notes and the outcome, at the times
 * recorded, with one {@code node:<id>} marker per node entered. Text from the transcript has its
 * control characters made visible, so a recorded output cannot drive the player's terminal.
 */
public final class CastExporter {

    public static final int WIDTH = 100;
    public static final int HEIGHT = 30;

    private static final String ESC = "\u001b[";

    public String render(Report r) {
        TranscriptHeader h = r.header();
        ObjectNode head = TranscriptJson.MAPPER.createObjectNode();
        head.put("version", 2);
        head.put("width", WIDTH);
        head.put("height", HEIGHT);
        head.put("timestamp", h.startedAt() == null ? 0 : h.startedAt().getEpochSecond());
        head.put("idle_time_limit", 2);
        head.put("title", "tshoot: " + Text.oneLine(h.playbook().title(), 80) + " (session " + h.sessionId() + ")");
        CastWriter w = new CastWriter(h.startedAt());
        w.output(h.startedAt(), bold("tshoot session " + v(h.sessionId()) + ": " + v(h.playbook().title())) + "\n"
                + dim("playbook " + v(h.playbook().id()) + " " + v(h.playbook().version()) + ", sha256 "
                        + v(h.playbook().sha256()) + ", tshoot " + v(h.tshootVersion())) + "\n"
                + integrity(r.integrity()) + "\n");
        for (SessionEvent e : r.source().transcript().events()) {
            event(w, e);
        }
        w.output(null, "\n" + integrity(r.integrity()) + "\n");
        try {
            return TranscriptJson.MAPPER.writeValueAsString(head) + "\n" + w.text();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the cast header could not be encoded", e);
        }
    }

    private static void event(CastWriter w, SessionEvent e) {
        if (e instanceof SessionEvent.NodeEntered n) {
            w.marker(n.at(), "node:" + v(n.node()));
        } else if (e instanceof SessionEvent.PromptShown p) {
            w.output(p.at(), prompt(p));
        } else if (e instanceof SessionEvent.AnswerGiven a) {
            String shown = a.secret() ? "[secret]" : a.label() != null && !a.label().isBlank() ? a.label() : a.value();
            w.output(a.at(), color("32", "action".equals(a.kind()) ? "✓ " : "❯ ") + v(shown) + "\n");
        } else if (e instanceof SessionEvent.CheckEvaluated c) {
            w.output(c.at(), dim("  check " + v(c.node()) + ": " + Text.oneLine(Text.held(c), 200) + " → " + v(c.target())) + "\n");
        } else if (e instanceof SessionEvent.ProbeRan p) {
            StringBuilder facts = new StringBuilder();
            if (p.facts() != null) {
                p.facts().forEach((k, val) -> facts.append(facts.length() == 0 ? "" : ", ").append(k).append('=').append(Text.value(val)));
            }
            w.output(p.at(), "  " + color("32", "probe") + " " + v(p.probe()) + ": " + Text.oneLine(facts.toString(), 300)
                    + (p.error() != null ? color("33", " (" + v(p.error()) + ")") : "") + "\n");
        } else if (e instanceof SessionEvent.CommandRan c) {
            w.output(c.at(), command(c));
        } else if (e instanceof SessionEvent.NoteAdded n) {
            w.output(n.at(), color("33", "  note: ") + v(n.text()) + "\n");
        } else if (e instanceof SessionEvent.WentBack b) {
            w.output(b.at(), color("33", "← back") + " from " + v(b.from()) + " to " + v(b.to()) + "\n");
        } else if (e instanceof SessionEvent.Jumped j) {
            w.output(j.at(), color("33", "→ goto") + " " + v(j.to()) + " (from " + v(j.from()) + ")\n");
        } else if (e instanceof SessionEvent.Restarted rs) {
            w.output(rs.at(), color("33", "↺ restart") + " (from " + v(rs.from()) + ")\n");
        } else if (e instanceof SessionEvent.OutcomeReached o) {
            StringBuilder sb = new StringBuilder("\n").append(result(o.result())).append("  ").append(bold(v(o.title()))).append('\n');
            sb.append(indent(o.message(), "  "));
            if (!o.references().isEmpty()) {
                sb.append("  References:\n");
                o.references().forEach(ref -> sb.append("    ").append(v(ref)).append('\n'));
            }
            w.output(o.at(), sb.toString());
        } else if (e instanceof SessionEvent.SessionEnded s) {
            w.output(s.at(), dim("session ended (" + v(s.reason()) + (s.result() == null ? "" : ", " + v(s.result())) + ")") + "\n");
        }
    }

    private static String prompt(SessionEvent.PromptShown p) {
        StringBuilder sb = new StringBuilder("\n");
        String kind = String.valueOf(p.kind());
        if ("consent".equals(kind)) {
            boolean changes = p.help() != null && p.help().contains("CHANGES");
            sb.append(bold(v(p.text()))).append('\n');
            sb.append("  tshoot wants to run ").append(changes ? color("31", "a command that CHANGES the system") : "a read-only command")
                    .append(":\n    ").append(color("36", v(Text.argv(p.argv())))).append('\n');
            sb.append("  Run it? yes / no / always\n");
            return sb.toString();
        }
        if ("action".equals(kind)) {
            sb.append(color("36", "▶ " + v(p.text()))).append('\n').append(indent(p.instructions(), "  "));
            for (Node.Snippet c : p.commands()) {
                sb.append("  ").append(dim("[" + v(c.platform()) + (c.shell() != null ? ", " + v(c.shell()) : "") + "]"
                        + (c.note() != null ? " " + v(c.note()) : ""))).append('\n').append(indent(c.text(), "      "));
            }
            sb.append(dim("  Answer 'done' when it is done.")).append('\n');
            return sb.toString();
        }
        sb.append(bold(v(p.text()))).append('\n');
        if (p.help() != null && !p.help().isBlank()) {
            sb.append(dim(indent(p.help(), "  ").stripTrailing())).append('\n');
        }
        for (int i = 0; i < p.choices().size(); i++) {
            sb.append("  ").append(i + 1).append(") ").append(v(p.choices().get(i).label())).append('\n');
        }
        if (p.choices().isEmpty()) {
            sb.append(dim("  (type the answer)")).append('\n');
        }
        return sb.toString();
    }

    private static String command(SessionEvent.CommandRan c) {
        StringBuilder sb = new StringBuilder();
        if (!c.argv().isEmpty()) {
            sb.append(dim("  consent: " + v(c.consent()))).append('\n');
            sb.append(color("36", "$ " + v(Text.argv(c.argv())))).append('\n');
        }
        appendOutput(sb, c.stdout(), null);
        appendOutput(sb, c.stderr(), "31");
        sb.append(dim("  → " + Text.oneLine(Text.result(c), 200) + ", " + Text.duration(c.durationMs())
                + (c.stdoutTruncated() || c.stderrTruncated() ? ", output truncated" : ""))).append('\n');
        return sb.toString();
    }

    private static void appendOutput(StringBuilder sb, String text, String color) {
        if (text == null || text.isEmpty()) {
            return;
        }
        String t = v(text);
        if (!t.endsWith("\n")) {
            t += "\n";
        }
        sb.append(color == null ? t : color(color, t.substring(0, t.length() - 1)) + "\n");
    }

    private static String integrity(Integrity i) {
        String c = switch (i.status()) {
            case OK -> "32";
            case TORN_TAIL -> "33";
            default -> "31";
        };
        return color(c, "Integrity: " + i.headline()) + (i.status() == dev.tshoot.transcript.TranscriptVerifier.Status.OK
                ? "" : "\n" + dim(v(i.message())));
    }

    private static String result(String r) {
        String up = String.valueOf(r).toUpperCase(Locale.ROOT);
        return switch (String.valueOf(r)) {
            case "resolved" -> color("32", up);
            case "unresolved" -> color("33", up);
            default -> color("31", up);
        };
    }

    private static String indent(String text, String prefix) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String l : v(text).strip().split("\n", -1)) {
            sb.append(prefix).append(l).append('\n');
        }
        return sb.toString();
    }

    /** Transcript text made safe for a terminal. */
    private static String v(String s) {
        return Text.visible(s);
    }

    private static String bold(String s) { return ESC + "1m" + s + ESC + "0m"; }

    private static String dim(String s) { return ESC + "2m" + s + ESC + "0m"; }

    private static String color(String code, String s) { return ESC + code + "m" + s + ESC + "0m"; }
}
