package dev.tshoot.transcript;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.tshoot.playbook.BoundedFiles;
import dev.tshoot.engine.SessionEvent;
import dev.tshoot.transcript.wire.WireCodec;
import dev.tshoot.transcript.wire.WireFormatException;

/**
 * Reads a transcript back into its header and events, streaming, in either format version:
 * version 2 strictly (through the records of {@link dev.tshoot.transcript.wire}: an unknown event
 * type or property, a missing property or an unknown value is refused with its line number),
 * version 1 leniently as it promised (unknown members ignored, lines of unknown event types
 * skipped). In both, a line that is not JSON (a torn last line, or damage that verification
 * reports) is left out; a format version this reader does not know is refused with a clear message.
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

    /** Refuses, before opening it, a file that is missing or not regular (a FIFO would block, a device never end). */
    static void requireRegular(Path file) throws UnreadableException {
        if (!Files.exists(file)) {
            throw new UnreadableException("No transcript at " + file + ". 'transcript list' shows the recorded sessions.");
        }
        try {
            BoundedFiles.requireRegular(file, "transcript");
        } catch (BoundedFiles.Refused e) {
            throw new UnreadableException(e.getMessage());
        }
    }

    /** Reads only the header line (checks that it is a transcript of a format this version reads). */
    public static TranscriptHeader header(Path file) throws UnreadableException {
        requireRegular(file);
        try (LineSource src = new LineSource(file)) {
            return readHeader(src.next(), file);
        } catch (IOException e) {
            throw new UnreadableException("Could not read " + file + ": " + e.getMessage());
        }
    }

    /** Reads everything (for export and step-through replay), verifying the hash chain in the same pass. */
    public static Transcript read(Path file) throws UnreadableException {
        List<SessionEvent> events = new ArrayList<>();
        int[] skipped = {0};
        TranscriptPass.Outcome o = TranscriptPass.run(file, true, false, h -> events::add, () -> skipped[0]++);
        if (o.notOfTheFormat() != null) {
            throw o.notOfTheFormat();
        }
        return new Transcript(file, o.header(), List.copyOf(events), o.chain(), skipped[0]);
    }

    /**
     * Streams events to {@code sink} without holding them (for long transcripts); returns the header.
     * {@code skipped} is called once per line left out: one that is not JSON (both versions), or, in
     * version 1, one of an event type this version does not know. A version-2 line that is JSON but
     * not a line of the format is refused with an {@link UnreadableException} naming its line.
     */
    public static TranscriptHeader stream(Path file, Consumer<SessionEvent> sink, Runnable skipped)
            throws UnreadableException {
        return TranscriptPass.run(file, false, false, h -> sink, skipped).header();
    }

    /**
     * What {@link #scan} found: the header, the chain's verdict (it stops at the first broken line:
     * nothing after it reached the sink), and the first line that is not of the format (null when
     * every line is), which also stopped the events.
     */
    public record Scanned(TranscriptHeader header, TranscriptVerifier.Result chain, UnreadableException notOfTheFormat) {}

    /**
     * Streams events to the sink {@code sinks} gives for the header while walking the hash chain, in
     * one pass, holding nothing; events whose type is in {@code skim} are checked (hash, chain and
     * format) but not built or handed over. For readers of many files (stats), which must tell a
     * broken file from a good one: the verdict comes back, and a sink keeps what it took until then.
     * All on the calling thread (no read-ahead), so that such a reader can spread files over its cores.
     */
    public static Scanned scan(Path file, java.util.function.Function<TranscriptHeader, Consumer<SessionEvent>> sinks,
            java.util.Set<String> skim) throws UnreadableException {
        TranscriptPass.Outcome o = TranscriptPass.run(file, true, false, true, sinks, () -> { }, skim, () -> { }, false);
        return new Scanned(o.header(), o.chain(), o.notOfTheFormat());
    }

    static TranscriptHeader readHeader(LineSource.Line first, Path file) throws UnreadableException {
        if (first == null) {
            throw new UnreadableException(file + " is empty: it holds no transcript header.");
        }
        JsonNode h = parse(first.text());
        if (h == null || !TranscriptHeader.FORMAT.equals(h.path("format").asText())) {
            throw new UnreadableException(file + " is not a tshoot transcript: line 1 is not a transcript header.");
        }
        int version = h.path("formatVersion").asInt(-1);
        if (!TranscriptHeader.READABLE_VERSIONS.contains(version)) {
            throw new UnreadableException(file + " uses transcript format version " + version + "; this tshoot reads"
                    + " versions " + TranscriptHeader.readableVersions() + ". Open it with the tshoot release that wrote it ("
                    + h.path("tshootVersion").asText("unknown") + ") or a newer one.");
        }
        TranscriptHeader header;
        try {
            header = version == TranscriptV1.VERSION ? TranscriptV1.decodeHeader(h)
                    : WireMapping.toEngine(WireCodec.decodeHeader(h));
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
        TranscriptHeader.Resumes r = header.resumes();
        if (r != null && (r.sessionId() == null || !r.sessionId().matches("[0-9A-Za-z-]{1,64}") || r.file() == null
                || !r.file().matches("[^/\\\\\u0000]+\\.jsonl") || r.hash() == null || !r.hash().matches("[0-9a-f]{64}")
                || r.events() < 0 || r.node() == null)) {
            throw new UnreadableException(file + " has a damaged header: 'resumes' must name the earlier session (its id:"
                    + " letters, digits and '-'), its file name in the same folder (no folder), the hash of its last line, its events and"
                    + " the node the session went on from.");
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
