package dev.tshoot.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tshoot.testing.FixtureHostReader;

class ProbeRunnerTest {

    private final HostReader host = FixtureHostReader.load("001_vmware_esxi_linux_no_nested.yaml");

    /** A probe whose behaviour the test chooses. */
    private record FakeProbe(String name, List<String> factNames, java.util.function.Function<HostReader, ProbeResult> body)
            implements Probe {
        @Override
        public String description() {
            return "fake";
        }

        @Override
        public ProbeResult run(HostReader host) {
            return body.apply(host);
        }
    }

    @Test
    void anExceptionBecomesUnknownFactsWithTheReason() {
        Probe broken = new FakeProbe("broken", List.of("a", "b"), h -> {
            throw new IllegalStateException("native library missing");
        });

        ProbeResult r = ProbeRunner.run(broken, host);

        assertThat(r.probe()).isEqualTo("broken");
        assertThat(r.facts()).isEqualTo(Map.of("a", "unknown", "b", "unknown"));
        assertThat(r.unknown().get("a")).isEqualTo("probe failed: IllegalStateException: native library missing");
    }

    @Test
    void linkageErrorsFromNativeCodeAreCaughtToo() {
        Probe broken = new FakeProbe("jna", List.of("x"), h -> {
            throw new UnsatisfiedLinkError("libc");
        });

        assertThat(ProbeRunner.run(broken, host).unknown().get("x")).contains("UnsatisfiedLinkError");
    }

    @Test
    void missingDeclaredFactsAreFilledAndNonPlainValuesAreSanitized() {
        Probe sloppy = new FakeProbe("sloppy", List.of("kept", "missing"), h -> new ProbeResult("sloppy",
                Map.of("kept", Duration.ofSeconds(3), "nums", new Object[] {Double.NaN, 1}),
                List.of(), Map.of(), 0));

        ProbeResult r = ProbeRunner.run(sloppy, host);

        assertThat(r.facts()).containsEntry("kept", "PT3S").containsEntry("missing", "unknown");
        assertThat(r.fact("nums")).isEqualTo(java.util.Arrays.asList(null, 1));
        assertThat(r.unknown()).containsEntry("missing", "not reported by the probe");
        assertThat(PlainValues.isPlain(r.facts())).isTrue();
        assertThat(r.durationMs()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aNullResultIsUnknownToo() {
        ProbeResult r = ProbeRunner.run(new FakeProbe("null", List.of("f"), h -> null), host);
        assertThat(r.unknown()).containsEntry("f", "probe returned no result");
    }

    @Test
    void hostSectionsThatThrowBecomeUnknownInsideProbes() {
        HostReader noHardware = FixtureHostReader.load("026_arm_board_no_dmi_unknown.yaml");
        HardwareSnapshot snapshot = noHardware.snapshot();

        assertThat(snapshot.dmi()).isNull();
        assertThat(snapshot.unavailable()).containsKey("dmi");
        assertThat(snapshot.cpu()).isNotNull();
    }
}
