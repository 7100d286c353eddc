package dev.tshoot.transcript;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.tshoot.engine.SessionEvent;

/**
 * Reads a transcript back into its header and events, streaming. Lines of event types this
 * version does not know are skipped (newer writers may add types); a torn last line is left out;
 * a format version this reader does not know is refused with a clear message.
 */
public final class TranscriptReader {

    /** A transcript that cannot be read at all; the message says why and what to do. */
    public static final class UnreadableException extends Exception {
        public UnreadableException(String message) {
            super(message);
        }
    }

    /** A whole transcript in memory, with the result of verifying its hash chain. */
    public record Transcript(Path file, TranscriptHeader header, List<SessionEvent> events,
            TranscriptVerifier.Result integrity, int skippedLines) {}

    private TranscriptReader() {}

    /** Reads only the header line (checks that it is a transcript of a format this version reads). */
    public static TranscriptHeader header(Path file) throws UnreadableException {
        if (!Files.isRegularFile(file)) {
            throw new UnreadableException("No transcript at " + file + ". 'transcript list' shows the recorded sessions.");
        }
        try (LineSource src = new LineSource(file)) {
            return readHeader(src, file);
        } catch (IOException e) {
            throw new UnreadableException("Could not read " + file + ": " + e.getMessage());
        }
    }

    /** Reads everything (for export and step-through replay). */
    public static Transcript read(Path file) throws UnreadableException {
        List<SessionEvent> events = new ArrayList<>();
        int[] skipped = {0};
        TranscriptHeader h = stream(file, events::add, () -> skipped[0]++);
        return new Transcript(file, h, List.copyOf(events), new TranscriptVerifier().verify(file), skipped[0]);
    }

    /**
     * Streams events to {@code sink} without holding them (for long transcripts); returns the header.
     * {@code skipped} is called once per line that was not an event this version knows.
     */
    public static TranscriptHeader stream(Path file, Consumer<SessionEvent> sink, Runnable skipped)
            throws UnreadableException {
        if (!Files.isRegularFile(file)) {
            throw new UnreadableException("No transcript at " + file + ". 'transcript list' shows the recorded sessions.");
        }
        try (LineSource src = new LineSource(file)) {
            TranscriptHeader header = readHeader(src, file);
            LineSource.Line line;
            while ((line = src.next()) != null) {
                JsonNode n = parse(line.text());
                if (n == null || !n.isObject()) {
                    skipped.run(); // a torn or damaged line: verification reports it
                    continue;
                }
                SessionEvent e;
                try {
                    e = TranscriptJson.decode(n);
                } catch (JsonProcessingException ex) {
                    e = null;
                }
                if (e == null) {
                    skipped.run();
                } else {
                    sink.accept(e);
                }
            }
            return header;
        } catch (IOException e) {
            throw new UnreadableException("Could not read " + file + ": " + e.getMessage());
        }
    }

    private static TranscriptHeader readHeader(LineSource src, Path file) throws IOException, UnreadableException {
        LineSource.Line first = src.next();
        if (first == null) {
            throw new UnreadableException(file + " is empty: it holds no transcript header.");
        }
        JsonNode h = parse(first.text());
        if (h == null || !TranscriptHeader.FORMAT.equals(h.path("format").asText())) {
            throw new UnreadableException(file + " is not a tshoot transcript: line 1 is not a transcript header.");
        }
        int version = h.path("formatVersion").asInt(-1);
        if (version != TranscriptHeader.FORMAT_VERSION) {
            throw new UnreadableException(file + " uses transcript format version " + version + "; this tshoot reads"
                    + " version " + TranscriptHeader.FORMAT_VERSION + ". Open it with the tshoot release that wrote it ("
                    + h.path("tshootVersion").asText("unknown") + ") or a newer one.");
        }
        TranscriptHeader header;
        try {
            header = TranscriptJson.decodeHeader(h);
        } catch (JsonProcessingException e) {
            throw new UnreadableException(file + " has a damaged header: " + e.getOriginalMessage());
        }
        TranscriptHeader.PlaybookRef p = header.playbook();
        if (p == null || p.id() == null || !p.id().matches("[a-z0-9]+(-[a-z0-9]+)*") || p.sha256() == null
                || !p.sha256().matches("[0-9a-f]{64}") || header.host() == null || header.startedAt() == null
                || header.sessionId() == null) {
            throw new UnreadableException(file + " has a damaged header: it must name the playbook (id and sha256),"
                    + " the session, its start time and the host. 'transcript verify' tells whether it was altered.");
        }
        return header;
    }

    private static JsonNode parse(String text) {
        try {
            return TranscriptJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
