package dev.tshoot.transcript;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.tshoot.transcript.TranscriptVerifier.Result;
import dev.tshoot.transcript.TranscriptVerifier.SealCheck;
import dev.tshoot.transcript.TranscriptVerifier.Status;

/**
 * The hash chain, one line at a time: {@link #header} for line 1, {@link #next} for each later line,
 * {@link #finish} at the end; each returns the verdict once there is one (then the walk is over),
 * else null. A line's own hash is checked on its bytes ({@link LineSeal}); its sequence number,
 * previous hash and type come from the streaming pass when it could read them ({@link LineParser.Envelope}),
 * else from the line's JSON tree, as line-by-line verification always read them. The hash a line
 * passes on to the next is the one its bytes were checked against.
 */
final class ChainWalk {

    /** Reads a line's chain members in the streaming pass; null when the line must be read on its own. */
    interface Envelopes {
        LineParser.Envelope read(LineSource.Line line) throws IOException;
    }

    private final String sealDigits;
    private final LineSeal seal = new LineSeal();
    private String prev;
    private long expected = 1;
    private boolean closed;
    private long lastLine = 1;
    private long sealedLine;
    /** The hash the line just checked passes on: the one its JSON names, as line-by-line verification read it. */
    private String passOn;

    /** {@code sealDigits}: a seal code's digits ({@link Seal#digits}), to note which line's hash it is; or null. */
    ChainWalk(String sealDigits) {
        this.sealDigits = sealDigits;
    }

    /** The number of a verified line whose hash the seal digits begin, or 0. */
    long sealedLine() {
        return sealedLine;
    }

    /** Line 1 (null at the end of an empty file): the verdict when the walk ends there, else null. */
    Result header(LineSource.Line first) throws IOException {
        if (first == null) {
            return unreadable("The file is empty: it holds no transcript header.");
        }
        if (first.tooLong()) {
            return unreadable("This is not a tshoot transcript: line 1 is longer than " + LineSource.MAX_LINE
                    + " bytes, so it is not a transcript header.");
        }
        String firstProblem = problem(first, 0, "", null);
        if (firstProblem != null) {
            String text = first.text();
            if (!first.terminated() && looksTorn(first)) {
                return new Result(Status.TORN_TAIL, 0, 0, 1, "TORN TAIL: the header (line 1) was cut mid-way: a crash"
                        + " while the file was being created, or a truncation; the file cannot tell which. No event is"
                        + " left to verify.", false);
            }
            JsonNode n = parse(text);
            if ((n == null || !n.isObject())
                    && TranscriptVerifier.HEADER_IDENTITIES.stream().anyMatch(text::contains)) {
                // it names itself a transcript header of a readable version but no longer parses: altered, not foreign
                return broken(0, 1, "the header (line 1) was altered: " + firstProblem);
            }
            if (n == null || !TranscriptHeader.FORMAT.equals(n.path("format").asText())) {
                return unreadable("This is not a tshoot transcript: line 1 is not a transcript header.");
            }
            int version = n.path("formatVersion").asInt(-1);
            if (!TranscriptHeader.READABLE_VERSIONS.contains(version)) {
                return unreadable("This transcript uses format version " + version + "; this tshoot reads versions "
                        + TranscriptHeader.readableVersions() + ". Use a tshoot release that writes version " + version + ".");
            }
            return broken(0, 1, "the header (line 1) was altered: " + firstProblem);
        }
        JsonNode header = parse(first.text());
        if (!TranscriptHeader.FORMAT.equals(header.path("format").asText())) {
            return unreadable("This is not a tshoot transcript: line 1 is not a transcript header.");
        }
        if (!TranscriptHeader.READABLE_VERSIONS.contains(header.path("formatVersion").asInt(-1))) {
            int v = header.path("formatVersion").asInt(-1);
            return unreadable("This transcript uses format version " + v + "; this tshoot reads versions "
                    + TranscriptHeader.readableVersions() + ".");
        }
        prev = header.path("hash").asText();
        closed = false;
        return null;
    }

