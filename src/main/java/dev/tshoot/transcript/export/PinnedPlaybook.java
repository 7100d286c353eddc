package dev.tshoot.transcript.export;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.tshoot.playbook.BoundedFiles;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.transcript.TranscriptHeader;

/**
 * The playbook a transcript pins ({@code playbook.file} and {@code playbook.sha256}), looked up again
 * for an export: found only when a file's bytes still hash to the pinned value.
 *
 * @param path  where it was found (null unless FOUND); not shown in exports, whose text must not
 *              depend on the folder they were made in
 * @param bytes the exact file (null unless FOUND)
 */
public record PinnedPlaybook(Status status, Path path, byte[] bytes, Playbook playbook, String message) {

    public enum Status { FOUND, CHANGED, NOT_FOUND }

    public boolean found() { return status == Status.FOUND; }

    /**
     * Looks for the pinned file: at the recorded path (as given, then next to the transcript), then by
     * file name next to the transcript and in {@code playbooksDir} (nullable). Only files inside
     * {@code playbooksDir} or the transcript's folder are read (docs/security.md, "Files").
     */
    public static PinnedPlaybook find(TranscriptHeader.PlaybookRef ref, Path transcript, Path playbooksDir) {
        if (ref == null || ref.file() == null || ref.file().isBlank()) {
            return new PinnedPlaybook(Status.NOT_FOUND, null, null, null,
                    "playbook file not found: the transcript does not name it");
        }
        boolean seen = false;
        List<Path> allowed = new ArrayList<>();
        allowed.add(playbooksDir);
        allowed.add(transcript == null ? null : transcript.toAbsolutePath().getParent());
        for (Path candidate : candidates(ref.file(), transcript, playbooksDir)) {
            // the header names the file: read it only inside the playbook folder or the transcript's own
            // folder (so no other file can be probed for or copied into a bundle), and never more than a
            // playbook can be
            Path real = BoundedFiles.insideAny(allowed, candidate);
            if (real == null) {
                continue;
            }
            byte[] bytes;
            try {
                bytes = BoundedFiles.read(real, dev.tshoot.playbook.LocatedYaml.MAX_BYTES, "playbook");
            } catch (IOException e) {
                continue;
            }
            seen = true;
            if (!PlaybookLoader.sha256(bytes).equalsIgnoreCase(String.valueOf(ref.sha256()))) {
                continue;
            }
            PlaybookLoader.Result r = new PlaybookLoader().load(ref.file(), bytes, null);
            return new PinnedPlaybook(Status.FOUND, real, bytes, r.playbook(), r.playbook() != null
                    ? "playbook file found; its SHA-256 matches the one pinned in the transcript"
                    : "playbook file found (its SHA-256 matches) but this tshoot cannot load it (" + r.findings().size()
                            + " lint finding(s)): only the route taken is shown");
        }
        if (seen) {
            return new PinnedPlaybook(Status.CHANGED, null, null, null,
                    "playbook file changed since the session (hash differs): only the route taken is shown");
        }
        return new PinnedPlaybook(Status.NOT_FOUND, null, null, null,
                "playbook file not found (" + ref.file() + "): only the route taken is shown");
    }

    private static List<Path> candidates(String file, Path transcript, Path playbooksDir) {
        Set<Path> out = new LinkedHashSet<>();
        Path recorded;
        try {
            recorded = Path.of(file);
        } catch (InvalidPathException e) {
            return List.of();
        }
        Path dir = transcript == null ? null : transcript.toAbsolutePath().getParent();
        out.add(recorded);
        if (dir != null && !recorded.isAbsolute()) {
            out.add(dir.resolve(recorded));
        }
        Path name = recorded.getFileName();
        if (name != null) {
            if (dir != null) {
                out.add(dir.resolve(name));
            }
            if (playbooksDir != null) {
                out.add(playbooksDir.resolve(name));
            }
        }
        return new ArrayList<>(out);
    }
}
