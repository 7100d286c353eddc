package dev.tshoot.transcript.export;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.tshoot.engine.SessionEvent;
import dev.tshoot.transcript.TranscriptJson;

/** Small text helpers shared by the export formats. */
final class Text {

    private Text() {}

    /**
     * Output as a reader should see it: CR LF becomes LF, and control characters other than LF and
     * TAB are shown as their Unicode "control pictures" (ESC as U+241B), so no output can drive a
     * terminal or hide text. Lone surrogates become U+FFFD.
     */
    static String visible(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replace("\r\n", "\n");
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\n' || c == '\t') {
                sb.append(c);
            } else if (c < 0x20) {
                sb.append((char) (0x2400 + c));
            } else if (c == 0x7f) {
                sb.append('\u2421');
            } else if (Character.isHighSurrogate(c) && i + 1 < t.length() && Character.isLowSurrogate(t.charAt(i + 1))) {
                sb.append(c).append(t.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                sb.append('\uFFFD');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** One line, whitespace collapsed, cut to {@code max} characters with an ellipsis (never inside a surrogate pair). */
    static String oneLine(String s, int max) {
        String one = visible(s).replaceAll("\\s+", " ").strip();
        if (one.length() <= max) {
            return one;
        }
        int cut = max - 1;
        if (Character.isHighSurrogate(one.charAt(cut - 1))) {
            cut--;
        }
        return one.substring(0, cut) + "…";
    }

    /** An argument list the way a user could type it: arguments with spaces or quotes are quoted. */
    static String argv(List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (String a : argv) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(a.isEmpty() || a.matches("(?s).*[\\s\"'$`\\\\;&|<>()*?!#~].*") ? "'" + a.replace("'", "'\\''") + "'" : a);
        }
        return sb.toString();
    }

    /** "12 ms", "1.5 s", "2 min 3 s". */
    static String duration(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return ms / 60_000 + " min " + (ms % 60_000) / 1000 + " s";
    }

    /** "+5 s" after the session start. */
    static String offset(Instant start, Instant at) {
        if (start == null || at == null) {
            return "";
        }
        long s = Duration.between(start, at).getSeconds();
        return s < 3600 ? String.format(java.util.Locale.ROOT, "+%d:%02d", s / 60, s % 60)
                : String.format(java.util.Locale.ROOT, "+%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /** What the check's decision rested on: the condition that held, or the default. */
    static String held(SessionEvent.CheckEvaluated c) {
        if (c.conditions().isEmpty()) {
            return "→ " + c.target();
        }
        SessionEvent.ConditionResult last = c.conditions().get(c.conditions().size() - 1);
        if (last.when() == null) {
            return c.conditions().size() == 1 ? "default" : "default (no condition held)";
        }
        return last.when();
    }

    /** A command's result in a few words: "exit 0", "not run (declined)", "timed out". */
    static String result(SessionEvent.CommandRan c) {
        String status = c.status() == null ? "unknown" : c.status();
        return switch (status) {
            case "exited" -> "exit " + c.exitCode();
            case "declined" -> "not run (declined)";
            case "dry_run" -> "not run (dry run)";
            case "not_applicable" -> "not run (no command for this OS)";
            default -> status.replace('_', ' ') + (c.error() != null ? ": " + c.error() : "");
        };
    }

    /** A fact value as text: strings as they are, anything else as compact JSON. */
    static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return s;
        }
        try {
            return TranscriptJson.MAPPER.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            return String.valueOf(v);
        }
    }

    static int lines(String s) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        int n = (int) s.chars().filter(c -> c == '\n').count();
        return s.endsWith("\n") ? n : n + 1;
    }

    static int bytes(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** "3 lines, 120 bytes, truncated at record time, not valid UTF-8" as applicable. */
    static String outputSummary(String text, boolean truncated, boolean validUtf8) {
        int l = lines(text);
        return l + (l == 1 ? " line, " : " lines, ") + bytes(text) + " bytes"
                + (truncated ? ", truncated at record time" : "") + (validUtf8 ? "" : ", not valid UTF-8 (shown with replacements)");
    }
}
