package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import dev.tshoot.playbook.OsFamily;
import dev.tshoot.probe.HostDiagnostics;
import dev.tshoot.probe.ProbeRegistry;
import dev.tshoot.testing.FakeProcessRunner;
import dev.tshoot.testing.FixtureHostReader;

/** {@code probe run} with a mistyped or missing name, on a fixture host. */
class ProbeCommandsTest {

    private static final String PROBES = "Probes: system, cpu, memory, disks, os, network, virtualization.";

    private static final String NL = System.lineSeparator();

    private final ExitCode exit = new ExitCode();
    private final ProbeCommands commands = new ProbeCommands(new HostDiagnostics(ProbeRegistry.builtin(),
            new FakeProcessRunner().strict(), () -> FixtureHostReader.load("010_kvm_libvirt_q35.yaml"), OsFamily.LINUX), exit);
    private final StringWriter out = new StringWriter();

    private String probeRun(String name, boolean json) {
        PrintWriter w = new PrintWriter(out);
        commands.run(w, name, json);
        w.flush();
        return out.toString();
    }

    @Test
    void aTransposedNameGetsADidYouMean() {
        assertThat(probeRun("dsik", false)).isEqualTo("No probe 'dsik'. Did you mean 'disks'? " + PROBES + NL);
        assertThat(exit.get()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void aPrefixGetsADidYouMean() {
        assertThat(probeRun("virt", false)).isEqualTo("No probe 'virt'. Did you mean 'virtualization'? " + PROBES + NL);
    }

    @Test
    void aNameFarFromEveryProbeListsThemAll() {
        assertThat(probeRun("xyzzy", false)).isEqualTo("No probe 'xyzzy'. " + PROBES + NL);
        assertThat(exit.get()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void noNameSaysHowToNameOne() {
        assertThat(probeRun(null, false)).isEqualTo("Name a probe: probe run <name>. " + PROBES + NL);
        assertThat(exit.get()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void theJsonErrorCarriesTheSameMessage() {
        assertThat(probeRun("dsik", true))
                .isEqualTo("{\"probe\":\"dsik\",\"error\":\"No probe 'dsik'. Did you mean 'disks'? " + PROBES + "\"}" + NL);
    }

    @Test
    void aKnownNameRunsTheProbeOnTheHost() {
        assertThat(probeRun("OS", false)).contains("family").contains("linux");
        assertThat(exit.get()).isZero();
    }

    @Test
    void memoryIsShownInBinaryUnitsNotAsARawByteCount() {
        String shown = probeRun("memory", false);
        assertThat(shown).contains(String.format("  %-30s %s", "totalBytes", "16.0 GiB"))
                .contains(String.format("  %-30s %s", "availableBytes", "9.0 GiB"))
                .doesNotContain("17179869184");
    }

    @Test
    void theJsonKeepsTheExactByteCount() {
        assertThat(probeRun("memory", true)).contains("17179869184");
    }

    @Test
    void onlyByteCountsAreConverted() {
        assertThat(ProbeViews.shown("totalBytes", 1536L)).isEqualTo("1.5 KiB");
        assertThat(ProbeViews.shown("cores", 1536L)).isEqualTo("1536");
        assertThat(ProbeViews.shown("totalBytes", "unknown")).isEqualTo("unknown");
    }
}
