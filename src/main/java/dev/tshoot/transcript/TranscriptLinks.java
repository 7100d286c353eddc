package dev.tshoot.transcript;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The transcripts a resumed session was rebuilt from: its header's {@code resumes} names the
 * earlier file, which may name another. Followed in the same folder only (a link is a file name),
 * at most {@link #MAX} deep; each link is checked: the earlier file must be of the session the link
 * names and its last verified line must have the hash the link holds.
 */
public final class TranscriptLinks {

    /** Transcripts followed back from one, at most. */
    public static final int MAX = 32;

    private TranscriptLinks() {}

    /** {@code file} and the transcripts it resumes, oldest first; refused when a link does not hold. */
    public static List<Path> back(Path file) throws TranscriptReader.UnreadableException {
        List<Path> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Path at = file;
        Path dir = file.toAbsolutePath().getParent();
        while (true) {
            chain.add(at);
            TranscriptHeader.Resumes link = TranscriptReader.header(at).resumes();
            if (link == null) {
                break;
            }
            Path earlier = dir == null ? null : dir.resolve(link.file());
            String name = String.valueOf(at.getFileName());
            if (chain.size() > MAX || !seen.add(link.file())) {
                throw new TranscriptReader.UnreadableException(name + " resumes a chain of transcripts that is longer than "
                        + MAX + " or loops back on itself; start afresh.");
            }
            if (earlier == null || !dir.equals(earlier.normalize().getParent()) || !Files.isRegularFile(earlier)) {
                throw new TranscriptReader.UnreadableException(name + " goes on from " + link.file() + " (session "
                        + link.sessionId() + "), which is not in the same folder. Put it next to " + name
                        + " to rebuild the whole session.");
            }
            TranscriptVerifier.Result v = new TranscriptVerifier().verify(earlier);
            if (!link.sessionId().equals(TranscriptReader.header(earlier).sessionId()) || v.head() == null
                    || !v.head().equals(link.hash())) {
                throw new TranscriptReader.UnreadableException(link.file() + " is not the transcript " + name
                        + " goes on from: its session id or the hash of its last line differs from the link in " + name
                        + "'s header (" + v.message() + ").");
            }
            at = earlier;
        }
        Collections.reverse(chain);
        return chain;
    }
}
