package dev.tshoot.transcript.export;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.tshoot.transcript.TranscriptJson;

/**
 * Writes asciicast v2 event lines: times in seconds since the start, never decreasing; output with
 * CR LF line ends, cut into events of bounded size without ever splitting a surrogate pair.
 */
final class CastWriter {

    static final int MAX_CHUNK = 2048;

    private final Instant start;
    private final StringBuilder out = new StringBuilder();
    private long lastMs;

    CastWriter(Instant start) {
        this.start = start;
    }

    /** Output shown at {@code at} (null: at the time of the previous event). {@code \n} becomes CR LF. */
    void output(Instant at, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        double t = time(at);
        String crlf = text.replace("\r\n", "\n").replace("\n", "\r\n");
        for (String chunk : chunks(crlf, MAX_CHUNK)) {
            line(t, "o", chunk);
        }
    }

    /** A marker (a chapter in players), such as {@code node:ask-os}. */
    void marker(Instant at, String label) {
        line(time(at), "m", label);
    }

    String text() {
        return out.toString();
    }

    private double time(Instant at) {
        if (at != null && start != null) {
            long ms = Duration.between(start, at).toMillis();
            lastMs = Math.max(lastMs, ms);
        }
        return lastMs / 1000.0;
    }

    private void line(double t, String code, String data) {
        ArrayNode a = TranscriptJson.MAPPER.createArrayNode();
        a.add(t).add(code).add(data);
        try {
            out.append(TranscriptJson.MAPPER.writeValueAsString(a)).append('\n');
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a cast event could not be encoded", e);
        }
    }

    /**
     * Cuts {@code s} into pieces of at most {@code max} chars, at a line end when one is near and never
     * between the two halves of a surrogate pair.
     */
    static java.util.List<String> chunks(String s, int max) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int i = 0;
        while (s.length() - i > max) {
            int cut = i + max;
            int nl = s.lastIndexOf('\n', cut - 1);
            if (nl >= i + max / 2) {
                cut = nl + 1;
            } else if (Character.isHighSurrogate(s.charAt(cut - 1)) && Character.isLowSurrogate(s.charAt(cut))) {
                cut--;
            } else if (s.charAt(cut - 1) == '\r' && s.charAt(cut) == '\n') {
                cut--;
            }
            out.add(s.substring(i, cut));
            i = cut;
        }
        if (i < s.length()) {
            out.add(s.substring(i));
        }
        return out;
    }
}
