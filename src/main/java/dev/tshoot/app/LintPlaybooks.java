package dev.tshoot.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.tshoot.playbook.PlaybookCatalog;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.playbook.Provenance;
import dev.tshoot.playbook.Signatures;
import dev.tshoot.playbook.TrustedKeys;

/**
 * {@code playbook lint [targets]}: checks the named playbooks (ids, files or folders), or every
 * playbook in the catalog's folder when none is named. Exit 0 clean, 1 findings, 2 unreadable or
 * a target that names nothing.
 */
public final class LintPlaybooks {

    /** One file checked, and who signed it (null when it did not load). */
    public record Checked(Path file, PlaybookLoader.Result result, Provenance provenance) {
        public Checked(Path file, PlaybookLoader.Result result) {
            this(file, result, null);
        }

        public boolean clean() { return result.findings().isEmpty(); }
    }

    /**
     * {@code problems}: targets that name no playbook (each a message, said before the results);
     * {@code checked}: the files, in order; {@code exitStatus}: the highest status of them all.
     */
    public record Report(List<String> problems, List<Checked> checked, int exitStatus) {
        public Report {
            problems = List.copyOf(problems);
            checked = List.copyOf(checked);
        }

        public long clean() { return checked.stream().filter(Checked::clean).count(); }
    }

    private LintPlaybooks() {}

    public static Report lint(PlaybookCatalog catalog, List<String> targets) {
        return lint(catalog, targets, TrustedKeys.NONE);
    }

    /** As above, with each clean playbook's signature checked against {@code keys} (it does not change the status). */
    public static Report lint(PlaybookCatalog catalog, List<String> targets, TrustedKeys keys) {
        List<String> problems = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        int status = ExitStatus.OK;
        if (targets == null || targets.isEmpty()) {
            files.addAll(catalog.files());
            if (files.isEmpty()) {
                return new Report(List.of("No playbooks in " + catalog.dir() + " to lint."), List.of(), ExitStatus.BAD_INPUT);
            }
        } else {
            for (String t : targets) {
                if (Files.isDirectory(Path.of(t))) {
                    List<Path> inDir = new PlaybookCatalog(Path.of(t)).files();
                    if (inDir.isEmpty()) {
                        problems.add("The folder " + t + " holds no *.yaml playbooks.");
                        status = ExitStatus.BAD_INPUT;
                    }
                    files.addAll(inDir);
                    continue;
                }
                Path f = catalog.resolve(t);
                if (f == null) {
                    problems.add(catalog.notFoundMessage(t));
                    status = ExitStatus.BAD_INPUT;
                } else {
                    files.add(f);
                }
            }
        }
        List<Checked> checked = new ArrayList<>();
        for (Path f : files) {
            PlaybookLoader.Result r = catalog.load(f);
            status = Math.max(status, r.exitStatus());
            checked.add(new Checked(f, r, r.playbook() == null ? null : Signatures.check(r.playbook(), keys)));
        }
        return new Report(problems, checked, status);
    }
}
