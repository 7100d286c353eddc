package dev.tshoot.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.Test;

import dev.tshoot.testing.Fixtures;

/** Error texts in the shapes users paste them: wrapped, quoted, with escaped line ends, reworded. */
class SymptomMatcherTest {

    private final List<Playbook> playbooks = List.of(Fixtures.playbook("003_symptoms.yaml"), Fixtures.playbook("001_walk.yaml"));

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> texts() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("WSL2 is not supported with your current machine configuration.", "S3", "ask-vm"),
                org.junit.jupiter.params.provider.Arguments.of("\"WSL2 is not supported by the current\\r\\nmachine configuration.\"", "S3", "ask-vm"),
                org.junit.jupiter.params.provider.Arguments.of("wsl2 is NOT   supported with your\n current machine configuration", "S3", "ask-vm"),
                org.junit.jupiter.params.provider.Arguments.of("Error: WslRegisterDistribution failed with error: 0x80370102", "S4", "ask-vm"),
                org.junit.jupiter.params.provider.Arguments.of("qemu-system-x86_64: Could not access KVM kernel module: No such file or directory", "S9", "fix-linux"));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("texts")
    void matchesTheVariationsRealMessagesShow(String text, String symptom, String node) {
        List<SymptomMatcher.Candidate> c = SymptomMatcher.match(text, playbooks);
        assertThat(c).isNotEmpty();
        assertThat(c.get(0).playbook().id()).isEqualTo("walk");
        assertThat(c.get(0).node()).isEqualTo(node);
        assertThat(c.get(0).hits()).extracting(SymptomMatcher.Hit::symptom).contains(symptom);
    }

    @Test
    void twoSymptomsForOneNodeRankAboveOne() {
        List<SymptomMatcher.Candidate> c = SymptomMatcher.match(
                "Please enable... WslRegisterDistribution failed with error: 0x80370102\nWSL2 is not supported with your current machine configuration.",
                playbooks);
        assertThat(c.get(0).node()).isEqualTo("ask-vm");
        assertThat(c.get(0).hits()).hasSize(2);
    }

    @Test
    void unrelatedTextMatchesNothing() {
        assertThat(SymptomMatcher.match("The printer is out of paper", playbooks)).isEmpty();
    }

    @Test
    void normaliseUnescapesAndCollapses() {
        assertThat(SymptomMatcher.normalise("A\\r\\nB  \"C\"\n\tD")).isEqualTo("a b c d");
    }
}
