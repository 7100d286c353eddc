package dev.tshoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tshoot.probe.Probe;
import dev.tshoot.probe.ProbeRegistry;
import dev.tshoot.probe.ProbeResult;
import dev.tshoot.testing.FixtureHostReader;

/** Running probes for {@code probe run} and {@code diag}, on a recorded host. */
class RunProbesTest {

    final ProbeRegistry registry = ProbeRegistry.builtin();

    @Test
    void anUnknownProbeIsNamedWithoutTouchingTheHost() {
        RunProbes probes = new RunProbes(registry, () -> {
            throw new AssertionError("the host is read only when a probe runs");
        });
        String all = " Probes: " + String.join(", ", registry.names()) + ".";
        assertThat(probes.find("nope")).isNull();
        assertThat(probes.find(" ")).isNull();
        assertThat(probes.refusal(null)).isEqualTo("Name a probe: probe run <name>." + all);
        assertThat(probes.refusal("cpuu")).isEqualTo("No probe 'cpuu'. Did you mean 'cpu'?" + all);
    }

    @Test
    void diagRunsEveryProbeInOrderAndReportsProgress() {
        RunProbes probes = new RunProbes(registry, () -> FixtureHostReader.load("002_vmware_workstation_nested.yaml"));
        List<String> progress = new ArrayList<>();
        RunProbes.Diagnosis d = probes.diag(new RunProbes.Progress() {
            @Override public void started(int index, int total, Probe probe) { progress.add(index + "/" + total + " " + probe.name()); }

            @Override public void finished(ProbeResult result) { progress.add("done " + result.probe()); }
        });
        List<String> expected = new ArrayList<>();
        List<Probe> all = registry.list();
        for (int i = 0; i < all.size(); i++) {
            expected.add((i + 1) + "/" + all.size() + " " + all.get(i).name());
            expected.add("done " + all.get(i).name());
        }
        assertThat(progress).isEqualTo(expected);
        assertThat(d.results()).extracting(ProbeResult::probe).containsExactlyElementsOf(registry.names());
        assertThat(probes.run(probes.find("cpu")).result().facts()).isEqualTo(d.results().get(registry.names().indexOf("cpu")).facts());
    }
}
