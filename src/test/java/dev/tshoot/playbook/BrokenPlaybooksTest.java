package dev.tshoot.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tshoot.testing.Fixtures;

/**
 * Numbered broken playbooks (src/test/resources/playbooks/invalid), each with its expected lint
 * exit status and every finding (rule, line and message, in order) in expected.tsv.
 */
class BrokenPlaybooksTest {

    static Path dir() {
        return Fixtures.resource("playbooks/invalid");
    }

    /** One expected finding: a row of expected.tsv. */
    record Expected(String file, int exit, String rule, int line, String message) {
        @Override
        public String toString() {
            return rule + " line " + line + ": " + message;
        }
    }

    static List<Expected> rows() throws IOException {
        return Files.readAllLines(dir().resolve("expected.tsv")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t", -1))
                .map(c -> new Expected(c[0], Integer.parseInt(c[1]), c[2], Integer.parseInt(c[3]), c[4]))
                .toList();
    }

    static Stream<Arguments> cases() throws IOException {
        Map<String, List<Expected>> byFile = new LinkedHashMap<>();
        for (Expected e : rows()) {
            byFile.computeIfAbsent(e.file(), f -> new ArrayList<>()).add(e);
        }
        return byFile.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givesExactlyTheExpectedFindingsWithLocationAndHint(String file, List<Expected> expected) throws IOException {
        byte[] bytes = Files.readAllBytes(dir().resolve(file));
        String expectedId = file.contains("id_mismatch") ? "other-id" : null;
        PlaybookLoader.Result r = new PlaybookLoader(java.util.Set.copyOf(dev.tshoot.probe.ProbeRegistry.builtin().names()))
                .load(file, bytes, expectedId);

        assertThat(r.playbook()).as("an invalid playbook is never handed out").isNull();
        assertThat(expected).extracting(Expected::exit).as("expected.tsv gives %s one exit status", file)
                .containsOnly(expected.get(0).exit());
        assertThat(r.exitStatus()).isEqualTo(expected.get(0).exit());
        assertThat(r.findings()).as("findings of " + file)
                .map(f -> new Expected(file, expected.get(0).exit(), f.rule(), f.line(), f.message()))
                .containsExactlyElementsOf(expected);
        assertThat(r.findings()).allSatisfy(f -> {
            assertThat(f.file()).isEqualTo(file);
            assertThat(f.line()).as("every finding has a line: " + f.format()).isPositive();
            assertThat(f.hint()).as("every finding says what to do").isNotBlank();
            assertThat(f.format()).startsWith(file + ":" + f.line());
        });
    }

    @Test
    void everyFixtureFileHasAnExpectation() throws IOException {
        List<String> listed = cases().map(a -> (String) a.get()[0]).toList();
        try (Stream<Path> s = Files.list(dir())) {
            List<String> files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
            assertThat(files).hasSizeGreaterThanOrEqualTo(20).containsExactlyInAnyOrderElementsOf(listed);
        }
    }

    @Test
    void theValidFixtureAndTheShippedPlaybookLintClean() {
        Path shipped = Path.of("playbooks/docker-desktop-nested-virtualization.yaml");
        PlaybookLoader.Result r = new PlaybookLoader().load(shipped);
        assertThat(r.findings()).as("shipped playbook findings").isEmpty();
        assertThat(r.exitStatus()).isZero();
        assertThat(r.playbook().sha256()).hasSize(64);
        assertThat(Fixtures.playbook("001_walk.yaml").nodes()).hasSize(11);
        assertThat(Fixtures.playbook("002_checks.yaml").nodes()).hasSize(8);
    }

    @Test
    void aFileOverOneMebibyteIsRefusedBeforeParsing(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path big = tmp.resolve("big.yaml");
        Files.write(big, ("# " + "x".repeat(200) + "\n").repeat(6000).getBytes());
        PlaybookLoader.Result r = new PlaybookLoader().load(big);
        assertThat(r.exitStatus()).isEqualTo(2);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("too-large");
            assertThat(f.message()).contains("at most 1048576 bytes");
        });
    }

    @Test
    void handoversMustNameAPlaybookAndNodeThatExist() {
        String text = new String(Fixtures.readBytes(Fixtures.resource("playbooks/valid/001_walk.yaml")),
                java.nio.charset.StandardCharsets.UTF_8).replace("    message: Out of scope.\n",
                "    message: Out of scope.\n    handover: {playbook: other-playbok, node: ask-x}\n");
        java.util.function.Function<String, java.util.Set<String>> folder =
                id -> id.equals("other-playbook") ? java.util.Set.of("ask-x") : null;
        PlaybookLoader.Result r = new PlaybookLoader(java.util.Set.of(), folder).load("h.yaml", text.getBytes(), null);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("unknown-handover");
            assertThat(f.line()).isEqualTo(86);
            assertThat(f.message()).contains("playbook 'other-playbok'");
        });
        PlaybookLoader.Result ok = new PlaybookLoader(java.util.Set.of(), folder)
                .load("h.yaml", text.replace("other-playbok", "other-playbook").getBytes(), null);
        assertThat(ok.findings()).isEmpty();
        assertThat(((Node.Outcome) ok.playbook().node("bare-metal")).handover())
                .isEqualTo(new Node.Handover("other-playbook", "ask-x"));
    }

    @Test
    void aMissingFileIsUnreadableNotAnException() {
        PlaybookLoader.Result r = new PlaybookLoader().load(Path.of("no/such/playbook.yaml"));
        assertThat(r.exitStatus()).isEqualTo(2);
        assertThat(r.findings().get(0).message()).contains("does not exist");
    }
}
