package dev.tshoot.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.tshoot.transcript.TranscriptHeader;
import dev.tshoot.transcript.TranscriptReader;
import dev.tshoot.transcript.TranscriptVerifier;

/**
 * Which transcript {@code resume} goes on from and what it must tell first: the file (given, or the
 * newest one left unfinished), its header, whether its chain verifies, and whether the playbook
 * at hand is the one it was recorded with.
 */
public final class ResumeTranscript {

    private ResumeTranscript() {}

    /** A transcript to resume, or (in {@code refusal}) why there is none. */
    public record Target(Path file, TranscriptHeader header, TranscriptVerifier.Result chain, String refusal) {}

    /**
     * The transcript named by {@code given}, or, when null, the newest transcript of the folder that was
     * left unfinished (crashed, or closed as interrupted) and that no later transcript resumes.
     */
    public static Target find(TranscriptFiles files, String given) {
        Path file;
        if (given != null && !given.isBlank()) {
            file = files.resolve(given);
            if (!Files.isRegularFile(file)) {
                return refused(file, "There is no transcript " + file + ". 'transcript list' shows the transcripts.");
            }
        } else {
            file = newestUnfinished(files.list());
            if (file == null) {
                return refused(null, "No unfinished session to resume in " + files.dir() + ". 'transcript list' shows the"
                        + " transcripts; 'resume <file>' goes on from one of them.");
            }
        }
        TranscriptHeader h;
        try {
            h = TranscriptReader.header(file);
        } catch (TranscriptReader.UnreadableException e) {
            return refused(file, e.getMessage());
        }
        TranscriptVerifier.Result chain = new TranscriptVerifier().verify(file);
        if (chain.status() == TranscriptVerifier.Status.BROKEN || chain.status() == TranscriptVerifier.Status.UNREADABLE) {
            return new Target(file, h, chain, "Cannot resume " + file.getFileName() + ": " + chain.message());
        }
        return new Target(file, h, chain, null);
    }

    /** How the playbook at hand differs from the one recorded, or null when it is the same file (by SHA-256). */
    public static String changed(TranscriptHeader h, dev.tshoot.playbook.Playbook pb) {
        if (pb.sha256().equals(h.playbook().sha256())) {
            return null;
        }
        return "The playbook '" + pb.id() + "' changed since this session was recorded: it was version "
                + h.playbook().version() + " (SHA-256 " + h.playbook().sha256().substring(0, 12) + "...), it is now "
                + pb.metadata().version() + " (SHA-256 " + pb.sha256().substring(0, 12) + "...).";
    }

    /**
     * What the shell says when it starts, when the last session recorded was left unfinished (tshoot
     * crashed, the machine restarted as a playbook asked, or the user left while it was paused); null
     * otherwise. Only the newest transcript counts: an old unfinished one is not offered for ever.
     */
    public static String offer(TranscriptFiles files) {
        List<Path> all = files.list();
        if (all.isEmpty()) {
            return null;
        }
        TranscriptIndex.Row newest = TranscriptIndex.row(all.get(0));
        if (!"open".equals(newest.state()) && !"interrupted".equals(newest.state())) {
            return null;
        }
        return "The last session (" + newest.playbook() + ", started " + newest.startedAt() + ") was not finished: "
                + "'resume' continues it from " + newest.file().getFileName() + ".";
    }

    static Path newestUnfinished(List<Path> newestFirst) {
        Set<String> resumed = new HashSet<>();
        for (Path p : newestFirst) {
            try {
                TranscriptHeader.Resumes r = TranscriptReader.header(p).resumes();
                if (r != null) {
                    resumed.add(r.file());
                }
            } catch (TranscriptReader.UnreadableException e) {
                // not a transcript: not a candidate either
            }
        }
        for (TranscriptIndex.Row row : TranscriptIndex.rows(newestFirst)) {
            Path name = row.file().getFileName();
            boolean unfinished = "open".equals(row.state()) || "interrupted".equals(row.state());
            if (unfinished && name != null && !resumed.contains(name.toString())) {
                return row.file();
            }
        }
        return null;
    }

    private static Target refused(Path file, String why) {
        return new Target(file, null, null, why);
    }
}
