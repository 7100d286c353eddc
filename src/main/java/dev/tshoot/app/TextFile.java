package dev.tshoot.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import dev.tshoot.playbook.BoundedFiles;

/**
 * A text file a user names on the command line ({@code match --file}, {@code paste --file}): a
 * regular file of at most a given size, read through {@link BoundedFiles}, so a folder, a device
 * such as {@code /dev/zero} or a FIFO is refused with a message instead of being read without end.
 */
final class TextFile {

    /** Why the file was not read, in a sentence that says what to do. */
    static final class Unread extends Exception {
        private static final long serialVersionUID = 1L;

        Unread(String message) {
            super(message);
        }
    }

    private TextFile() {}

    /**
     * The text of {@code file}; {@code what} names it ("log"), {@code advice} says what to give
     * instead when it is over {@code maxBytes} ("give at most 16 MiB (the part of the log with the error)").
     */
    static String read(String file, int maxBytes, String what, String advice) throws Unread {
        try {
            Path p = Path.of(file);
            if (!Files.exists(p)) {
                throw new NoSuchFileException(file);
            }
            long size = Files.isRegularFile(p) ? Files.size(p) : 0;
            if (size > maxBytes) {
                throw new Unread("The file " + file + " is " + size + " bytes; " + advice + ".");
            }
            return new String(BoundedFiles.read(p, maxBytes, what), StandardCharsets.UTF_8);
        } catch (BoundedFiles.Refused r) {
            throw new Unread(r.getMessage());
        } catch (NoSuchFileException e) {
            throw new Unread("Cannot read " + file + ": no such file. Check the path.");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new Unread("Cannot read " + file + ": permission denied. Check the file's permissions.");
        } catch (IOException | InvalidPathException e) {
            throw new Unread("Cannot read " + file + ": " + e.getMessage() + ". Check the path.");
        }
    }
}
