package dev.tshoot.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tshoot.engine.ReadOnlyCommands;
import dev.tshoot.playbook.Finding;
import dev.tshoot.playbook.Interpreters;
import dev.tshoot.playbook.LocatedYaml;
import dev.tshoot.playbook.OsFamily;
import dev.tshoot.playbook.SourceLocation;
import dev.tshoot.playbook.TrustedKeys;

/**
 * The user's own additions to tshoot's read-only list ({@code consent.yaml}, see docs/security.md):
 * <pre>
 * readOnly:
 *   - os: linux              # windows, linux, macos, or a list of them
 *     run: [dmesg, --level=err]
 * </pre>
 * Only the user's configuration extends the list; a playbook never does. The file is used whole or
 * not at all: any problem leaves the built-in list alone in force and says why, with
 * {@code file:line:col}.
 */
public final class ConsentFile {

    /** At most this many bytes are read. */
    public static final int MAX_BYTES = 256 * 1024;

    /**
     * What the user's configuration trusts: the read-only list in force, the playbook signing keys
     * ({@link TrustedKeysFile}), and what went wrong with either file (empty when nothing did).
     */
    public record Loaded(ReadOnlyCommands commands, TrustedKeys keys, List<String> warnings) {
        public Loaded {
            java.util.Objects.requireNonNull(keys, "keys");
            warnings = List.copyOf(warnings);
        }

        /** The list and its warnings, trusting no signing key. */
        public Loaded(ReadOnlyCommands commands, List<String> warnings) {
            this(commands, TrustedKeys.NONE, warnings);
        }

        /** This list with the user's trusted keys, and the warnings of both files. */
        public Loaded with(TrustedKeysFile.Loaded trusted) {
            List<String> all = new ArrayList<>(warnings);
            all.addAll(trusted.warnings());
            return new Loaded(commands, trusted.keys(), all);
        }
    }

    private ConsentFile() {}

