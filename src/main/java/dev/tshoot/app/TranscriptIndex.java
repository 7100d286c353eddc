package dev.tshoot.app;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tshoot.transcript.TranscriptHeader;
import dev.tshoot.transcript.TranscriptJson;
import dev.tshoot.transcript.TranscriptReader;

/**
 * One row per transcript for {@code transcript list}: read from the header line and the file's tail
 * only (at most {@link #TAIL} bytes), so the work per file is bounded however long the session was.
 * It does not verify the chain: {@code transcript verify} does.
 */
public final class TranscriptIndex {

    /** Bytes read from the end of a file to find its last complete line. */
    public static final int TAIL = 64 * 1024;

    /**
     * A transcript as listed: {@code state} is the outcome result (resolved, unresolved, escalate), the
     * end reason when there was none (user, interrupted), {@code open} when no session-ended line ends
     * it (crashed or still running), {@code unreadable} when it is not a transcript this tshoot reads;
     * {@code events} is the last line's sequence number (-1 when not known).
     */
    public record Row(Path file, String startedAt, String playbook, String state, long events) {}

    private TranscriptIndex() {}

    /** The rows of the given files, in their order. */
    public static List<Row> rows(List<Path> files) {
        return files.stream().map(TranscriptIndex::row).toList();
    }

    static Row row(Path file) {
        TranscriptHeader h;
        try {
            h = TranscriptReader.header(file);
        } catch (TranscriptReader.UnreadableException e) {
            return new Row(file, "", "", "unreadable", -1);
        }
        String started = h.startedAt() == null ? "" : h.startedAt().toString();
        String playbook = h.playbook() == null ? "" : h.playbook().id() + " " + h.playbook().version();
        JsonNode last = lastLine(file);
        if (last == null) {
            return new Row(file, started, playbook, "open", -1);
        }
        long events = last.path("seq").asLong(-1);
        String state = "open";
        if ("session-ended".equals(last.path("type").asText())) {
            state = last.hasNonNull("result") ? last.get("result").asText() : last.path("reason").asText("ended");
        }
        return new Row(file, started, playbook, state, events);
    }

    /** The last complete JSON line within the tail, or null (torn, empty, not JSON). */
    static JsonNode lastLine(Path file) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long len = f.length();
            int n = (int) Math.min(len, TAIL);
            byte[] b = new byte[n];
            f.seek(len - n);
            f.readFully(b);
            String tail = new String(b, StandardCharsets.UTF_8);
            String[] lines = tail.split("\n");
            for (int i = lines.length - 1; i >= 0; i--) {
                String l = lines[i].strip();
                if (l.isEmpty()) {
                    continue;
                }
                try {
                    return TranscriptJson.MAPPER.readTree(l);
                } catch (IOException e) {
                    return null; // a torn last line: the session did not close
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
