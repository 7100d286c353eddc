package dev.tshoot.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tshoot.testing.FixtureHostReader;
import dev.tshoot.testing.HostFixture;

/** Every built-in probe on every fixture: no exception, all declared facts, plain values, valid JSON. */
class BuiltinProbesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ProbeRegistry registry = ProbeRegistry.builtin();

    static Stream<String> fixtures() {
        return FixtureHostReader.allFixtureNames().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void allProbesReportTheirDeclaredFactsAsPlainJson(String fixture) throws Exception {
        FixtureHostReader host = FixtureHostReader.load(fixture);
        for (Probe probe : registry.list()) {
            ProbeResult r = ProbeRunner.run(probe, host);

            assertThat(r.probe()).isEqualTo(probe.name());
            assertThat(r.facts()).as("%s on %s", probe.name(), fixture).containsKeys(probe.factNames().toArray(String[]::new));
            assertThat(PlainValues.isPlain(r.facts())).as("%s facts are plain", probe.name()).isTrue();
            r.facts().forEach((k, v) -> {
                if (ProbeResult.UNKNOWN.equals(v)) {
                    assertThat(r.unknown()).as("%s.%s has a reason", probe.name(), k).containsKey(k);
                }
            });
            assertThat(r.unknown()).doesNotContainKey("*");
            JsonNode tree = JSON.readTree(ProbeJson.compact().toJson(r, probe.verdicts(r)));
            assertThat(tree.get("probe").asText()).isEqualTo(probe.name());
            assertThat(tree.has("error")).isFalse();
        }
    }

    @Test
    void cpuProbeDerivesVirtualizationFlagsFromOshiStyleLines() {
        ProbeResult r = registry.run("cpu", FixtureHostReader.load("002_vmware_workstation_nested.yaml"));

        assertThat(r.facts()).containsEntry("vendor", "GenuineIntel").containsEntry("vmx", true)
                .containsEntry("svm", false).containsEntry("hypervisorFlag", true)
                .containsEntry("physicalCores", 2).containsEntry("logicalCores", 4);
        assertThat(r.fact("flags")).asInstanceOf(InstanceOfAssertFactories.LIST).contains("vmx", "hypervisor", "avx512f")
                .doesNotContain("vnmi", "spectre_v1", "flags", ":");
    }

    @Test
    void cpuFlagsOnWindowsSayNothingAboutVtx() {
        HostFixture base = FixtureHostReader.read("023_windows_vmware_guest.yaml");
        HostFixture withCpu = new HostFixture(base.name(), base.os(), base.arch(), base.files(), base.unreadable(),
                base.dirs(), base.devices(), base.env(), base.commands(), base.dmi(),
                new HostFixture.CpuSpec("GenuineIntel", "Intel Xeon", null, "6", "85", null, 2, 2,
                        List.of("PF_NX_ENABLED PF_SECOND_LEVEL_ADDRESS_TRANSLATION")),
                base.memory(), base.fileSystems(), base.osInfo(), base.nics(), base.expect());
        ProbeResult r = registry.run("cpu", new FixtureHostReader(withCpu));

        assertThat(r.facts()).containsEntry("vmx", "unknown").containsEntry("hypervisorFlag", "unknown");
        assertThat(r.unknown().get("vmx")).contains("Windows");
    }

    @Test
    void cpuProbeWithoutProcessorDataIsAllUnknown() {
        ProbeResult r = registry.run("cpu", FixtureHostReader.load("021_windows_host_hyperv_trap.yaml"));

        assertThat(r.facts().values()).containsOnly("unknown");
        assertThat(r.unknown().get("brand")).contains("has no cpu section");
    }

    @Test
    void systemProbeReadsSysfsOnLinuxAndOshiElsewhereAndExplainsMissingDmi() {
        ProbeResult linux = registry.run("system", FixtureHostReader.load("001_vmware_esxi_linux_no_nested.yaml"));
        assertThat(linux.facts()).containsEntry("manufacturer", "VMware, Inc.").containsEntry("model", "VMware7,1")
                .containsEntry("firmwareVendor", "VMware, Inc.").containsEntry("dmiSource", "/sys/class/dmi/id");

        ProbeResult windows = registry.run("system", FixtureHostReader.load("021_windows_host_hyperv_trap.yaml"));
        assertThat(windows.facts()).containsEntry("manufacturer", "Dell Inc.").containsEntry("model", "XPS 15 9530")
                .containsEntry("dmiSource", "oshi");

        ProbeResult micro = registry.run("system", FixtureHostReader.load("020_firecracker_microvm.yaml"));
        assertThat(micro.facts()).containsEntry("manufacturer", "unknown").containsEntry("dmiSource", "none");
        assertThat(micro.unknown().get("manufacturer")).contains("/sys/class/dmi/id does not exist");
    }

    @Test
    void networkProbeNamesOuiVendorsAndTheLocalBit() {
        ProbeResult r = registry.run("network", FixtureHostReader.load("018_bare_metal_dell_kvm_host.yaml"));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> nics = (List<Map<String, Object>>) r.fact("interfaces");
        assertThat(nics).extracting(m -> m.get("name")).containsExactly("eno1", "docker0", "virbr0");
        assertThat(nics.get(0)).containsEntry("ouiVendor", null).containsEntry("locallyAdministered", false);
        assertThat(nics.get(1)).containsEntry("ouiVendor", "Docker").containsEntry("locallyAdministered", true);
        assertThat(nics.get(2)).containsEntry("ouiVendor", "QEMU/KVM").containsEntry("mac", "52:54:00:12:34:56");
    }

    @Test
    void memoryAndDiskVerdictsWarnOnSmallOrFullMachines() {
        FixtureHostReader micro = FixtureHostReader.load("020_firecracker_microvm.yaml");
        Probe memory = registry.require("memory");
        Probe disks = registry.require("disks");

        assertThat(memory.verdicts(ProbeRunner.run(memory, micro))).extracting(Verdict::title)
                .containsExactly("Less than 4 GB of memory");
        List<Verdict> diskVerdicts = disks.verdicts(ProbeRunner.run(disks, micro));
        assertThat(diskVerdicts).singleElement().satisfies(v -> {
            assertThat(v.level()).isEqualTo(Verdict.Level.WARN);
            assertThat(v.title()).isEqualTo("Low disk space on /");
            assertThat(v.message()).startsWith("1.0 GiB free of 50.0 GiB");
        });

        FixtureHostReader roomy = FixtureHostReader.load("001_vmware_esxi_linux_no_nested.yaml");
        assertThat(memory.verdicts(ProbeRunner.run(memory, roomy))).isEmpty();
        assertThat(disks.verdicts(ProbeRunner.run(disks, roomy))).isEmpty();
    }

    @Test
    void osProbeNormalizesTheFamily() {
        ProbeResult r = registry.run("os", FixtureHostReader.load("021_windows_host_hyperv_trap.yaml"));

        assertThat(r.facts()).containsEntry("family", "windows").containsEntry("distribution", "Windows")
                .containsEntry("build", "22631").containsEntry("elevated", false).containsEntry("uptimeSeconds", 86400L)
                .containsEntry("arch", "x86_64");
    }

    @Test
    void verdictsOfAnAllUnknownResultAreEmptyNotAnError() {
        for (Probe p : registry.list()) {
            ProbeResult unknown = ProbeResult.allUnknown(p.name(), p.factNames(), "test", 0);
            assertThat(ProbeRunner.verdicts(p, unknown)).as(p.name()).isEmpty();
        }
    }
}
