package dev.tshoot.playbook;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The operating-system family a command runs on. Playbooks key a {@code run:} block's argument
 * lists by it, probes branch on it, and transcripts, test cases and JSON output write its
 * {@link #id() name} ({@code windows}, {@code linux}, {@code macos}, {@code other}).
 *
 * <p>{@link #current()} is the one place that decides the family of the machine tshoot runs on.
 */
public enum OsFamily {
    WINDOWS("windows"),
    LINUX("linux"),
    MACOS("macos"),
    /** Anything else (FreeBSD, Solaris, unknown): no playbook command is written for it. */
    OTHER("other");

    private static final OsFamily CURRENT = fromOsName(System.getProperty("os.name", ""));

    private final String id;

    OsFamily(String id) {
        this.id = id;
    }

    /** The name playbooks, transcripts and output use: {@code windows}, {@code linux}, {@code macos}, {@code other}. */
    public String id() {
        return id;
    }

    /** The same as {@link #id()}, so that messages read "linux", never "LINUX". */
    @Override
    public String toString() {
        return id;
    }

    /** The family of the machine tshoot runs on (from the {@code os.name} system property). */
    public static OsFamily current() {
        return CURRENT;
    }

    /**
     * The family of an {@code os.name} value such as {@code "Windows 11"}, {@code "Linux"},
     * {@code "Mac OS X"} or {@code "Darwin"}; {@link #OTHER} for anything else, including null.
     */
    public static OsFamily fromOsName(String osName) {
        String n = osName == null ? "" : osName.strip().toLowerCase(Locale.ROOT);
        if (n.startsWith("windows")) {
            return WINDOWS;
        }
        if (n.startsWith("linux")) {
            return LINUX;
        }
        if (n.startsWith("mac") || n.startsWith("darwin")) {
            return MACOS;
        }
        return OTHER;
    }

    /** The family whose {@link #id()} is exactly {@code name} (as written in YAML), or empty. */
    public static Optional<OsFamily> fromName(String name) {
        for (OsFamily f : values()) {
            if (f.id.equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Every family's name in declaration order: windows, linux, macos, other. */
    public static List<String> names() {
        return List.of(WINDOWS.id, LINUX.id, MACOS.id, OTHER.id);
    }

    /** The names a playbook may key a command by (every family but {@link #OTHER}): windows, linux, macos. */
    public static List<String> playbookNames() {
        return List.of(WINDOWS.id, LINUX.id, MACOS.id);
    }
}
