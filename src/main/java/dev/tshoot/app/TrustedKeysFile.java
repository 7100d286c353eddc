package dev.tshoot.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;

import dev.tshoot.playbook.BoundedFiles;
import dev.tshoot.playbook.Finding;
import dev.tshoot.playbook.TrustedKeys;

/**
 * The user's {@code trusted-keys} file: the keys whose signatures make a playbook's own declaration
 * count (docs/security.md, "Signed playbooks"). Only the user's configuration trusts a key; a playbook
 * or a signature file never does. The file is used whole or not at all: any problem leaves no key
 * trusted and says why, with {@code file:line:col}. It is also refused when everyone may write it, or
 * when it lies inside the playbooks folder, where playbooks (and so files from other people) come from.
 */
public final class TrustedKeysFile {

    /** At most this many bytes are read. */
    public static final int MAX_BYTES = 64 * 1024;

    /** The keys in force, and what went wrong with the user's file (empty when nothing did). */
    public record Loaded(TrustedKeys keys, List<String> warnings) {
        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    private static final String NONE = "; no playbook signature is trusted.";

    private TrustedKeysFile() {}

    /**
     * The keys of {@code file}. {@code explicit}: the file was named on purpose (property or environment
     * variable), so a missing file is reported. {@code playbooks}: the playbooks folder (may be null).
     * Never throws.
     */
    public static Loaded load(Path file, boolean explicit, Path playbooks) {
        if (file == null) {
            return new Loaded(TrustedKeys.NONE, List.of());
        }
        String name = "Trusted keys file " + file;
        if (!Files.exists(file)) {
            return new Loaded(TrustedKeys.NONE, explicit ? List.of(name + " does not exist" + NONE
                    + " Create it (see docs/security.md) or unset tshoot.trusted-keys / TSHOOT_TRUSTED_KEYS.") : List.of());
        }
        if (playbooks != null && BoundedFiles.insideAny(List.of(playbooks), file) != null) {
            return refused(name + " lies inside the playbooks folder " + playbooks + ", where playbooks from other"
                    + " people are put; tshoot takes keys only from your own configuration" + NONE
                    + " Move it to tshoot's home folder or name it with -Dtshoot.trusted-keys=<file>.");
        }
        String perms = writableByOthers(file);
        if (perms != null) {
            return refused(name + " may be written by " + perms + ", who could then make tshoot trust any key" + NONE
                    + " Run: chmod o-w " + file);
        }
        byte[] bytes;
        try {
            bytes = BoundedFiles.read(file, MAX_BYTES, "trusted keys file");
        } catch (NoSuchFileException e) {
            return refused(name + " does not exist" + NONE);
        } catch (IOException e) {
            return refused(name + " cannot be used: " + e.getMessage() + (e.getMessage().endsWith(".") ? "" : ".")
                    + " No playbook signature is trusted.");
        }
        List<Finding> problems = new ArrayList<>();
        TrustedKeys keys = TrustedKeys.parse(file.toString(), bytes, problems);
        if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder(name + " is not used" + NONE.substring(0, NONE.length() - 1) + ":");
            problems.forEach(f -> sb.append('\n').append(f.format()));
            return refused(sb.toString());
        }
        return new Loaded(keys, List.of());
    }

    private static Loaded refused(String warning) {
        return new Loaded(TrustedKeys.NONE, List.of(warning));
    }

    /** "everyone" when the file (or the link's target) is writable by others; null otherwise or without POSIX permissions. */
    private static String writableByOthers(Path file) {
        PosixFileAttributeView v = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (v == null) {
            return null;
        }
        try {
            return v.readAttributes().permissions().contains(PosixFilePermission.OTHERS_WRITE) ? "everyone" : null;
        } catch (IOException e) {
            return null;
        }
    }
}
