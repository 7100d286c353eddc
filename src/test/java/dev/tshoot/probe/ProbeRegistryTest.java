package dev.tshoot.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tshoot.testing.FixtureHostReader;

class ProbeRegistryTest {

    private final ProbeRegistry registry = ProbeRegistry.builtin();

    @Test
    void listsTheBuiltinProbesInOrder() {
        assertThat(registry.names()).containsExactly("system", "cpu", "memory", "disks", "os", "network", "virtualization");
        assertThat(registry.list()).allSatisfy(p -> {
            assertThat(p.description()).isNotBlank();
            assertThat(p.factNames()).isNotEmpty();
        });
    }

    @Test
    void findsCaseInsensitively() {
        assertThat(registry.find(" CPU ")).map(Probe::name).contains("cpu");
        assertThat(registry.find("nope")).isEmpty();
        assertThat(registry.find(null)).isEmpty();
    }

    @Test
    void suggestsCloseNames() {
        assertThat(registry.suggestions("virt")).containsExactly("virtualization");
        assertThat(registry.suggestions("dsik")).containsExactly("disks");
        assertThat(registry.suggestions("disk")).containsExactly("disks");
        assertThat(registry.suggestions("memroy")).containsExactly("memory");
        assertThat(registry.suggestions("xyzzy-plugh")).isEmpty();
    }

    @Test
    void requireExplainsWithDidYouMean() {
        String probes = " Probes: system, cpu, memory, disks, os, network, virtualization.";
        assertThatThrownBy(() -> registry.require("virtualisation"))
                .isInstanceOf(ProbeRegistry.UnknownProbeException.class)
                .hasMessage("No probe 'virtualisation'. Did you mean 'virtualization'?" + probes);
        assertThatThrownBy(() -> registry.require("dsik"))
                .hasMessage("No probe 'dsik'. Did you mean 'disks'?" + probes);
        assertThatThrownBy(() -> registry.require("zzz"))
                .hasMessage("No probe 'zzz'." + probes);
        assertThatThrownBy(() -> registry.require(null))
                .isInstanceOf(ProbeRegistry.UnknownProbeException.class);
    }

    @Test
    void rejectsDuplicateNames() {
        assertThatThrownBy(() -> new ProbeRegistry(List.of(new CpuProbe(), new CpuProbe())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runAllRunsEveryProbe() {
        List<ProbeResult> results = registry.runAll(FixtureHostReader.load("010_kvm_libvirt_q35.yaml"));
        assertThat(results).extracting(ProbeResult::probe).containsExactlyElementsOf(registry.names());
    }
}