    /**
     * The built-in list with the user's file applied. {@code explicit}: the file was named on purpose
     * (property or environment variable), so a missing file is reported. Never throws.
     */
    public static Loaded load(Path file, boolean explicit) {
        ReadOnlyCommands builtin = ReadOnlyCommands.builtin();
        if (file == null) {
            return new Loaded(builtin, List.of());
        }
        byte[] bytes;
        try {
            if (Files.exists(file) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file)) {
                return new Loaded(builtin, List.of("Consent file " + file + " is not a regular file; only tshoot's built-in"
                        + " read-only list applies."));
            }
            if (Files.exists(file) && Files.size(file) > MAX_BYTES) {
                return new Loaded(builtin, List.of("Consent file " + file + " is larger than " + MAX_BYTES + " bytes; only"
                        + " tshoot's built-in read-only list applies."));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Loaded(builtin, explicit ? List.of("Consent file " + file + " does not exist; only tshoot's built-in"
                    + " read-only list applies. Create it (see docs/security.md) or unset tshoot.consent / TSHOOT_CONSENT.")
                    : List.of());
        } catch (IOException e) {
            return new Loaded(builtin, List.of("Consent file " + file + " could not be read (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); only tshoot's built-in read-only list applies."));
        }
        List<Finding> problems = new ArrayList<>();
        List<ReadOnlyCommands.Shape> shapes = parse(file.toString(), bytes, problems);
        if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder("Consent file " + file + " is not used; only tshoot's built-in read-only"
                    + " list applies:");
            problems.forEach(f -> sb.append('\n').append(f.format()));
            return new Loaded(builtin, List.of(sb.toString()));
        }
        return new Loaded(builtin.with(shapes), List.of());
    }

    /** The entries of a consent file named {@code source}; every problem goes to {@code problems}. */
    public static List<ReadOnlyCommands.Shape> parse(String source, byte[] bytes, List<Finding> problems) {
        LocatedYaml y = LocatedYaml.parse(source, bytes);
        y.findings().stream().filter(f -> f.severity() == Finding.Severity.ERROR).forEach(problems::add);
        List<ReadOnlyCommands.Shape> out = new ArrayList<>();
        if (y.fatal() || y.root() == null || !y.root().isObject()) {
            if (problems.isEmpty()) {
                problems.add(error(source, y.at(""), "not-a-mapping", "", "the file must be a mapping with a 'readOnly' list",
                        "start the file with 'readOnly:' (see docs/security.md)"));
            }
            return out;
        }
        y.root().fieldNames().forEachRemaining(k -> {
            if (!k.equals("readOnly")) {
                problems.add(error(source, y.keyAt("/" + LocatedYaml.seg(k)), "unknown-key", k,
                        "unknown key '" + k + "'", "the only key is 'readOnly' (see docs/security.md)"));
            }
        });
        JsonNode list = y.root().get("readOnly");
        if (list == null || !list.isArray()) {
            problems.add(error(source, y.at(list == null ? "" : "/readOnly"), "wrong-type", "readOnly",
                    "'readOnly' must be a list of entries", "write readOnly: [{os: linux, run: [program, arg]}]"));
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            ReadOnlyCommands.Shape s = entry(source, y, list.get(i), "/readOnly/" + i, "readOnly[" + i + "]", problems);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private static ReadOnlyCommands.Shape entry(String source, LocatedYaml y, JsonNode n, String ptr, String path,
            List<Finding> problems) {
        int before = problems.size();
        if (!n.isObject()) {
            problems.add(error(source, y.at(ptr), "wrong-type", path, "an entry must be a mapping with 'os' and 'run'",
                    "write {os: linux, run: [program, arg]}"));
            return null;
        }
        n.fieldNames().forEachRemaining(k -> {
            if (!Set.of("os", "run").contains(k)) {
                problems.add(error(source, y.keyAt(ptr + "/" + LocatedYaml.seg(k)), "unknown-key", path + "." + k,
                        "unknown key '" + k + "'", "an entry has only 'os' and 'run'"));
            }
        });
        Set<OsFamily> os = EnumSet.noneOf(OsFamily.class);
        JsonNode o = n.get("os");
        List<JsonNode> names = new ArrayList<>();
        if (o != null && o.isArray()) {
            o.forEach(names::add);
        } else if (o != null) {
            names.add(o);
        }
        if (names.isEmpty()) {
            problems.add(error(source, y.at(o == null ? ptr : ptr + "/os"), "missing-os", path + ".os",
                    "the entry names no OS", "add os: linux (or windows, macos, or a list)"));
        }
        for (JsonNode name : names) {
            OsFamily f = name.isTextual() ? OsFamily.fromName(name.asText()).orElse(null) : null;
            if (f == null || f == OsFamily.OTHER) {
                problems.add(error(source, y.at(ptr + "/os"), "bad-value", path + ".os", "'" + name.asText()
                        + "' is not an OS tshoot knows", "use windows, linux or macos"));
            } else {
                os.add(f);
            }
        }
        JsonNode run = n.get("run");
        List<String> argv = new ArrayList<>();
        if (run == null || !run.isArray() || run.isEmpty()) {
            problems.add(error(source, y.at(run == null ? ptr : ptr + "/run"), "wrong-type", path + ".run",
                    "'run' must be a non-empty list: the program and its arguments, exactly as a playbook writes them",
                    "write run: [program, arg, ...]"));
        } else {
            for (int k = 0; k < run.size(); k++) {
                if (!run.get(k).isTextual()) {
                    problems.add(error(source, y.at(ptr + "/run/" + k), "wrong-type", path + ".run[" + k + "]",
                            "each argument must be a string", "quote it"));
                } else {
                    argv.add(run.get(k).asText());
                }
            }
        }
        if (problems.size() == before) {
            String bad = ReadOnlyCommands.problem(argv);
            Interpreters.Found f = Interpreters.find(argv);
            if (bad == null && f != null && !argv.contains("<powershell-query>")) {
                bad = f.why() + ", so tshoot never takes it as read-only";
            }
            if (bad != null) {
                problems.add(error(source, y.at(ptr + "/run"), "bad-value", path + ".run", bad,
                        "list a program that only reads, with its exact arguments"));
            }
        }
        SourceLocation at = y.at(ptr);
        return problems.size() == before ? new ReadOnlyCommands.Shape(os, argv, source + ":" + at.line()) : null;
    }

    private static Finding error(String file, SourceLocation at, String rule, String path, String message, String hint) {
        return new Finding(Finding.Severity.ERROR, rule, file, at.line(), at.column(), path, message, hint);
    }
}
