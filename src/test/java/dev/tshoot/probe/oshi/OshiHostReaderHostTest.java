package dev.tshoot.probe.oshi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.tshoot.probe.PlainValues;
import dev.tshoot.probe.Probe;
import dev.tshoot.probe.ProbeJson;
import dev.tshoot.probe.ProbeRegistry;
import dev.tshoot.probe.ProbeResult;
import dev.tshoot.probe.ProbeRunner;
import dev.tshoot.probe.Verdict;

/**
 * Runs every built-in probe on the machine running the tests. Asserts only that nothing throws and that the
 * declared facts are there; what this host reported is printed (see the surefire {@code -output.txt}).
 */
@Tag("host")
class OshiHostReaderHostTest {

    @Test
    void everyProbeRunsOnThisHost() {
        OshiHostReader host = new OshiHostReader();
        ProbeRegistry registry = ProbeRegistry.builtin();

        for (Probe probe : registry.list()) {
            ProbeResult r = ProbeRunner.run(probe, host);
            List<Verdict> verdicts = ProbeRunner.verdicts(probe, r);

            assertThat(r.facts()).as(probe.name()).containsKeys(probe.factNames().toArray(String[]::new));
            assertThat(PlainValues.isPlain(r.facts())).as(probe.name()).isTrue();
            assertThat(r.unknown()).as(probe.name()).doesNotContainKey("*");
            String json = ProbeJson.pretty().toJson(r, verdicts);
            assertThat(json).doesNotContain("\"error\"");
            System.out.println(probe.name().equals("cpu") ? summarizeCpu(r) : json);
        }
        assertThat(host.systemInfoCreated()).isTrue();
    }

    private static String summarizeCpu(ProbeResult r) {
        return "cpu: " + r.facts().entrySet().stream().filter(e -> !e.getKey().equals("flags"))
                .map(e -> e.getKey() + "=" + e.getValue()).toList()
                + " flags=" + (r.fact("flags") instanceof List<?> l ? l.size() + " flags" : r.fact("flags"));
    }
}
