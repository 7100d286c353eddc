package dev.tshoot.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.probe.ProbeRegistry;
import dev.tshoot.testing.PlaybookGenerator;

/**
 * The size and depth limits: the defaults stay 1 MiB and 64 levels, a loader built with larger
 * {@link PlaybookLoader.Limits} reads large generated playbooks (for measurements), and lint of a
 * large playbook full of registers finds exactly what it should.
 */
class PlaybookLimitsTest {

    static final Set<String> PROBES = Set.copyOf(ProbeRegistry.builtin().names());
    static final PlaybookLoader.Limits LIFTED = new PlaybookLoader.Limits(256 * 1024 * 1024, 64);

    @Test
    void theDefaultsAreTheDocumentedLimits() {
        assertThat(PlaybookLoader.Limits.DEFAULT).isEqualTo(new PlaybookLoader.Limits(1024 * 1024, 64));
        assertThat(new PlaybookLoader().limits()).isEqualTo(PlaybookLoader.Limits.DEFAULT);
        assertThat(new PlaybookLoader(PROBES).limits()).isEqualTo(PlaybookLoader.Limits.DEFAULT);
        assertThatThrownBy(() -> new PlaybookLoader.Limits(0, 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlaybookLoader.Limits(1024, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLargeGeneratedPlaybookIsRefusedByDefaultAndLintsCleanWithLiftedLimits(@TempDir Path dir) throws Exception {
        byte[] big = PlaybookGenerator.generate("gen", 20_000);
        assertThat(big.length).isGreaterThan(1024 * 1024);
        Path file = dir.resolve("gen.yaml");
        Files.write(file, big);

        PlaybookLoader.Result refused = new PlaybookLoader(PROBES).load(file);
        assertThat(refused.exitStatus()).isEqualTo(2);
        assertThat(refused.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("too-large");
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.message()).contains("at most 1048576 bytes (1 MiB)");
        });
        // the bytes-only entry point applies the same default
        assertThat(new PlaybookLoader(PROBES).load("gen.yaml", big, "gen").findings())
                .singleElement().extracting(Finding::rule).isEqualTo("too-large");

        PlaybookLoader.Result r = new PlaybookLoader(PROBES, LIFTED).load(file);
        assertThat(r.findings()).isEmpty();
        assertThat(r.playbook().nodes().size()).isEqualTo((20_000 + 10) / 11 * 11 + 1);
    }

    @Test
    void aRegisterReadBeforeItsSetterCanRunIsFoundInALargePlaybook() {
        String text = new String(PlaybookGenerator.generate("gen", 5_500), StandardCharsets.UTF_8);
        // decide-0 now reads the register of the last segment's check, which can only run after it
        text = text.replace("r0.exitCode == 1 and answers['ask-0']", "r499.exitCode == 1 and answers['ask-0']");
        PlaybookLoader.Result r = new PlaybookLoader(PROBES, LIFTED).load("gen.yaml", text.getBytes(StandardCharsets.UTF_8), "gen");
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("unknown-register");
            assertThat(f.path()).isEqualTo("nodes.decide-0.next[0].when");
            assertThat(f.message()).contains("no node that can run before 'decide-0' sets it (set by: run-499)");
        });
    }

    @Test
    void aLiftedDepthLimitIsHonouredAndTheDefaultStillStopsAt64() {
        StringBuilder deep = new StringBuilder("apiVersion: tshoot/v1\nx: ");
        for (int i = 0; i < 80; i++) {
            deep.append('[');
        }
        for (int i = 0; i < 80; i++) {
            deep.append(']');
        }
        byte[] bytes = (deep + "\n").getBytes(StandardCharsets.UTF_8);
        PlaybookLoader.Result byDefault = new PlaybookLoader().load("deep.yaml", bytes, null);
        assertThat(byDefault.findings()).extracting(Finding::rule, Finding::line, Finding::message)
                .containsExactly(tuple("too-deep", 2, "the document nests deeper than 64 levels"));
        PlaybookLoader.Result lifted = new PlaybookLoader(Set.of(), new PlaybookLoader.Limits(1024 * 1024, 200))
                .load("deep.yaml", bytes, null);
        assertThat(lifted.findings()).as("parsed to the end: only the missing playbook fields remain")
                .extracting(Finding::rule, Finding::line, Finding::message).containsExactly(
                        tuple("missing-field", 1, "required field 'kind' is missing in the playbook"),
                        tuple("missing-field", 1, "required field 'metadata' is missing in the playbook"),
                        tuple("missing-field", 1, "required field 'start' is missing in the playbook"),
                        tuple("missing-field", 1, "required field 'nodes' is missing in the playbook"),
                        tuple("unknown-field", 2, "unknown field 'x'."));
    }
}
