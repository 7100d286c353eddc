package dev.tshoot.playbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Playbook files parsed so far in this process, keyed by path (as named), size and modification
 * time: a file is parsed once while it stays the same, whether it is loaded or read as another
 * playbook's hand-over target. An edited file (another size or time) is parsed again. Only what a
 * load with the default limits would parse is kept, and at most {@link #MAX} files.
 */
final class ParsedFiles {

    static final int MAX = 256;

    /** What a file is known by: the name it is shown under, its size and modification time. */
    record Key(String name, long size, FileTime modified) {
        /** The key of {@code file} now, shown as {@code name}; null when it cannot be read. */
        static Key of(String name, Path file) {
            try {
                return new Key(name, Files.size(file), Files.getLastModifiedTime(file));
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** A parse and the hash of the bytes it was made from. */
    record Parsed(LocatedYaml yaml, String sha256) {}

    private final Map<String, Map.Entry<Key, Parsed>> byName = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map.Entry<Key, Parsed>> eldest) {
            return size() > MAX;
        }
    };

    private long parses;

    /** The parse of the file as it is now, or null when it has not been parsed in this state. */
    synchronized Parsed get(Key key) {
        if (key == null) {
            return null;
        }
        Map.Entry<Key, Parsed> e = byName.get(key.name());
        return e != null && e.getKey().equals(key) ? e.getValue() : null;
    }

    /**
     * Parses {@code bytes}, read from the file shown as {@code name} whose key was {@code key} (null:
     * unknown) before it was read; keeps the parse when the bytes are the whole file.
     */
    synchronized Parsed parse(String name, Key key, byte[] bytes, PlaybookLoader.Limits limits) {
        parses++;
        LocatedYaml yaml = LocatedYaml.parse(name, bytes, limits);
        Parsed p = new Parsed(yaml, PlaybookLoader.sha256(bytes));
        if (key != null && bytes.length == key.size() && limits.equals(PlaybookLoader.Limits.DEFAULT)) {
            byName.put(key.name(), Map.entry(key, p));
        }
        return p;
    }

    /** How many files were parsed (each parse counted, cached or not). */
    synchronized long parses() {
        return parses;
    }
}
