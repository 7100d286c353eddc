package dev.tshoot.playbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads, parses and validates one playbook file, never throwing for a user's mistake. A file is
 * parsed once while its path, size and modification time stay the same ({@link ParsedFiles}).
 */
public final class PlaybookLoader {

    /** The result of linting: the playbook when valid, and every finding. */
    public record Result(Playbook playbook, List<Finding> findings, boolean unreadable) {
        public boolean valid() { return playbook != null && findings.isEmpty(); }

        /** 0 clean, 1 findings, 2 unreadable or unparseable (the {@code playbook lint} exit status). */
        public int exitStatus() { return unreadable ? 2 : findings.isEmpty() ? 0 : 1; }
    }

    /**
     * How large a file may be and how deep it may nest. {@link #DEFAULT} (1 MiB, 64 levels) is what
     * every command uses; larger limits exist for measurements and tools, never for user files.
     */
    public record Limits(int maxBytes, int maxDepth) {
        public static final Limits DEFAULT = new Limits(LocatedYaml.MAX_BYTES, LocatedYaml.MAX_DEPTH);

        public Limits {
            if (maxBytes <= 0 || maxBytes > Integer.MAX_VALUE - 1024 || maxDepth <= 0) {
                throw new IllegalArgumentException("limits must be positive: maxBytes=" + maxBytes + ", maxDepth=" + maxDepth);
            }
        }
    }

    private final java.util.Set<String> probes;
    private final java.util.function.Function<String, java.util.Set<String>> playbookNodes;
    private final Limits limits;
    private final ParsedFiles parsedFiles = new ParsedFiles();

    /** A loader that checks neither probe names nor handover targets. */
    public PlaybookLoader() {
        this(java.util.Set.of());
    }

    /** A loader that accepts only these built-in probe names in checks. */
    public PlaybookLoader(java.util.Set<String> probes) {
        this(probes, null, Limits.DEFAULT);
    }

    /**
     * @param probes        built-in probe names a check may use (empty: not checked)
     * @param playbookNodes for a playbook id, its node ids, or null when there is no such playbook;
     *                      used to check handovers (null: not checked)
     */
    public PlaybookLoader(java.util.Set<String> probes, java.util.function.Function<String, java.util.Set<String>> playbookNodes) {
        this(probes, playbookNodes, Limits.DEFAULT);
    }

    /** A loader with other size and depth limits (for measurements; user files always get the defaults). */
    public PlaybookLoader(java.util.Set<String> probes, Limits limits) {
        this(probes, null, limits);
    }

    public PlaybookLoader(java.util.Set<String> probes, java.util.function.Function<String, java.util.Set<String>> playbookNodes,
            Limits limits) {
        this.probes = java.util.Set.copyOf(probes);
        this.playbookNodes = playbookNodes;
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
    }

    public Limits limits() { return limits; }

    /** The files this loader parsed so far in this process (a file is parsed again only once it changed). */
    ParsedFiles parsedFiles() { return parsedFiles; }

    /** Loads a file; the display name is the path as given. */
    public Result load(Path file) {
        String name = file.toString();
        ParsedFiles.Parsed parsed;
        try {
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                return new Result(null, List.of(LocatedYaml.tooLarge(name, size, limits.maxBytes())), true);
            }
            ParsedFiles.Key key = ParsedFiles.Key.of(name, file);
            parsed = parsedFiles.get(key);
            if (parsed == null) {
                // never more than the limit plus one byte, even if the file grows after the size check
                byte[] bytes;
                try (InputStream in = Files.newInputStream(file)) {
                    bytes = in.readNBytes(limits.maxBytes() + 1);
                }
                parsed = parsedFiles.parse(name, key, bytes, limits);
            }
        } catch (NoSuchFileException e) {
            return unreadable(name, "the file does not exist", "check the path; 'playbook list' shows the installed playbooks");
        } catch (AccessDeniedException e) {
            return unreadable(name, "permission denied while reading the file", "make the file readable by your user");
        } catch (IOException e) {
            return unreadable(name, "the file could not be read: " + e.getMessage(), "check the path and permissions");
        }
        String fileName = file.getFileName() == null ? "" : file.getFileName().toString();
        String expectedId = fileName.endsWith(".yaml") ? fileName.substring(0, fileName.length() - 5)
                : fileName.endsWith(".yml") ? fileName.substring(0, fileName.length() - 4) : null;
        return validate(name, parsed.yaml(), parsed.sha256(), expectedId);
    }

    /** Loads bytes; {@code expectedId} (nullable) is the id the file name implies. */
    public Result load(String name, byte[] bytes, String expectedId) {
        return validate(name, LocatedYaml.parse(name, bytes, limits), sha256(bytes), expectedId);
    }

    private Result validate(String name, LocatedYaml yaml, String sha256, String expectedId) {
        List<Finding> findings = new ArrayList<>(yaml.findings());
        if (yaml.fatal()) {
            return new Result(null, findings, true);
        }
        PlaybookParser.Parsed parsed = new PlaybookParser(yaml, name, findings).parse();
        new PlaybookValidator(yaml, name, findings, probes, playbookNodes).validate(parsed, expectedId);
        findings.sort(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column));
        Playbook pb = null;
        if (findings.isEmpty()) {
            pb = new Playbook(parsed.metadata(), parsed.start(), parsed.nodes(), parsed.symptoms(), name, sha256);
        }
        return new Result(pb, List.copyOf(findings), false);
    }

    private static Result unreadable(String name, String message, String hint) {
        return new Result(null, List.of(new Finding(Finding.Severity.ERROR, "unreadable", name, 0, 0, "", message, hint)), true);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
