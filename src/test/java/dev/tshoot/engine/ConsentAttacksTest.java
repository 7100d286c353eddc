package dev.tshoot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.testing.FakeDiagnostics;
import dev.tshoot.testing.Fixtures;

/**
 * The consent attacks in {@code src/test/resources/attacks/consent}: playbooks that try to run a
 * command without asking, or to hand an answer to an interpreter. {@code expected.tsv} gives, per
 * fixture, the OS it runs on, what is tried and the exact message:
 * <ul>
 *   <li>{@code lint}: every finding lint reports ({@code rule line message});</li>
 *   <li>{@code yes}: a one-shot run with {@code --yes} stops before the command with this message,
 *       and nothing runs;</li>
 *   <li>{@code always}: after "always" at a read-only command, the next command still asks, with
 *       this help in its prompt, and "always" is not offered.</li>
 * </ul>
 */
class ConsentAttacksTest {

    static Path dir() {
        return Fixtures.resource("attacks/consent");
    }

    record Row(String file, String os, String check, String message) {}

    static List<Row> rows() throws IOException {
        return Files.readAllLines(dir().resolve("expected.tsv")).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t", 4)).map(c -> new Row(c[0], c[1], c[2], c[3])).toList();
    }

    static Stream<Arguments> cases() throws IOException {
        Map<String, List<Row>> by = new java.util.LinkedHashMap<>();
        rows().forEach(r -> by.computeIfAbsent(r.file(), k -> new ArrayList<>()).add(r));
        return by.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsSafelyWithTheExpectedMessage(String file, List<Row> rows) throws Exception {
        PlaybookLoader.Result r = new PlaybookLoader(java.util.Set.of("virtualization"))
                .load(file, Files.readAllBytes(dir().resolve(file)), null);
        String check = rows.get(0).check();
        List<String> actual = new ArrayList<>();
        if (check.equals("lint")) {
            assertThat(r.playbook()).as("a playbook handing an answer to an interpreter is refused").isNull();
            r.findings().forEach(f -> actual.add(f.rule() + " " + f.line() + " " + f.message()));
        } else {
            assertThat(r.findings()).as(file + " is otherwise a valid playbook").isEmpty();
            FakeDiagnostics d = new FakeDiagnostics(rows.get(0).os());
            if (check.equals("yes")) {
                Session s = Fixtures.engine().start("s", r.playbook(), e -> { }, d, ConsentPolicy.flags(true, false, false));
                ScriptedWalk.Result w = ScriptedWalk.walk(s, Map.of());
                assertThat(w.completed()).isFalse();
                assertThat(d.commands).as("nothing ran under --yes").isEmpty();
                actual.add(w.problem());
            } else {
                List<SessionEvent> events = new ArrayList<>();
                Session s = Fixtures.engine().start("s", r.playbook(), events::add, d, ConsentPolicy.ASK_ALWAYS);
                s.consent(Session.Consent.ALWAYS);
                assertThat(s.state()).as("still asks after 'always'").isEqualTo(Session.State.WAITING_FOR_CONSENT);
                assertThat(s.current().id()).isEqualTo("sneak");
                assertThat(d.commands).as("only the read-only command ran").hasSize(1);
                SessionEvent.PromptShown p = (SessionEvent.PromptShown) events.get(events.size() - 1);
                assertThat(p.choices()).extracting(SessionEvent.Option::value).containsExactly("yes", "no");
                actual.add(p.help());
            }
        }
        assertThat(actual).as(file).containsExactlyElementsOf(rows.stream().map(Row::message).toList());
    }

    @Test
    void everyFixtureHasAnExpectation() throws IOException {
        List<String> listed = rows().stream().map(Row::file).distinct().toList();
        try (Stream<Path> files = Files.list(dir())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted())
                    .containsExactlyElementsOf(listed);
        }
    }
}
