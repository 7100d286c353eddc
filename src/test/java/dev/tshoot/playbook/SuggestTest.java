package dev.tshoot.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SuggestTest {

    private static final List<String> PROBES = List.of("system", "cpu", "memory", "disks", "os", "network", "virtualization");
    private static final List<String> FORMATS = List.of("md", "html", "json", "cast", "bundle");

    @Test
    void anAdjacentTranspositionIsOneEdit() {
        assertThat(Suggest.distance("dsik", "disk")).isEqualTo(1);
        assertThat(Suggest.distance("dsik", "disks")).isEqualTo(2);
        assertThat(Suggest.distance("memroy", "memory")).isEqualTo(1);
        assertThat(Suggest.distance("ab", "ba")).isEqualTo(1);
        assertThat(Suggest.distance("ca", "abc")).isEqualTo(3); // optimal string alignment: no edit of a transposed pair
        assertThat(Suggest.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggest.distance("", "abc")).isEqualTo(3);
        assertThat(Suggest.distance("same", "same")).isZero();
    }

    @Test
    void suggestsProbeNames() {
        assertThat(Suggest.didYouMean("dsik", PROBES)).isEqualTo(" Did you mean 'disks'?");
        assertThat(Suggest.didYouMean("memroy", PROBES)).isEqualTo(" Did you mean 'memory'?");
        assertThat(Suggest.didYouMean("virtualisation", PROBES)).isEqualTo(" Did you mean 'virtualization'?");
        assertThat(Suggest.didYouMean("CPU", PROBES)).isEqualTo(" Did you mean 'cpu'?");
        assertThat(Suggest.didYouMean("xyzzy-plugh", PROBES)).isEmpty();
    }

    @Test
    void aPrefixOfOneCandidateSuggestsIt() {
        assertThat(Suggest.closest("virt", PROBES)).containsExactly("virtualization");
        assertThat(Suggest.closest("v", PROBES)).containsExactly("virtualization");
        assertThat(Suggest.closest("net", PROBES)).containsExactly("network");
        assertThat(Suggest.closest("Disk", PROBES)).containsExactly("disks");
    }

    @Test
    void aPrefixOfSeveralCandidatesSuggestsOnlyCloseOnes() {
        List<String> commands = List.of("playbook list", "playbook show", "playbook validate", "probe list", "probe run");
        assertThat(Suggest.closest("playbook", commands)).containsExactly("playbook list", "playbook show", "playbook validate");
        assertThat(Suggest.closest("p", commands)).isEmpty();
        assertThat(Suggest.closest("probe rnu", commands)).containsExactly("probe run");
        assertThat(Suggest.closest("prboe list", commands)).containsExactly("probe list");
    }

    @Test
    void suggestsExportFormatsAndKeys() {
        assertThat(Suggest.didYouMean("mdd", FORMATS)).isEqualTo(" Did you mean 'md'?");
        assertThat(Suggest.didYouMean("bundel", FORMATS)).isEqualTo(" Did you mean 'bundle'?");
        assertThat(Suggest.didYouMean("jsno", FORMATS)).isEqualTo(" Did you mean 'json'?");
        assertThat(Suggest.didYouMean("patern", List.of("name", "pattern", "replacement"))).isEqualTo(" Did you mean 'pattern'?");
        assertThat(Suggest.didYouMean("verfy", List.of("start", "verify", "done"))).isEqualTo(" Did you mean 'verify'?");
    }

    @Test
    void aWordWhollyUnlikeEveryCandidateGetsNothing() {
        assertThat(Suggest.closest("xy", List.of("md", "os"))).isEmpty();
        assertThat(Suggest.closest("q", List.of("md", "os"))).isEmpty();
        assertThat(Suggest.closest("zzz", PROBES)).isEmpty();
    }

    @Test
    void atMostThreeBestFirstThenAlphabetical() {
        List<String> nodes = List.of("step-b", "step-c", "step-a", "step-d", "stop");
        assertThat(Suggest.closest("step-x", nodes)).containsExactly("step-a", "step-b", "step-c");
        assertThat(Suggest.didYouMean("step-x", nodes)).isEqualTo(" Did you mean 'step-a' or 'step-b' or 'step-c'?");
        assertThat(Suggest.closest("stap", nodes)).containsExactly("stop");
        assertThat(Suggest.closest("step", List.of("steps", "stop", "step-a"))).containsExactly("steps", "stop", "step-a");
    }

    @Test
    void theAnswerDoesNotDependOnTheCandidatesOrder() {
        List<String> words = new ArrayList<>(List.of("check-disk", "check-disks", "check-dns", "check-dnss", "chek-disk"));
        List<String> expected = Suggest.closest("check-dsik", words);
        assertThat(expected).containsExactly("check-disk", "check-disks", "chek-disk");
        for (int i = 0; i < 5; i++) {
            Collections.rotate(words, 1);
            assertThat(Suggest.closest("check-dsik", words)).isEqualTo(expected);
            Set<String> set = new LinkedHashSet<>(words);
            assertThat(Suggest.closest("check-dsik", set)).isEqualTo(expected);
        }
    }

    @Test
    void blankOrMissingInputGivesNothing() {
        assertThat(Suggest.closest(null, PROBES)).isEmpty();
        assertThat(Suggest.closest("  ", PROBES)).isEmpty();
        assertThat(Suggest.closest("cpu", List.of())).isEmpty();
        assertThat(Suggest.didYouMean(null, PROBES)).isEmpty();
        assertThat(Suggest.phrase(List.of())).isEmpty();
        assertThat(Suggest.phrase(List.of("a", "b"))).isEqualTo(" Did you mean 'a' or 'b'?");
    }
}
