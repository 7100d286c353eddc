package dev.tshoot.transcript;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import dev.tshoot.playbook.BoundedFiles;

/**
 * Walks a transcript's hash chain, streaming. Reports OK with the event count, the first event that
 * is broken, missing or altered, or a torn tail (a last line cut off in mid-write). Given the seal
 * code shown when the session ended ({@link Seal}), it also checks that the chain's head is the
 * sealed one, which no recomputed chain and no cut at a line boundary can keep.
 *
 * <p>What the chain alone shows is said in {@link #UNSEALED}: a consistent chain can still have
 * been recomputed after an edit, or have lost its last lines.
 */
public final class TranscriptVerifier {

    /** What a consistent chain shows, and what it cannot show without the seal. */
    public static final String UNSEALED = "The chain is consistent: no line was changed without recomputing every"
            + " later hash; a recomputed chain or removed last lines cannot be detected without the seal code shown"
            + " at the end of the session.";

    /** What a chain whose head matches the seal shows. */
    public static final String SEALED = "The chain is intact and its head is the seal shown at the end of the"
            + " session: no line was changed, inserted or removed since the session was sealed.";

    /** Whether the chain's head was checked against a seal code. */
    public enum SealCheck { NOT_GIVEN, MATCHED, MISMATCHED }

    /**
     * The verdict. {@code brokenSeq} and {@code line} locate the first problem, when there is one.
     * {@code head}: the hash of the last complete line that verified (the chain's head), or null;
     * {@code closed}: that a {@code session-ended} event was read.
     */
    public record Result(Status status, long events, long brokenSeq, long line, String message, boolean closed,
            String head, SealCheck seal) {

        public Result(Status status, long events, long brokenSeq, long line, String message, boolean closed) {
            this(status, events, brokenSeq, line, message, closed, null, SealCheck.NOT_GIVEN);
        }

        /**
         * The {@code transcript verify} exit status: 0 the chain verifies (and matches the seal, when
         * one was given); 1 broken, torn tail or seal mismatch; 2 unreadable.
         */
        public int exitStatus() {
            return switch (status) {
                case OK -> 0;
                case TORN_TAIL, BROKEN, SEAL_MISMATCH -> 1;
                case UNREADABLE -> 2;
            };
        }

        /** Every line verified (the seal too, when one was given). */
        public boolean intact() { return status == Status.OK; }

        /** The seal code of the chain's head, when the last line is the session's end; else null. */
        public String sealCode() {
            return closed && head != null ? Seal.code(head) : null;
        }

        /** What the verdict shows and what it cannot: {@link #SEALED}, {@link #UNSEALED}, or null when it does not verify. */
        public String meaning() {
            if (status != Status.OK) {
                return null;
            }
            return seal == SealCheck.MATCHED ? SEALED : UNSEALED;
        }
    }

    public enum Status { OK, TORN_TAIL, BROKEN, SEAL_MISMATCH, UNREADABLE }

    /** How every header of a readable version names itself; a header that still says so but fails its hash was altered. */
    static final java.util.List<String> HEADER_IDENTITIES = TranscriptHeader.READABLE_VERSIONS.stream()
            .map(TranscriptVerifier::identity).toList();

    /** How a header of the version this tshoot writes names itself. */
    static final String HEADER_IDENTITY = identity(TranscriptHeader.FORMAT_VERSION);

    private static String identity(int version) {
        return "\"format\":\"" + TranscriptHeader.FORMAT + "\",\"formatVersion\":" + version + ",";
    }

    public Result verify(Path file) {
        return verify(file, null);
    }

    /**
     * As {@link #verify(Path)}, and when {@code sealDigits} (a code as {@link Seal#digits} gives it)
     * is not null, also checks that the chain's head is the sealed one.
     */
    public Result verify(Path file, String sealDigits) {
        if (!Files.exists(file)) {
            return unreadable("No transcript at " + file + ". 'transcript list' shows the recorded sessions.");
        }
        if (Files.isDirectory(file)) {
            return unreadable(file + " is a folder, not a transcript file.");
        }
        try {
            BoundedFiles.requireRegular(file, "transcript"); // before opening: a FIFO would block, a device never end
        } catch (BoundedFiles.Refused e) {
            return unreadable(e.getMessage());
        }
        try (LineSource src = new LineSource(file, true)) {
            long[] sealedLine = {0};
            Result r = verify(src, sealDigits, sealedLine);
            return sealDigits == null ? r : checkSeal(r, sealDigits, sealedLine[0]);
        } catch (NoSuchFileException e) {
            return unreadable("No transcript at " + file + ".");
        } catch (AccessDeniedException e) {
            return unreadable("Permission denied reading " + file + ".");
        } catch (IOException e) {
            return unreadable("Could not read " + file + ": " + e.getMessage());
        }
    }

    /** The verdict against the seal: only an intact chain whose head is the sealed one passes. */
    static Result checkSeal(Result r, String digits, long sealedLine) {
        String code = Seal.code(digits + "0".repeat(Math.max(0, Seal.HEX_DIGITS - digits.length())));
        return switch (r.status()) {
            case BROKEN, UNREADABLE, SEAL_MISMATCH -> r;
            case TORN_TAIL -> mismatch(r, r.message() + ". The seal " + code + " cannot be checked: the sealed last line"
                    + " is not complete in this file");
            case OK -> {
                if (Seal.matches(digits, r.head())) {
                    yield new Result(Status.OK, r.events(), 0, 0, "OK: " + r.events() + " events, hash chain intact;"
                            + " its head matches the seal " + code, r.closed(), r.head(), SealCheck.MATCHED);
                }
                if (sealedLine > 0) {
                    yield mismatch(r, "SEAL MISMATCH: the seal " + code + " is the hash of line " + sealedLine
                            + ", but the file goes on to line " + r.line() + ": lines were added after the session was sealed");
                }
                String head = "its head (the hash of the last line, event " + r.events() + ") is " + Seal.code(r.head())
                        + ", not the seal " + code;
                yield mismatch(r, r.closed()
                        ? "SEAL MISMATCH: the hash chain is consistent but " + head + ": the chain was recomputed after"
                                + " an edit, or this is not the transcript of the sealed session"
                        : "SEAL MISMATCH: the hash chain is consistent but ends without a session-ended event, and " + head
                                + ": the last lines were removed (or the chain was recomputed)");
            }
        };
    }

    private static Result mismatch(Result r, String message) {
        return new Result(Status.SEAL_MISMATCH, r.events(), 0, r.line(), message, r.closed(), r.head(),
                SealCheck.MISMATCHED);
    }

    Result verify(LineSource src) throws IOException {
        return verify(src, null, new long[1]);
    }

    /**
     * Walks the chain in one streaming pass: each line's bytes are hashed and its syntax checked by
     * one parser per chunk ({@link LineParser}); {@code sealedLine[0]} is set to the number of a
     * verified line whose hash the seal digits begin.
     */
    private Result verify(LineSource src, String sealDigits, long[] sealedLine) throws IOException {
        ChainWalk chain = new ChainWalk(sealDigits);
        Result r = chain.header(src.next());
        if (r != null) {
            return r;
        }
        LineParser lines = new LineParser(src);
        LineSource.Line line;
        while ((line = src.next()) != null) {
            r = chain.next(line, lines::envelope);
            if (r != null) {
                return r;
            }
        }
        sealedLine[0] = chain.sealedLine();
        return chain.finish();
    }

    private static Result unreadable(String message) {
        return ChainWalk.unreadable(message);
    }
}
