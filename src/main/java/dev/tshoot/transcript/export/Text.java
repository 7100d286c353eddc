package dev.tshoot.transcript.export;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.tshoot.engine.SessionEvent;
import dev.tshoot.text.SafeText;
import dev.tshoot.text.Words;
import dev.tshoot.transcript.TranscriptJson;

/** Small text helpers shared by the export formats; safety, argv and result wording come from {@code dev.tshoot.text}. */
final class Text {

    private Text() {}

    /** One line, made safe, cut to {@code max} characters with an ellipsis: {@link SafeText#shorten}. */
    static String oneLine(String s, int max) {
        return SafeText.shorten(s, max);
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

    /** A command's result in a few words: {@link Words#commandResult}. */
    static String result(SessionEvent.CommandRan c) {
        return Words.commandResult(c.status(), c.exitCode(), c.error());
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
