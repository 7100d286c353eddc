package dev.tshoot.playbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * The one rule for opening a file that a playbook, a test case or a transcript names: it must be a
 * regular file (never a folder, FIFO, device or socket, which could block or never end), it may have
 * to lie inside an allowed folder (checked on the real path, so {@code ..}, an absolute path and a
 * symbolic link cannot lead out), and it is read only up to a size limit. docs/security.md, "Files".
 *
 * <p>Symbolic links are followed: what counts is the file they lead to, which must be regular and,
 * where a folder is given, inside it.
 */
public final class BoundedFiles {

    /** Why a file was refused. */
    public enum Problem { MISSING, NOT_REGULAR, OUTSIDE, TOO_LARGE, UNREADABLE }

    /** A named file that tshoot will not read; the message says what, where and what to do. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final Problem problem;

        public Refused(Problem problem, String message) {
            super(message);
            this.problem = problem;
        }

        public Problem problem() { return problem; }
    }

    private BoundedFiles() {}

    /**
     * Checks, without opening it, that {@code file} is a regular file ({@code what} names it in the
     * message, e.g. "transcript").
     */
    public static void requireRegular(Path file, String what) throws Refused {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new Refused(Problem.MISSING, "No " + what + " at " + file + ".");
        } catch (AccessDeniedException e) {
            throw new Refused(Problem.UNREADABLE, "Permission denied reading " + file + ".");
        } catch (IOException e) {
            throw new Refused(Problem.UNREADABLE, "Could not read " + file + ": " + e.getMessage());
        }
        if (!a.isRegularFile()) {
            throw new Refused(Problem.NOT_REGULAR, file + " is " + (a.isDirectory() ? "a folder" : "not a regular file"
                    + " (a device, FIFO or socket)") + ": tshoot reads a " + what + " only from a regular file."
                    + " Copy it into one first.");
        }
    }

    /**
     * Resolves {@code named} against {@code folder} and returns its real path, refusing a result that
     * is not inside the folder's real path ({@code ..}, an absolute path elsewhere, a link out).
     */
    public static Path inside(Path folder, String named, String what) throws Refused {
        Path p;
        try {
            p = folder.resolve(named);
        } catch (InvalidPathException e) {
            throw new Refused(Problem.UNREADABLE, what + " '" + named + "' is not a valid path.");
        }
        Path base = folder.toAbsolutePath().normalize();
        if (!p.toAbsolutePath().normalize().startsWith(base)) {
            throw outside(folder, named, what);
        }
        Path real;
        Path realFolder;
        try {
            realFolder = folder.toRealPath();
            real = p.toRealPath();
        } catch (NoSuchFileException e) {
            throw new Refused(Problem.MISSING, "No " + what + " at " + p + ".");
        } catch (IOException e) {
            throw new Refused(Problem.UNREADABLE, "Could not read " + what + " " + p + ": " + e.getMessage());
        }
        if (!real.startsWith(realFolder)) {
            throw outside(folder, named, what); // a symbolic link out
        }
        return real;
    }

    private static Refused outside(Path folder, String named, String what) {
        return new Refused(Problem.OUTSIDE, what + " '" + named + "' leads outside " + folder
                + ": it must be a file in that folder or below it (no '..', no absolute path, no link out).");
    }

    /** The real path of {@code file} if it lies inside one of {@code folders} (nulls skipped); else null. */
    public static Path insideAny(List<Path> folders, Path file) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException | InvalidPathException e) {
            return null;
        }
        for (Path f : folders) {
            if (f == null) {
                continue;
            }
            try {
                if (real.startsWith(f.toRealPath())) {
                    return real;
                }
            } catch (IOException e) {
                // a folder that does not exist holds nothing
            }
        }
        return null;
    }

    /** Reads a regular file of at most {@code maxBytes} bytes; a longer one is refused, not cut. */
    public static byte[] read(Path file, int maxBytes, String what) throws IOException {
        requireRegular(file, what);
        long size = Files.size(file);
        if (size > maxBytes) {
            throw tooLarge(file, what, maxBytes);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(maxBytes + 1); // the file may have grown since it was measured
            if (b.length > maxBytes) {
                throw tooLarge(file, what, maxBytes);
            }
            return b;
        }
    }

    private static Refused tooLarge(Path file, String what, int max) {
        return new Refused(Problem.TOO_LARGE, what + " " + file + " is larger than " + max
                + " bytes, the most tshoot reads of it.");
    }
}
