package dev.tshoot.app;

import java.nio.file.Path;
import java.util.List;

import dev.tshoot.playbook.Finding;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookCatalog;
import dev.tshoot.playbook.PlaybookLoader;

/**
 * A playbook a command names (by id or path), loaded for use: the playbook, or the reason it
 * cannot be used. Every command that works on one playbook (show, test, start, continue, run,
 * replay --verify) loads it through {@link #load(PlaybookCatalog, String)}.
 */
public sealed interface PlaybookLoad {

    /** Handles each way a load can end; the compiler checks that none is forgotten. */
    interface Visitor<R> {
        R loaded(Loaded loaded);

        R notNamed(NotNamed notNamed);

        R notFound(NotFound notFound);

        R invalid(Invalid invalid);
    }

    <R> R accept(Visitor<R> v);

    /** The exit status a command ends with when it stops here ({@link ExitStatus#OK} when loaded). */
    int exitStatus();

    /** The playbook when it loaded, otherwise null. */
    Playbook usable();

    /** The playbook loaded and valid. */
    record Loaded(Playbook playbook) implements PlaybookLoad {
        public <R> R accept(Visitor<R> v) { return v.loaded(this); }

        public int exitStatus() { return ExitStatus.OK; }

        public Playbook usable() { return playbook; }
    }

    /** No id was given. */
    record NotNamed() implements PlaybookLoad {
        public <R> R accept(Visitor<R> v) { return v.notNamed(this); }

        public int exitStatus() { return ExitStatus.BAD_INPUT; }

        public Playbook usable() { return null; }
    }

    /** Neither an id in the catalog nor a file: {@code message} says so and suggests a near id. */
    record NotFound(String id, String message) implements PlaybookLoad {
        public <R> R accept(Visitor<R> v) { return v.notFound(this); }

        public int exitStatus() { return ExitStatus.BAD_INPUT; }

        public Playbook usable() { return null; }
    }

    /** The file was found but has findings (or could not be read). */
    record Invalid(String id, Path file, List<Finding> findings) implements PlaybookLoad {
        public Invalid {
            findings = List.copyOf(findings);
        }

        public <R> R accept(Visitor<R> v) { return v.invalid(this); }

        public int exitStatus() { return ExitStatus.BAD_INPUT; }

        public Playbook usable() { return null; }
    }

    /** Loads the playbook {@code id} (an id in the catalog's folder, or a path). */
    static PlaybookLoad load(PlaybookCatalog catalog, String id) {
        if (id == null || id.isBlank()) {
            return new NotNamed();
        }
        Path f = catalog.resolve(id);
        if (f == null) {
            return new NotFound(id, catalog.notFoundMessage(id));
        }
        PlaybookLoader.Result r = catalog.load(f);
        return r.valid() ? new Loaded(r.playbook()) : new Invalid(id, f, r.findings());
    }
}
