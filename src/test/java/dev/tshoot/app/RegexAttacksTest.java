package dev.tshoot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.MapAccessor;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.tshoot.playbook.Condition;
import dev.tshoot.playbook.Conditions;
import dev.tshoot.playbook.PlaybookCatalog;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.playbook.SymptomMatcher;
import dev.tshoot.probe.ProbeRegistry;
import dev.tshoot.testing.Fixtures;

/**
 * The regular-expression attacks of src/test/resources/attacks/regex, each with its expected message
 * or outcome. The time bounds are generous guards against a hang (on the old engine these inputs take
 * minutes to forever), not measurements: bench/ measures.
 */
class RegexAttacksTest {

    static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    static Path attacks() {
        return Fixtures.resource("attacks/regex");
    }

    @Test
    void questionPatternWithABackreferenceIsRefusedByLintWithItsLocationAndAHint() throws IOException {
        String file = "001_question_backreference.yaml";
        PlaybookLoader.Result r = new PlaybookLoader(java.util.Set.copyOf(ProbeRegistry.builtin().names()))
                .load(file, Files.readAllBytes(attacks().resolve(file)), null);
        assertThat(r.playbook()).isNull();
        String expected = Files.readString(attacks().resolve("001_question_backreference.expected")).strip();
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.format()).startsWith(expected);
            assertThat(f.hint()).isEqualTo("match the repeated text itself (e.g. '(ab)\\1' as '(ab)ab'), or compare the parts in a condition");
        });
    }

    @Test
    void aCatastrophicSymptomInAFolderWithTheShippedPlaybooksDoesNotStopMatchAnsweringForThem() throws IOException {
        try (Stream<Path> shipped = Files.list(Path.of("playbooks"))) {
            for (Path p : shipped.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        Path hostile = attacks().resolve("002_symptom_catastrophic/hostile-symptom.yaml");
        Files.copy(hostile, dir.resolve(hostile.getFileName()));
        Map<String, List<String>> expected = expectations(attacks().resolve("002_symptom_catastrophic.expected"));
        String text = expand(expected.get("input").get(0));
        PlaybookCatalog catalog = new PlaybookCatalog(dir, java.util.Set.copyOf(ProbeRegistry.builtin().names()));
        assertThat(catalog.loadAll()).as("the hostile playbook is valid RE2, so it loads and takes part")
                .anySatisfy(r -> assertThat(r.valid() && r.playbook().id().equals("hostile-symptom")).isTrue());

        MatchSymptoms.Result result = assertTimeoutPreemptively(HANG_GUARD, () -> MatchSymptoms.match(catalog, null, List.of(text)));

        assertThat(result).isInstanceOf(MatchSymptoms.Found.class);
        List<String> shown = new ArrayList<>();
        for (SymptomMatcher.Candidate c : ((MatchSymptoms.Found) result).candidates()) {
            shown.add(c.playbook().id() + "\t" + c.node() + "\t" + String.join(",", c.hits().stream().map(SymptomMatcher.Hit::symptom).toList()));
        }
        assertThat(shown).containsExactlyElementsOf(expected.get("candidate"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"003_condition_dotall_600k.yaml", "004_condition_dotall_2m.yaml"})
    void theDotallIdiomIsTrueOnLargeOutputsWhereSpelsOwnOperatorGaveFalse(String file) throws IOException {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(attacks().resolve(file).toFile());
        String output = output(spec.get("outputBytes").asInt(), spec.get("marker").asText());
        Map<String, Object> root = Map.of("out", Map.of("stdout", output));
        String condition = spec.get("condition").asText();

        Condition.Evaluation e = assertTimeoutPreemptively(HANG_GUARD, () -> Conditions.compile(condition).evaluate(root));

        assertThat(e.error()).isNull();
        assertThat(e.value()).isEqualTo(spec.get("expected").asBoolean());
        assertThat(Conditions.compile(condition.replace("VT-x", "AMD-V")).evaluate(root))
                .as("and false when the marker is not there").isEqualTo(new Condition.Evaluation(false, null));
        // the attack is real: SpEL's own operator fails on this input and the condition used to count as false
        SimpleEvaluationContext ctx = SimpleEvaluationContext.forPropertyAccessors(new MapAccessor(false)).withRootObject(root).build();
        org.junit.jupiter.api.Assertions.assertThrows(org.springframework.expression.spel.SpelEvaluationException.class,
                () -> new SpelExpressionParser().parseExpression(condition).getValue(ctx));
    }

    @Test
    void anInterruptStopsAMatchOnTheLargestOutputAndTheConditionSaysSo() {
        String output = output(16 * 1024 * 1024, "Virtualization:   VT-x");
        Condition c = Conditions.compile("out.stdout matches '(?s).*Virtualization:\\s+VT-x.*'");
        Thread.currentThread().interrupt();
        try {
            Condition.Evaluation e = c.evaluate(Map.of("out", Map.of("stdout", output)));
            assertThat(e).isEqualTo(new Condition.Evaluation(false, "the match was interrupted"));
            assertThat(Thread.currentThread().isInterrupted()).as("the flag stays set for the caller").isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    /** An output of {@code bytes} characters: lscpu-like lines, with the marker in the middle. */
    static String output(int bytes, String marker) {
        StringBuilder sb = new StringBuilder(bytes + 64);
        String line = "Flags:                   fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov\n";
        while (sb.length() < bytes / 2) {
            sb.append(line);
        }
        sb.append(marker).append('\n');
        while (sb.length() < bytes) {
            sb.append(line);
        }
        sb.setLength(bytes);
        return sb.toString();
    }

    private static Map<String, List<String>> expectations(Path file) throws IOException {
        Map<String, List<String>> out = new HashMap<>();
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            int tab = l.indexOf('\t');
            out.computeIfAbsent(l.substring(0, tab), k -> new ArrayList<>()).add(l.substring(tab + 1));
        }
        return out;
    }

    /** {@code REPEAT n x} in an input line stands for n times x. */
    private static String expand(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("REPEAT ([0-9]+) (.)").matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, m.group(2).repeat(Integer.parseInt(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
