package dev.tshoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tshoot.engine.ConsentPolicy;
import dev.tshoot.engine.Diagnostics;
import dev.tshoot.engine.EventSink;
import dev.tshoot.engine.RouteStep;
import dev.tshoot.engine.ScriptedDiagnostics;
import dev.tshoot.engine.ScriptedWalk;
import dev.tshoot.engine.Session;
import dev.tshoot.engine.SessionEvent;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.probe.CpuFlags;
import dev.tshoot.testing.Fixtures;

/**
 * Real outputs (src/test/resources/pasted, each with its source URL) pasted where tshoot runs
 * elsewhere reach the node the same output reaches when tshoot runs the command on the machine
 * itself: both walks go through the shipped playbook's own conditions, and for lscpu the CPU
 * flags go through the probe's parser ({@link CpuFlags}) on the measured side.
 */
class PastedAsMeasuredTest {

    private static final Path PLAYBOOKS = Path.of("playbooks");

    /** The output part of a fixture (after the "---" line) and its expected node (the "# expect:" line). */
    record Pasted(String output, String playbook, String node) {}

    static Pasted fixture(String name) throws IOException {
        String all = Files.readString(Fixtures.resource("pasted/" + name), StandardCharsets.UTF_8);
        int cut = all.indexOf("\n---\n");
        String header = all.substring(0, cut);
        assertThat(header).as("every pasted fixture names its source").containsPattern("# source: https://\\S+");
        String[] expect = header.lines().filter(l -> l.startsWith("# expect: ")).findFirst().orElseThrow()
                .substring("# expect: ".length()).split(" ");
        return new Pasted(all.substring(cut + 5), expect[0], expect.length > 1 ? expect[1] : null);
    }

    static Playbook shipped(String id) throws IOException {
        PlaybookLoader.Result r = new PlaybookLoader().load(id + ".yaml", Files.readAllBytes(PLAYBOOKS.resolve(id + ".yaml")), null);
        assertThat(r.findings()).isEmpty();
        return r.playbook();
    }

    /** Pastes at the question recognition names; returns the session. */
    static Session pasted(Pasted p, String command) throws Exception {
        PastedDiagnostics.Recognised what = PastedDiagnostics.recognise(p.output());
        assertThat(what).isNotNull();
        assertThat(what.command()).isEqualTo(command);
        assertThat(what.playbook()).isEqualTo(p.playbook());
        return PasteDiagnostics.walk(shipped(p.playbook()), what.node(), p.output());
    }

    static Session measured(String playbook, ScriptedDiagnostics d, Map<String, List<String>> answers) throws Exception {
        Session s = Fixtures.engine().start("run-here", shipped(playbook), EventSink.NONE, d,
                req -> ConsentPolicy.Decision.APPROVE);
        ScriptedWalk.walk(s, answers);
        return s;
    }

    static Diagnostics.ProbeData probe(String name, Map<String, Object> facts) {
        return new Diagnostics.ProbeData(name, facts, Map.of(), List.of(), 0, null);
    }

    static Diagnostics.CommandData ran(String stdout, int exit) {
        return new Diagnostics.CommandData("exited", exit, stdout, "", false, false, true, true, 0, false, null);
    }

    static List<String> path(Session s) {
        List<String> p = new java.util.ArrayList<>(s.route().stream().map(RouteStep::node).toList());
        p.add(s.current().id());
        return p;
    }

    /** The node a route node chose in this walk. */
    static String chosenAt(Session s, String node) {
        return s.route().stream().filter(r -> r.node().equals(node)).map(RouteStep::target).reduce((a, b) -> b).orElse(null);
    }

    private static final Map<String, Object> WINDOWS_PC = Map.of("isVirtualMachine", false, "confidence", "high",
            "hypervisor", "none", "hardwareVirtualizationExposed", "unknown", "traps", Map.of());

    /** Run here, not elevated: features and boot setting asked, services and systeminfo run. */
    static Session windowsMeasured(String systeminfo) throws Exception {
        ScriptedDiagnostics d = new ScriptedDiagnostics("windows")
                .probe("os", probe("os", Map.of("family", "windows", "elevated", false)))
                .probe("virtualization", probe("virtualization", WINDOWS_PC))
                .command("check-services", ran("Name   : vmcompute\nStatus : Running\n", 0))
                .command("check-systeminfo", ran(systeminfo, 0));
        Map<String, List<String>> answers = new HashMap<>();
        answers.put("ask-backend", List.of("wsl2"));
        answers.put("ask-run-here", List.of("yes"));
        answers.put("ask-features-manual", List.of("all-enabled"));
        answers.put("ask-hypervisorlaunchtype-manual", List.of("auto"));
        answers.put("ask-verify", List.of("no"));
        return measured(PastedDiagnostics.WINDOWS, d, answers);
    }

