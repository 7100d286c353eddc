package dev.tshoot.app;

import java.nio.file.Path;
import java.util.List;

import dev.tshoot.engine.CaseRunner;
import dev.tshoot.engine.PlaybookTests;
import dev.tshoot.engine.SessionEngine;
import dev.tshoot.playbook.Playbook;

/** {@code playbook test <id> [cases]}: runs a playbook's test cases. Exit 0 pass, 1 failures, 2 bad input. */
public final class TestPlaybook {

    private TestPlaybook() {}

    /** The case files: those named, or every case in {@code <playbooks>/tests/<id>/}. */
    public static List<Path> cases(Path playbooksDir, Playbook p, List<String> named) {
        return !named.isEmpty() ? named.stream().map(Path::of).toList()
                : PlaybookTests.caseFiles(PlaybookTests.caseDir(playbooksDir, p.id()));
    }

    public static PlaybookTests.Report run(Playbook p, List<Path> cases, SessionEngine engine) {
        return PlaybookTests.run(p, cases, engine);
    }

    public static long passed(PlaybookTests.Report report) {
        return report.results().stream().filter(CaseRunner.Result::passed).count();
    }

    public static int exitStatus(PlaybookTests.Report report) {
        return !report.badCases().isEmpty() ? ExitStatus.BAD_INPUT : report.passed() ? ExitStatus.OK : ExitStatus.FINDINGS;
    }
}