    /** A line after the header: the verdict when the walk ends at it, else null. */
    Result next(LineSource.Line line, Envelopes envelopes) throws IOException {
        String p = problem(line, expected, prev, envelopes);
        if (!line.terminated() && p != null) {
            if (looksTorn(line)) {
                return new Result(Status.TORN_TAIL, expected - 1, expected, line.number(), "TORN TAIL at line "
                        + line.number() + ": the last line was cut mid-way: a crash or a truncation, the file cannot"
                        + " tell which; the " + (expected - 1) + " events before it verify", false, prev,
                        SealCheck.NOT_GIVEN);
            }
            return broken(expected, line.number(), describe(expected, p));
        }
        if (p != null) {
            return broken(expected, line.number(), describe(expected, p));
        }
        // a complete event (when only its final newline is missing, it is the last line)
        prev = passOn;
        if (sealDigits != null && Seal.matches(sealDigits, prev)) {
            sealedLine = line.number();
        }
        lastLine = line.number();
        expected++;
        return null;
    }

    /** The verdict after the last line. */
    Result finish() {
        long events = expected - 1;
        return new Result(Status.OK, events, 0, lastLine, "OK: " + events + " events, hash chain consistent"
                + (closed ? "" : "; the session was not closed (no session-ended event): it crashed, is still running,"
                        + " or its last lines were removed"), closed, prev, SealCheck.NOT_GIVEN);
    }

    private static String describe(long seq, String problem) {
        return "event " + seq + " " + problem;
    }

    /**
     * Null when the line is intact and follows {@code prev} with sequence number {@code seq}; then
     * {@link #closed} says whether it is the session's end. {@code envelopes} null: read the line on its own.
     */
    private String problem(LineSource.Line line, long seq, String prev, Envelopes envelopes) throws IOException {
        if (line.tooLong()) {
            return "is unreadable: the line is longer than " + LineSource.MAX_LINE + " bytes";
        }
        if (line.seal() == LineSource.SEAL_UNKNOWN && !LineSeal.hasSuffix(line)) { // a line checked ahead has it
            return "was altered: its content does not match its hash";
        }
        boolean utf8 = line.utf8();
        // bytes that are not UTF-8 are read as text with replacement characters, as they always were
        if (utf8 ? !sealed(line) : TranscriptJson.checkSeal(line.text()) == null) {
            return "was altered: its content does not match its hash";
        }
        LineParser.Envelope e = envelopes == null || !utf8 ? null : envelopes.read(line);
        long s;
        String before;
        String type;
        if (e != null) {
            s = e.seq();
            before = e.prev();
            type = e.type();
            passOn = LineSeal.claimed(line); // the object ends at the line's end: its last hash member is the suffix
        } else {
            JsonNode n = parse(line.text());
            if (n == null || !n.isObject()) {
                return "was altered: it is not a JSON object";
            }
            s = n.path("seq").asLong(-1);
            before = n.path("prev").asText();
            type = n.path("type").asText();
            passOn = n.path("hash").asText();
        }
        if (s != seq) {
            if (s > seq) {
                return "is missing: the next line carries seq " + s + " instead of " + seq;
            }
            return "was altered or replayed: the line carries seq " + s + " where " + seq + " was expected";
        }
        if (!prev.equals(before)) {
            return "was altered, or an event before it was removed: it does not chain to the previous line's hash";
        }
        closed = "session-ended".equals(type);
        return null;
    }

    /** The line's own hash holds: as checked ahead on the reading thread, else checked here. */
    private boolean sealed(LineSource.Line line) {
        return switch (line.seal()) {
            case LineSource.SEAL_OK -> true;
            case LineSource.SEAL_BAD -> false;
            default -> seal.matches(line);
        };
    }

    /** A cut-off line is a prefix of JSON: it does not parse because the input ends too early. */
    private static boolean looksTorn(LineSource.Line line) {
        if (line.tooLong()) {
            return false; // no write of tshoot's is that long: not an interrupted one
        }
        String t = line.text();
        if (t.isEmpty()) {
            return true;
        }
        try {
            TranscriptJson.MAPPER.readTree(t);
            return false;
        } catch (JsonProcessingException e) {
            String m = String.valueOf(e.getOriginalMessage());
            return m.contains("end-of-input") || m.contains("Unexpected end");
        }
    }

    static JsonNode parse(String text) {
        try {
            return TranscriptJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static Result broken(long seq, long line, String message) {
        return new Result(Status.BROKEN, Math.max(seq - 1, 0), seq, line, "BROKEN at line " + line + ": " + message, false);
    }

    static Result unreadable(String message) {
        return new Result(Status.UNREADABLE, 0, 0, 0, message, false);
    }
}
