package dev.tshoot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tshoot.testing.Fixtures;

/** Playbook test cases: scripted answers, facts and outputs; expected path and outcome. */
class PlaybookTestsTest {

    private final Path dir = Fixtures.resource("cases/checks");

    private PlaybookTests.Report run(String... files) {
        List<Path> cases = java.util.Arrays.stream(files).map(dir::resolve).toList();
        return PlaybookTests.run(Fixtures.playbook("002_checks.yaml"), cases, Fixtures.engine());
    }

    @Test
    void passingCasesFollowTheirPathWithOutputsFromFiles() {
        PlaybookTests.Report r = run("001_vmware_vmx_found.yaml", "002_no_lscpu.yaml", "003_declined.yaml");
        assertThat(r.results()).allSatisfy(c -> assertThat(c.passed()).as(c.name() + ": " + c.failure()).isTrue());
        assertThat(r.results().get(0).path()).containsExactly("detect", "ask-name", "read-vmx", "lscpu", "enable", "resolved");
        assertThat(r.uncovered()).isEmpty();
        assertThat(r.passed()).isTrue();
    }

    @Test
    void aFailingCaseNamesWhereTheWalkLeftTheExpectedPath() {
        PlaybookTests.Report r = run("004_wrong_expectation.yaml");
        CaseRunner.Result c = r.results().get(0);
        assertThat(c.passed()).isFalse();
        assertThat(c.failure()).isEqualTo("left the expected path after 'detect': expected 'ask-name', went to 'lscpu'");
        assertThat(r.uncovered()).containsExactly("no-lscpu", "resolved");
    }

    @Test
    void anUnusableCaseFileIsReportedWithItsLocation() {
        PlaybookTests.Report r = run("005_bad_case.yaml");
        assertThat(r.passed()).isFalse();
        assertThat(r.badCases()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("unknown-field");
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.message()).contains("Did you mean 'answers'?");
        });
    }
}