    @Test
    void systeminfoWithTheFirmwareSettingOffReachesTheFirmwareRemedyBothWays() throws Exception {
        Pasted p = fixture("01_systeminfo_firmware_off.txt");
        Session pasted = pasted(p, "systeminfo");
        Session measured = windowsMeasured(p.output());
        assertThat(pasted.current().id()).isEqualTo(p.node()).isEqualTo("fix-firmware");
        assertThat(path(measured)).contains("check-systeminfo", "route-firmware");
        assertThat(path(measured)).contains(p.node());
        assertThat(chosenAt(pasted, "route-firmware")).isEqualTo(chosenAt(measured, "route-firmware"));
    }

    @Test
    void systeminfoWithAllRequirementsMetGoesOnToTheVerificationBothWays() throws Exception {
        Pasted p = fixture("05_systeminfo_all_yes.txt");
        Session pasted = pasted(p, "systeminfo");
        Session measured = windowsMeasured(p.output());
        assertThat(chosenAt(pasted, "route-firmware")).isEqualTo(p.node()).isEqualTo(chosenAt(measured, "route-firmware"));
    }

    @Test
    void lscpuOfAVmWithoutVmxOrSvmReachesNoNestingBothWays() throws Exception {
        Pasted p = fixture("02_lscpu_kvm_guest_no_vmx.txt");
        Session pasted = pasted(p, "lscpu");
        assertThat(pasted.current().id()).isEqualTo(p.node()).isEqualTo("unresolved-vm-no-nesting");

        // measured: the virtualization probe's facts, from the same lines through the probe's parser
        List<String> flags = CpuFlags.parse(p.output().lines().toList());
        assertThat(CpuFlags.vmx(flags) || CpuFlags.svm(flags)).isFalse();
        Map<String, Object> facts = new HashMap<>();
        facts.put("isVirtualMachine", CpuFlags.hypervisor(flags));
        facts.put("confidence", "high");
        facts.put("hypervisor", "kvm");
        facts.put("hardwareVirtualizationExposed", CpuFlags.vmx(flags) || CpuFlags.svm(flags));
        facts.put("kvm", Map.of("present", false, "openable", false));
        facts.put("kvmModules", List.of());
        facts.put("container", "none");
        facts.put("traps", Map.of());
        ScriptedDiagnostics d = new ScriptedDiagnostics("linux")
                .probe("os", probe("os", Map.of("family", "linux", "elevated", false)))
                .probe("virtualization", probe("virtualization", facts));
        Session measured = measured(PastedDiagnostics.LINUX_KVM, d, Map.of("ask-run-here", List.of("yes")));
        assertThat(measured.current().id()).isEqualTo(p.node());
    }

    @Test
    void kvmOkDisabledByTheBiosReachesTheFirmwareRemedyBothWays() throws Exception {
        Pasted p = fixture("03_kvm_ok_bios_disabled.txt");
        Session pasted = pasted(p, "kvm-ok");
        assertThat(pasted.current().id()).isEqualTo(p.node()).isEqualTo("fix-bios");
        Session measured = linuxMeasured(p.output(), true);
        assertThat(path(measured)).contains(p.node());
        assertThat(chosenAt(pasted, "route-kvm-missing")).isEqualTo(chosenAt(measured, "route-kvm-missing"));
    }

    @Test
    void kvmOkWithoutExtensionsAsksVmOrPhysicalBothWays() throws Exception {
        Pasted p = fixture("04_kvm_ok_no_extensions.txt");
        Session pasted = pasted(p, "kvm-ok");
        assertThat(pasted.current().id()).isEqualTo(p.node());
        Session measured = linuxMeasured(p.output(), null);
        assertThat(path(measured)).as("%s", path(measured)).contains(p.node());
        assertThat(chosenAt(pasted, "route-kvm-missing")).isEqualTo(chosenAt(measured, "route-kvm-missing"));
    }

    /** Run here on Linux with /dev/kvm missing; {@code exposed} null: the probe could not tell, nor VM or not. */
    static Session linuxMeasured(String kvmOk, Boolean exposed) throws Exception {
        Map<String, Object> facts = new HashMap<>();
        facts.put("isVirtualMachine", exposed == null ? "unknown" : false);
        facts.put("confidence", exposed == null ? "low" : "high");
        facts.put("hypervisor", "none");
        facts.put("hardwareVirtualizationExposed", exposed == null ? "unknown" : exposed);
        facts.put("kvm", Map.of("present", false, "openable", false));
        facts.put("kvmModules", List.of("kvm"));
        facts.put("container", "none");
        facts.put("traps", Map.of());
        ScriptedDiagnostics d = new ScriptedDiagnostics("linux")
                .probe("os", probe("os", Map.of("family", "linux", "elevated", true)))
                .probe("virtualization", probe("virtualization", facts))
                .command("check-lsmod", ran("kvm                  1105920  0\n", 0))
                .command("check-devkvm", new Diagnostics.CommandData("exited", 2, "",
                        "ls: cannot access '/dev/kvm': No such file or directory\n", false, false, true, true, 0, false, null))
                .command("check-groups", ran("root\n", 0))
                .command("check-kvm-ok", ran(kvmOk, 1));
        return measured(PastedDiagnostics.LINUX_KVM, d, Map.of("ask-run-here", List.of("yes")));
    }

