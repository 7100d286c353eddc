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
    void anotherPhrasingOfASymptomMatchesAsItsPattern() {
        List<SymptomMatcher.Candidate> c = SymptomMatcher.match("Error: the Hypervisor hasn't started yet", playbooks);
        assertThat(c).singleElement().satisfies(x -> {
            assertThat(x.node()).isEqualTo("bare-metal");
            assertThat(x.hits()).extracting(SymptomMatcher.Hit::symptom, SymptomMatcher.Hit::matched)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("S20", "hypervisor hasnt started"));
        });
    }

    @Test
    void keywordsMatchWhenTheirWeightsReachMinScoreAndSayWhich() {
        List<SymptomMatcher.Candidate> c = SymptomMatcher.match("Start-VM: Hyper-V says: hypervisor NOT\nrunning (code 5)", playbooks);
        assertThat(c).singleElement().satisfies(x -> assertThat(x.hits()).extracting(SymptomMatcher.Hit::matched)
                .containsExactly("keywords: hypervisor + not running + hyper-v"));
        // 2 + 1 is below minScore 4; "hypervisors" is not the word "hypervisor"
        assertThat(SymptomMatcher.match("hypervisor on hyper-v", playbooks)).isEmpty();
        assertThat(SymptomMatcher.match("hypervisors not running", playbooks)).isEmpty();
    }

    @Test
    void keywordsWithoutMinScoreOrWithAWeightOutOfRangeAreFindings() {
        String base = new String(Fixtures.readBytes(Fixtures.resource("playbooks/valid/003_symptoms.yaml")),
                java.nio.charset.StandardCharsets.UTF_8);
        PlaybookLoader.Result noMin = new PlaybookLoader().load("x.yaml",
                base.replace("    minScore: 4\n", "").getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(noMin.valid()).isFalse();
        assertThat(noMin.findings().toString()).contains("symptoms[3].keywords").contains("no minScore");
        PlaybookLoader.Result heavy = new PlaybookLoader().load("x.yaml",
                base.replace("weight: 1 }", "weight: 1000 }").getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(heavy.valid()).isFalse();
        assertThat(heavy.findings().toString()).contains("symptoms[3].keywords[2].weight").contains("from 1 to 100");
        PlaybookLoader.Result badPhrase = new PlaybookLoader().load("x.yaml",
                base.replace("hypervisor (has not|hasn?t) started", "hypervisor (?=started)")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(badPhrase.valid()).isFalse();
        assertThat(badPhrase.findings().toString()).contains("symptoms[3].phrases[0]");
    }

    @Test
    void unrelatedTextMatchesNothing() {
        assertThat(SymptomMatcher.match("The printer is out of paper", playbooks)).isEmpty();
    }

    @Test
    void normaliseUnescapesAndCollapses() {
        assertThat(SymptomMatcher.normalise("A\\r\\nB  \"C\"\n\tD")).isEqualTo("a b c d");
    }

    @Test
    void normaliseDropsTimeStampsAndNamesTheHomeFolderTheSameWay() {
        assertThat(SymptomMatcher.normalise("2024-11-14T06:43:48.772837Z qemu-system-x86_64: failed to initialize KVM"))
                .isEqualTo("qemu-system-x86_64: failed to initialize kvm");
        assertThat(SymptomMatcher.normalise("Details: 00:00:00.321800 Power up failed")).isEqualTo("details: power up failed");
        assertThat(SymptomMatcher.normalise("[    0.394474] KVM: vmx: using Hyper-V Enlightened VMCS"))
                .isEqualTo("kvm: vmx: using hyper-v enlightened vmcs");
        assertThat(SymptomMatcher.normalise("to C:\\Users\\Administrator\\AppData\\Local\\Docker\\wsl"))
                .isEqualTo(SymptomMatcher.normalise("to /home/fufufafa/AppData/Local/Docker/wsl")).isEqualTo("to ~/appdata/local/docker/wsl");
        // error codes, versions and plain times are kept
        assertThat(SymptomMatcher.normalise("Error: 0x80370102 at 10:15 in 5.15.90.1")).isEqualTo("error: 0x80370102 at 10:15 in 5.15.90.1");
    }
}
