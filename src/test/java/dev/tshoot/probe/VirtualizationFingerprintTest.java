package dev.tshoot.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tshoot.testing.FixtureHostReader;

/**
 * Hypervisor fingerprinting on recorded hosts. Each numbered fixture carries its own {@code expect:} block;
 * the named tests below spell out the scenarios the product relies on.
 */
class VirtualizationFingerprintTest {

    private static final Set<String> EXPECT_KEYS = Set.of("isVirtualMachine", "hypervisor", "confidence",
            "hardwareVirtualizationExposed", "kvmNested", "kvmOpenable", "trapIds", "noTrapIds", "evidenceSources",
            "detailContains", "verdictTitles");

    private final VirtualizationProbe probe = new VirtualizationProbe();

    static Stream<String> fixtures() {
        return FixtureHostReader.allFixtureNames().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureMatchesItsExpectations(String fixture) {
        FixtureHostReader host = FixtureHostReader.load(fixture);
        ProbeResult r = ProbeRunner.run(probe, host);
        JsonNode expect = host.fixture().expect();
        assertThat(expect).as("fixture %s has an expect block", fixture).isNotNull();

        for (Iterator<String> it = expect.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!EXPECT_KEYS.contains(key)) {
                fail("unknown expect key '%s' in %s", key, fixture);
            }
        }
        List<String> problems = new ArrayList<>();
        check(problems, expect, "isVirtualMachine", r.fact("isVirtualMachine"));
        check(problems, expect, "hypervisor", r.fact("hypervisor"));
        check(problems, expect, "confidence", r.fact("confidence"));
        check(problems, expect, "hardwareVirtualizationExposed", r.fact("hardwareVirtualizationExposed"));
        check(problems, expect, "kvmNested", r.fact("kvmNested"));
        if (expect.has("kvmOpenable")) {
            check(problems, expect, "kvmOpenable", ((Map<?, ?>) r.fact("kvm")).get("openable"));
        }
        Set<?> trapIds = ((Map<?, ?>) r.fact("traps")).keySet();
        expect.path("trapIds").forEach(t -> {
            if (!trapIds.contains(t.asText())) {
                problems.add("trap " + t.asText() + " missing; traps: " + trapIds);
            }
        });
        expect.path("noTrapIds").forEach(t -> {
            if (trapIds.contains(t.asText())) {
                problems.add("trap " + t.asText() + " unexpected");
            }
        });
        List<String> sources = r.evidence().stream().map(Evidence::source).toList();
        expect.path("evidenceSources").forEach(s -> {
            if (!sources.contains(s.asText())) {
                problems.add("no evidence from " + s.asText() + "; sources: " + sources);
            }
        });
        if (expect.has("detailContains")
                && !String.valueOf(r.fact("hypervisorDetail")).contains(expect.get("detailContains").asText())) {
            problems.add("hypervisorDetail '" + r.fact("hypervisorDetail") + "' lacks '"
                    + expect.get("detailContains").asText() + "'");
        }
        List<String> titles = probe.verdicts(r).stream().map(Verdict::title).toList();
        expect.path("verdictTitles").forEach(t -> {
            if (!titles.contains(t.asText())) {
                problems.add("verdict '" + t.asText() + "' missing; verdicts: " + titles);
            }
        });
        assertThat(problems).as("%s%nfacts: %s%nevidence: %s", fixture, r.facts(), r.evidence()).isEmpty();
        assertThat(PlainValues.isPlain(r.facts())).isTrue();
        assertThat(HypervisorFingerprint.IDS).contains((String) r.fact("hypervisor"));
        r.facts().forEach((k, v) -> {
            if (ProbeResult.UNKNOWN.equals(v)) {
                assertThat(r.unknown()).as("reason for unknown fact %s", k).containsKey(k);
            }
        });
    }

