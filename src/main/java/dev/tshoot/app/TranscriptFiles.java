package dev.tshoot.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The transcripts folder: what it holds, and which file a name given on the command line means. */
public final class TranscriptFiles {

    private final Path dir;

    public TranscriptFiles(Path dir) {
        this.dir = dir;
    }

    public Path dir() { return dir; }

    /** The transcripts in the folder, newest first (their names begin with the start time). */
    public List<Path> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A path as given, or the file of that name in the folder when only that exists. */
    public Path resolve(String file) {
        Path p;
        try {
            p = Path.of(file);
        } catch (InvalidPathException e) {
            return Path.of(file.replace('\0', '?')); // a NUL cannot be in a file name: reported as not found
        }
        if (!Files.exists(p) && !p.isAbsolute() && Files.exists(dir.resolve(file))) {
            return dir.resolve(file);
        }
        return p;
    }
}