    @Test
    void aPasteIsRecordedAsPastedAndKeptAsTheRegisterTheCheckWouldSet() throws Exception {
        Pasted p = fixture("01_systeminfo_firmware_off.txt");
        Session s = pasted(p, "systeminfo");
        SessionEvent.AnswerGiven a = s.events().stream().map(dev.tshoot.engine.Events::answerGiven)
                .filter(java.util.Objects::nonNull).filter(e -> e.node().equals("paste-systeminfo")).findFirst().orElseThrow();
        assertThat(a.kind()).isEqualTo("text");
        assertThat(a.label()).isEqualTo("pasted output, not measured by tshoot");
        assertThat(a.pasted()).isEqualTo("sysinfo");
        assertThat(a.value()).isEqualTo(p.output().strip());
    }

    /** lscpu alone (no DMI, no other output): its Hypervisor vendor line names the hypervisor, and the walk goes on. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"02_lscpu_kvm_guest_no_vmx.txt", "07_lscpu_xen_ec2_no_vmx.txt",
            "08_lscpu_kvm_new_layout_no_vmx.txt"})
    void lscpuAloneNamesTheHypervisor(String name) throws Exception {
        Pasted p = fixture(name);
        String all = Files.readString(Fixtures.resource("pasted/" + name), StandardCharsets.UTF_8);
        String expected = all.lines().filter(l -> l.startsWith("# hypervisor: ")).findFirst()
                .map(l -> l.substring("# hypervisor: ".length())).orElse("kvm");
        PastedDiagnostics.Recognised r = PastedDiagnostics.recognise(p.output());
        assertThat(r.command()).isEqualTo("lscpu");
        assertThat(r.facts()).containsEntry("hypervisor", expected).containsEntry("vmx", "false").containsEntry("svm", "false");
        assertThat(pasted(p, "lscpu").current().id()).isEqualTo(p.node());
    }

    @Test
    void vendorStringsThatOtherHypervisorsShareCarryTheirCaveat() {
        assertThat(dev.tshoot.probe.HypervisorVendors.fromCpuid("KVMKVMKVM\0\0\0").hypervisor()).isEqualTo("kvm");
        assertThat(dev.tshoot.probe.HypervisorVendors.fromCpuid("Microsoft Hv").caveat()).contains("Windows host", "Nutanix AHV");
        assertThat(dev.tshoot.probe.HypervisorVendors.fromCpuid("VBoxVBoxVBox")).isEqualTo(
                new dev.tshoot.probe.HypervisorVendors.Named("virtualbox", null));
        assertThat(dev.tshoot.probe.HypervisorVendors.fromLscpu("KVM").caveat()).contains("VirtualBox");
        assertThat(dev.tshoot.probe.HypervisorVendors.fromLscpu("Innotek GmbH").hypervisor()).isEqualTo("virtualbox");
        assertThat(dev.tshoot.probe.HypervisorVendors.fromLscpu("IBM")).isNull();
        assertThat(dev.tshoot.probe.HypervisorVendors.fromCpuid("GenuineIntel")).isNull();
        // the kernel's line as dmesg shows it (F-LNX-16 in the domain notes: "Hypervisor detected: VMware")
        PastedDiagnostics.Recognised dmesg = PastedDiagnostics.recognise("[    0.000000] Hypervisor detected: VMware\n");
        assertThat(dmesg.facts()).containsEntry("hypervisorDetected", "VMware").containsEntry("hypervisor", "vmware");
        assertThat(dev.tshoot.probe.HypervisorVendors.fromKernelLog("Microsoft Hyper-V").hypervisor()).isEqualTo("hyperv");
        assertThat(dev.tshoot.probe.HypervisorVendors.fromKernelLog("Xen HVM").hypervisor()).isEqualTo("xen");
    }

    @Test
    void outputsWithNoPasteQuestionAreNamedWithTheirFacts() throws Exception {
        PastedDiagnostics.Recognised r = PastedDiagnostics.recognise(fixture("06_lsmod_only_kvm.txt").output());
        assertThat(r.command()).isEqualTo("lsmod");
        assertThat(r.routed()).isFalse();
        assertThat(r.facts()).containsEntry("kvmModules", "kvm");
        assertThat(PastedDiagnostics.recognise("an error text, not an output")).isNull();
    }
}
