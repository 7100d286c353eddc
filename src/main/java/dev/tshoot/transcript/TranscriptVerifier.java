package dev.tshoot.transcript;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Walks a transcript's hash chain, streaming. Reports OK with the event count, the first event that
 * is broken, missing or altered, or a torn tail (a last line cut off in mid-write, as a crash leaves).
 */
public final class TranscriptVerifier {

    /** The verdict. {@code brokenSeq} and {@code line} locate the first problem, when there is one. */
    public record Result(Status status, long events, long brokenSeq, long line, String message, boolean closed) {

        /** 0 intact (a torn tail included), 1 broken, 2 unreadable: the {@code transcript verify} exit status. */
        public int exitStatus() {
            return switch (status) {
                case OK, TORN_TAIL -> 0;
                case BROKEN -> 1;
                case UNREADABLE -> 2;
            };
        }

        public boolean intact() { return status == Status.OK || status == Status.TORN_TAIL; }
    }

    public enum Status { OK, TORN_TAIL, BROKEN, UNREADABLE }

    /** How every header of a readable version names itself; a header that still says so but fails its hash was altered. */
    static final java.util.List<String> HEADER_IDENTITIES = TranscriptHeader.READABLE_VERSIONS.stream()
            .map(TranscriptVerifier::identity).toList();

    /** How a header of the version this tshoot writes names itself. */
    static final String HEADER_IDENTITY = identity(TranscriptHeader.FORMAT_VERSION);

    private static String identity(int version) {
        return "\"format\":\"" + TranscriptHeader.FORMAT + "\",\"formatVersion\":" + version + ",";
    }

    public Result verify(Path file) {
        if (!Files.exists(file)) {
            return unreadable("No transcript at " + file + ". 'transcript list' shows the recorded sessions.");
        }
        if (Files.isDirectory(file)) {
            return unreadable(file + " is a folder, not a transcript file.");
        }
        try (LineSource src = new LineSource(file)) {
            return verify(src);
        } catch (NoSuchFileException e) {
            return unreadable("No transcript at " + file + ".");
        } catch (AccessDeniedException e) {
            return unreadable("Permission denied reading " + file + ".");
        } catch (IOException e) {
            return unreadable("Could not read " + file + ": " + e.getMessage());
        }
    }

    Result verify(LineSource src) throws IOException {
        LineSource.Line first = src.next();
        if (first == null) {
            return unreadable("The file is empty: it holds no transcript header.");
        }
        if (first.tooLong()) {
            return unreadable("This is not a tshoot transcript: line 1 is longer than " + LineSource.MAX_LINE
                    + " bytes, so it is not a transcript header.");
        }
        String firstProblem = problem(first, 0, "");
        if (firstProblem != null) {
            if (!first.terminated() && looksTorn(first)) {
                return new Result(Status.TORN_TAIL, 0, 0, 1, "The header line is incomplete (torn): the session was"
                        + " interrupted while the file was being created. No events were recorded.", false);
            }
            JsonNode n = parse(first.text());
            if ((n == null || !n.isObject()) && HEADER_IDENTITIES.stream().anyMatch(first.text()::contains)) {
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
        String prev = header.path("hash").asText();
        long expected = 1;
        boolean closed = false;
        LineSource.Line line;
        while ((line = src.next()) != null) {
            if (!line.terminated()) {
                String p = problem(line, expected, prev);
                if (p == null) {
                    // complete event, only the final newline is missing
                    expected++;
                    closed |= "session-ended".equals(parse(line.text()).path("type").asText());
                    break;
                }
                if (looksTorn(line)) {
                    return new Result(Status.TORN_TAIL, expected - 1, expected, line.number(),
                            "verified " + (expected - 1) + " events; the last line (line " + line.number()
                                    + ") is incomplete: a torn tail left by an interrupted write, not tampering", false);
                }
                return broken(expected, line.number(), describe(expected, p));
            }
            String p = problem(line, expected, prev);
            if (p != null) {
                return broken(expected, line.number(), describe(expected, p));
            }
            JsonNode n = parse(line.text());
            closed |= "session-ended".equals(n.path("type").asText());
            prev = n.path("hash").asText();
            expected++;
        }
        long events = expected - 1;
        return new Result(Status.OK, events, 0, 0, "OK: " + events + " events, hash chain intact"
                + (closed ? "" : "; the session was not closed (no session-ended event): it crashed or is still running"),
                closed);
    }

    private static String describe(long seq, String problem) {
        return "event " + seq + " " + problem;
    }

    /** Null when the line is intact and follows {@code prev} with sequence number {@code seq}. */
    private static String problem(LineSource.Line line, long seq, String prev) {
        if (line.tooLong()) {
            return "is unreadable: the line is longer than " + LineSource.MAX_LINE + " bytes";
        }
        String hash = TranscriptJson.checkSeal(line.text());
        if (hash == null) {
            return "was altered: its content does not match its hash";
        }
        JsonNode n = parse(line.text());
        if (n == null || !n.isObject()) {
            return "was altered: it is not a JSON object";
        }
        long s = n.path("seq").asLong(-1);
        if (s != seq) {
            if (s > seq) {
                return "is missing: the next line carries seq " + s + " instead of " + seq;
            }
            return "was altered or replayed: the line carries seq " + s + " where " + seq + " was expected";
        }
        if (!prev.equals(n.path("prev").asText())) {
            return "was altered, or an event before it was removed: it does not chain to the previous line's hash";
        }
        return null;
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

    private static JsonNode parse(String text) {
        try {
            return TranscriptJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static Result broken(long seq, long line, String message) {
        return new Result(Status.BROKEN, Math.max(seq - 1, 0), seq, line, "BROKEN at line " + line + ": " + message, false);
    }

    private static Result unreadable(String message) {
        return new Result(Status.UNREADABLE, 0, 0, 0, message, false);
    }
}
