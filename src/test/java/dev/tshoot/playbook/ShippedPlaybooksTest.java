package dev.tshoot.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tshoot.engine.CaseRunner;
import dev.tshoot.engine.PlaybookTests;
import dev.tshoot.probe.ProbeRegistry;
import dev.tshoot.testing.Fixtures;

/** Every shipped playbook lints clean, and its test cases pass and reach each of its outcomes. */
class ShippedPlaybooksTest {

    static final Path DIR = Path.of("playbooks");

    static Stream<Path> playbooks() {
        return new PlaybookCatalog(DIR).files().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("playbooks")
    void lintsCleanAndItsCasesReachEveryOutcome(Path file) {
        PlaybookLoader.Result r = new PlaybookCatalog(DIR, Set.copyOf(ProbeRegistry.builtin().names())).load(file);
        assertThat(r.findings()).as("lint findings").isEmpty();
        Playbook pb = r.playbook();
        List<Path> cases = PlaybookTests.caseFiles(PlaybookTests.caseDir(DIR, pb.id()));
        assertThat(cases).as("test cases in playbooks/tests/" + pb.id()).isNotEmpty();
        PlaybookTests.Report report = PlaybookTests.run(pb, cases, Fixtures.engine());
        assertThat(report.badCases()).as("unusable case files").isEmpty();
        assertThat(report.results()).allSatisfy(c ->
                assertThat(c.passed()).as(c.name() + " (" + c.file() + "): " + c.failure()).isTrue());
        assertThat(report.uncovered()).as("outcomes no case reaches").isEmpty();
        assertThat(report.results()).extracting(CaseRunner.Result::outcome).isNotEmpty();
    }
}