    private static void check(List<String> problems, JsonNode expect, String key, Object actual) {
        if (!expect.has(key)) {
            return;
        }
        Object wanted = new ObjectMapper().convertValue(expect.get(key), Object.class);
        if (!wanted.equals(actual)) {
            problems.add(key + ": expected " + wanted + " but was " + actual);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> traps(ProbeResult r) {
        return (Map<String, String>) r.fact("traps");
    }

    private ProbeResult run(String fixture) {
        return ProbeRunner.run(probe, FixtureHostReader.load(fixture));
    }

    @Test
    void vmwareIsIdentifiedFromDmiWithTheHypervisorFlagAsSecondOpinion() {
        ProbeResult r = run("001_vmware_esxi_linux_no_nested.yaml");

        assertThat(r.facts()).containsEntry("isVirtualMachine", true).containsEntry("hypervisor", "vmware")
                .containsEntry("confidence", "high").containsEntry("hardwareVirtualizationExposed", false);
        assertThat(r.evidence()).containsExactly(
                new Evidence("/sys/class/dmi/id/sys_vendor", "VMware, Inc.",
                        "virtual machine: vmware (VMware guest (ESXi, Workstation or Fusion))", Evidence.Weight.STRONG),
                new Evidence("cpu flag hypervisor", "present",
                        "hypervisor CPU flag: running under a hypervisor (does not say which)", Evidence.Weight.STRONG),
                new Evidence("cpu flags vmx/svm", "neither",
                        "VT-x/AMD-V not visible to this OS", Evidence.Weight.MEDIUM),
                new Evidence("NIC OUI", "ens192 00:50:56:9a:1b:2c",
                        "VMware OUI: tie-breaker only", Evidence.Weight.WEAK));
        assertThat(probe.verdicts(r)).singleElement().satisfies(v -> {
            assertThat(v.level()).isEqualTo(Verdict.Level.WARN);
            assertThat(v.message()).contains("Docker Desktop and WSL 2 will not start in this VM");
        });
    }

    @Test
    void azureIsToldApartFromOnPremHyperVByTheChassisAssetTag() {
        assertThat(run("004_azure_d4s_v5_nested.yaml").fact("hypervisor")).isEqualTo("azure");
        assertThat(run("003_hyperv_onprem_linux.yaml").fact("hypervisor")).isEqualTo("hyperv");
        ProbeResult unsure = run("005_hyperv_windows_guest_not_distinguishable.yaml");
        assertThat(unsure.fact("hypervisor")).isEqualTo("hyperv");
        assertThat(unsure.fact("hypervisorDetail")).isEqualTo("hyperv (on-prem or Azure: not distinguishable from these facts)");
    }

    @Test
    void awsXenGenerationNitroAndMetalAreDistinguished() {
        assertThat(run("007_aws_xen_t2.yaml").facts()).containsEntry("hypervisor", "amazon")
                .containsEntry("isVirtualMachine", true);
        assertThat(run("006_xen_citrix_linux.yaml").fact("hypervisor")).isEqualTo("xen");
        assertThat(run("008_aws_nitro_m5_large.yaml").facts()).containsEntry("hypervisor", "amazon")
                .containsEntry("isVirtualMachine", true);
        assertThat(run("009_aws_nitro_metal.yaml").facts()).containsEntry("hypervisor", "none")
                .containsEntry("isVirtualMachine", false).containsEntry("hardwareVirtualizationExposed", true);
    }

    @Test
    void windowsHostRunningHyperVIsAHostNotAGuest() {
        ProbeResult r = run("021_windows_host_hyperv_trap.yaml");

        assertThat(r.facts()).containsEntry("isVirtualMachine", false).containsEntry("hypervisor", "none");
        assertThat(traps(r).get("windows-host-hyperv"))
                .startsWith("Windows host running Hyper-V/WSL 2/VBS looks like a Hyper-V guest");
        assertThat(r.evidence()).containsExactly(
                new Evidence("Win32_ComputerSystem.Manufacturer", "Dell Inc.",
                        "physical hardware (Dell Inc. / XPS 15 9530): not a known hypervisor vendor", Evidence.Weight.MEDIUM),
                new Evidence("Win32_ComputerSystem.HypervisorPresent", "true",
                        "a hypervisor runs: a VM, or a host with Hyper-V/WSL 2/VBS", Evidence.Weight.MEDIUM),
                new Evidence("NIC OUI", "vEthernet (WSL (Hyper-V firewall)) 00:15:5d:7e:01:02",
                        "Hyper-V prefix on a host-side adapter (this machine runs VMs/containers)", Evidence.Weight.WEAK),
                new Evidence("NIC OUI", "vEthernet (Default Switch) 00:15:5d:a4:39:20",
                        "Hyper-V prefix on a host-side adapter (this machine runs VMs/containers)", Evidence.Weight.WEAK));
        assertThat(r.unknown()).containsKey("hardwareVirtualizationExposed");
    }

    @Test
    void surfaceSaysMicrosoftCorporationButIsNoVm() {
        ProbeResult r = run("022_windows_surface_hyperv.yaml");

        assertThat(r.facts()).containsEntry("isVirtualMachine", false).containsEntry("hypervisor", "none");
        assertThat(traps(r)).containsKeys("microsoft-hardware", "windows-host-hyperv");
    }

    @Test
    void microVmWithoutDmiIsAVmWithAMicroVmHint() {
        ProbeResult r = run("020_firecracker_microvm.yaml");

        assertThat(r.facts()).containsEntry("isVirtualMachine", true).containsEntry("hypervisor", "microvm")
                .containsEntry("hardwareVirtualizationExposed", false).containsEntry("container", "docker")
                .containsEntry("kvmModules", List.of("kvm", "kvm_pvm"));
        assertThat(r.fact("kvm")).isEqualTo(Map.of("present", true, "openable", true, "reason", "opened read-write"));
        assertThat(r.fact("kvmNested")).isEqualTo("unknown");
        assertThat(r.unknown().get("kvmNested")).contains("kvm_pvm");
        assertThat(r.evidence()).containsExactly(
                new Evidence("/sys/class/dmi/id", "absent",
                        "no DMI/SMBIOS tables on x86: micro-VM hint (Firecracker-style)", Evidence.Weight.MEDIUM),
                new Evidence("cpu flag hypervisor", "present",
                        "hypervisor CPU flag: running under a hypervisor (does not say which)", Evidence.Weight.STRONG),
                new Evidence("cpu flags vmx/svm", "neither",
                        "VT-x/AMD-V not visible to this OS", Evidence.Weight.MEDIUM),
                new Evidence("/sys/devices/system/clocksource/clocksource0/available_clocksource", "tsc kvm-clock",
                        "KVM paravirtual clock (kvm-clock): KVM-based hypervisor, or one emulating KVM", Evidence.Weight.MEDIUM),
                new Evidence("/.dockerenv", "present",
                        "inside a docker container", Evidence.Weight.WEAK));
        assertThat(traps(r).get("no-dmi-microvm")).startsWith("No DMI on x86: micro-VM hint");
    }

    @Test
    void virtualBoxReportingAsKvmKeepsVirtualBoxAndWarns() {
        assertThat(traps(run("013_virtualbox_reporting_as_kvm.yaml"))).containsKey("virtualbox-as-kvm");
        ProbeResult hidden = run("014_virtualbox_passthrough_as_kvm.yaml");
        assertThat(hidden.facts()).containsEntry("hypervisor", "virtualbox").containsEntry("confidence", "low");
    }

    @Test
    void nutanixIsNutanixEvenThoughToolsSayHyperV() {
        ProbeResult r = run("017_nutanix_ahv.yaml");
        assertThat(r.fact("hypervisor")).isEqualTo("nutanix");
        assertThat(traps(r).get("nutanix-as-hyperv")).startsWith("Nutanix reports as Hyper-V");
    }

    @Test
    void bareMetalIsNotAVmAndKvmPermissionProblemIsAVerdict() {
        ProbeResult r = run("018_bare_metal_dell_kvm_host.yaml");

        assertThat(r.facts()).containsEntry("isVirtualMachine", false).containsEntry("hypervisor", "none")
                .containsEntry("kvmNested", "Y");
        assertThat(probe.verdicts(r)).containsExactly(
                new Verdict(Verdict.Level.PASS, "Hardware virtualization available", "VT-x/AMD-V is visible to the OS."),
                new Verdict(Verdict.Level.WARN, "/dev/kvm present but not openable", "/dev/kvm exists but could not be opened:"
                        + " permission denied for alice. Usually: add the user to the 'kvm' group (sudo usermod -aG kvm $USER)"
                        + " and log in again."));
    }

    @Test
    void notEnoughFactsGiveUnknownWithAReason() {
        ProbeResult r = run("026_arm_board_no_dmi_unknown.yaml");

        assertThat(r.fact("isVirtualMachine")).isEqualTo("unknown");
        assertThat(r.unknown()).containsKeys("isVirtualMachine", "hardwareVirtualizationExposed");
    }
}
