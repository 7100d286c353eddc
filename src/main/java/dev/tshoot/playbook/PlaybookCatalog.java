package dev.tshoot.playbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The playbooks folder: lists files, finds one by id or path, with "did you mean" on a miss. Its
 * loader parses each file once while it stays the same; the hand-over targets it reads share those
 * parses.
 */
public final class PlaybookCatalog {

    private final Path dir;
    private final PlaybookLoader loader;

    public PlaybookCatalog(Path dir) {
        this(dir, new PlaybookLoader());
    }

    public PlaybookCatalog(Path dir, PlaybookLoader loader) {
        this.dir = dir;
        this.loader = loader;
    }

    /** A catalog whose loader checks probe names and that handovers name playbooks and nodes of this folder. */
    public PlaybookCatalog(Path dir, java.util.Set<String> probes) {
        this.dir = dir;
        this.loader = new PlaybookLoader(probes, this::nodeIds);
    }

    public Path dir() { return dir; }

    /** Playbook files directly in the folder ({@code *.yaml}, {@code *.yml}), sorted by name. */
    public List<Path> files() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Ids of the playbook files (file names without extension), for completion and suggestions. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (Path p : files()) {
            String n = p.getFileName().toString();
            ids.add(n.substring(0, n.lastIndexOf('.')));
        }
        return ids;
    }

    /**
     * The node ids of the playbook with this id, read without validating it (so that playbooks
     * handing over to each other do not load each other in a loop); null when there is none.
     */
    public java.util.Set<String> nodeIds(String id) {
        Path found = resolve(id);
        // a hand-over target is read only inside the playbook folder, and only up to a playbook's size
        Path f = found == null ? null : BoundedFiles.insideAny(List.of(dir), found);
        if (f == null) {
            return null;
        }
        try {
            ParsedFiles files = loader.parsedFiles();
            ParsedFiles.Key key = ParsedFiles.Key.of(found.toString(), f);
            ParsedFiles.Parsed parsed = files.get(key);
            if (parsed == null) {
                parsed = files.parse(found.toString(), key, BoundedFiles.read(f, LocatedYaml.MAX_BYTES, "playbook"),
                        PlaybookLoader.Limits.DEFAULT);
            }
            LocatedYaml y = parsed.yaml();
            if (y.root() == null || !y.root().path("nodes").isObject()) {
                return java.util.Set.of();
            }
            java.util.Set<String> ids = new java.util.LinkedHashSet<>();
            y.root().path("nodes").fieldNames().forEachRemaining(ids::add);
            return ids;
        } catch (IOException e) {
            return null;
        }
    }

    /** Loads every playbook file in the folder. */
    public List<PlaybookLoader.Result> loadAll() {
        return files().stream().map(loader::load).toList();
    }

    /**
     * Resolves an id ({@code docker-desktop-nested-virtualization}) or a path to a file. Returns
     * null when neither exists; {@link #notFoundMessage(String)} then says why and what to do.
     */
    public Path resolve(String idOrPath) {
        if (idOrPath == null || idOrPath.isBlank()) {
            return null;
        }
        for (String ext : List.of(".yaml", ".yml")) {
            Path p = dir.resolve(idOrPath + ext);
            if (!idOrPath.contains("/") && !idOrPath.contains("\\") && Files.isRegularFile(p)) {
                return p;
            }
        }
        Path asPath = Path.of(idOrPath);
        if (Files.isRegularFile(asPath)) {
            return asPath;
        }
        return null;
    }

    public String notFoundMessage(String idOrPath) {
        List<String> ids = ids();
        String hint = ids.isEmpty() ? " The folder " + dir + " holds no playbooks."
                : Suggest.didYouMean(idOrPath, ids) + " Run 'playbook list' to see all " + ids.size() + ".";
        return "No playbook '" + idOrPath + "' in " + dir + "/ and no such file." + hint;
    }

    public PlaybookLoader.Result load(Path file) {
        return loader.load(file);
    }

    /** The loader, for tests in this package that count parses. */
    PlaybookLoader loaderForTests() {
        return loader;
    }
}
