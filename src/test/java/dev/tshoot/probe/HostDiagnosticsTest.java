package dev.tshoot.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.tshoot.engine.Diagnostics.CommandData;
import dev.tshoot.engine.Diagnostics.CommandRequest;
import dev.tshoot.engine.Diagnostics.ProbeData;
import dev.tshoot.playbook.OsFamily;
import dev.tshoot.testing.FakeProcessRunner;
import dev.tshoot.testing.FixtureHostReader;

/** The engine-to-probe adapter, with a fixture host and a scripted process runner: nothing real runs. */
class HostDiagnosticsTest {

    private final FakeProcessRunner processes = new FakeProcessRunner();
    private final AtomicInteger hostsMade = new AtomicInteger();

    private HostDiagnostics diagnostics(String fixture, OsFamily os) {
        return new HostDiagnostics(ProbeRegistry.builtin(), processes, () -> {
            hostsMade.incrementAndGet();
            return FixtureHostReader.load(fixture);
        }, os);
    }

    @Test
    void theHostReaderIsMadeOnTheFirstProbeAndOnlyOnce() {
        HostDiagnostics d = diagnostics("021_windows_host_hyperv_trap.yaml", OsFamily.WINDOWS);
        assertThat(d.osFamily()).isEqualTo(OsFamily.WINDOWS);
        assertThat(d.registry().names()).contains("os");
        assertThat(hostsMade).hasValue(0);

        ProbeData first = d.probe("n1", "os");
        ProbeData second = d.probe("n2", "OS");

        assertThat(hostsMade).hasValue(1);
        assertThat(first.error()).isNull();
        assertThat(first.probe()).isEqualTo("os");
        assertThat(first.facts()).containsEntry("family", "windows").containsEntry("version", "11")
                .containsEntry("build", "22631");
        assertThat(second.facts()).isEqualTo(first.facts());
        assertThat(processes.specs()).isEmpty();
    }

    @Test
    void evidenceBecomesPlainMapsWithALowerCaseWeight() {
        ProbeData v = diagnostics("010_kvm_libvirt_q35.yaml", OsFamily.LINUX).probe("n", "virtualization");
        assertThat(v.evidence()).isNotEmpty().allSatisfy(e -> {
            assertThat(e).containsOnlyKeys("source", "observed", "suggests", "weight");
            assertThat(e.get("weight")).isIn("strong", "medium", "weak");
        });
    }

    @Test
    void anUnknownProbeIsAnErrorAndTouchesNoHost() {
        ProbeData p = diagnostics("010_kvm_libvirt_q35.yaml", OsFamily.LINUX).probe("n", "dsik");
        assertThat(p).isEqualTo(new ProbeData("dsik", Map.of(), Map.of(), List.of(), 0, "no built-in probe 'dsik'"));
        assertThat(hostsMade).hasValue(0);
    }

    @Test
    void aCommandRunsWithThePlaybooksLimitsAndItsOutcomeIsMapped() {
        processes.onExit(List.of("lscpu", "-J"), 3, "out\n", "err\n");
        CommandData r = diagnostics("010_kvm_libvirt_q35.yaml", OsFamily.LINUX)
                .run(new CommandRequest("n", List.of("lscpu", "-J"), false, Duration.ofSeconds(7), 4096, false));

        assertThat(r).isEqualTo(new CommandData("exited", 3, "out\n", "err\n", false, false, true, true, 0, false, null));
        assertThat(processes.lastSpec().argv()).containsExactly("lscpu", "-J");
        assertThat(processes.lastSpec().timeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(processes.lastSpec().maxOutputBytes()).isEqualTo(4096);
        assertThat(hostsMade).hasValue(0);
    }

    @Test
    void aShellCommandRunsInTheShellOfTheOsFamily() {
        CommandRequest shell = new CommandRequest("n", List.of("echo a | wc -c"), true, Duration.ofSeconds(5), 100, false);

        diagnostics("010_kvm_libvirt_q35.yaml", OsFamily.LINUX).run(shell);
        diagnostics("021_windows_host_hyperv_trap.yaml", OsFamily.WINDOWS).run(shell);
        diagnostics("025_macos_vmware_fusion_guest.yaml", OsFamily.MACOS).run(shell);

        assertThat(processes.argvs()).containsExactly(
                List.of("/bin/sh", "-c", "echo a | wc -c"),
                List.of("cmd.exe", "/d", "/s", "/c", "echo a | wc -c"),
                List.of("/bin/sh", "-c", "echo a | wc -c"));
    }

    @Test
    void aMissingProgramOrATimeOutIsDataNotAnException() {
        processes.onTimeout(List.of("sleep", "60"));
        HostDiagnostics d = diagnostics("010_kvm_libvirt_q35.yaml", OsFamily.LINUX);

        CommandData missing = d.run(new CommandRequest("n", List.of("nope"), false, Duration.ofSeconds(5), 100, false));
        CommandData slow = d.run(new CommandRequest("n", List.of("sleep", "60"), false, Duration.ofSeconds(2), 100, false));

        assertThat(missing.status()).isEqualTo("not_found");
        assertThat(missing.exitCode()).isNull();
        assertThat(missing.error()).isEqualTo("command not found: nope (not on PATH)");
        assertThat(slow.status()).isEqualTo("timed_out");
        assertThat(slow.timedOut()).isTrue();
        assertThat(slow.durationMs()).isEqualTo(2000);
    }
}
