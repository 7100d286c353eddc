package dev.tshoot.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The error texts documented in the domain notes (section 3, entry symptoms), in the shapes users
 * paste them, must rank the right shipped playbook and entry node first.
 *
 * <p>To add texts (for example S10-S14 of docker-desktop-nested-virtualization), add rows to
 * {@link #TEXTS}: symptom id, playbook id, entry node, text. A row whose playbook is not in
 * {@code playbooks/} fails. Give each symptom its exact documented string(s) and at least
 * one variant as pasted: wrapped, quoted, with literal {@code \r\n} escapes, inside a log line.
 */
class ShippedSymptomsTest {

    private static final Path PLAYBOOKS = Path.of("playbooks");

    private static final String LINUX_KVM = "docker-desktop-linux-kvm";
    private static final String WINDOWS = "windows-wsl2-virtualization";
    private static final String NESTED = "docker-desktop-nested-virtualization";

    /** One pasted text and where it must lead. */
    record Text(String symptom, String playbook, String node, String text) {
        @Override
        public String toString() {
            return symptom + " -> " + playbook + "/" + node + ": " + text;
        }
    }

    // Java text blocks keep line breaks; "\\r\\n" in a plain literal is the two-character escape
    // users paste from JSON or logs.
    static final List<Text> TEXTS = List.of(
            // S1: Docker Desktop dialog (4.4x-4.8x)
            new Text("S1", WINDOWS, "ask-run-here", "Virtualization support not detected"),
            new Text("S1", WINDOWS, "ask-run-here",
                    "Docker Desktop requires virtualization support to run. Contact your IT admin to enable virtualization or check system requirements."),
            new Text("S1", WINDOWS, "ask-run-here",
                    "\"Virtualization support not detected\\r\\nDocker Desktop requires virtualization support to run.\\r\\nContact your IT admin to enable virtualization or check system requirements.\""),
            // S1b: backend log (4.83)
            new Text("S1b", WINDOWS, "ask-run-here", "engine linux/wsl failed to start: checking preconditions:"),
            new Text("S1b", WINDOWS, "ask-run-here", "Virtual Machine Platform not enabled"),
            new Text("S1b", WINDOWS, "ask-run-here", "No virtualization available"),
            new Text("S1b", WINDOWS, "ask-run-here",
                    "[2025-11-20T09:14:02.512Z][com.docker.backend.exe][E] engine linux/wsl failed to start: checking preconditions:\n  Virtual Machine Platform not enabled\n  No virtualization available"),
            // S2: Docker Desktop dialog (2023)
            new Text("S2", WINDOWS, "ask-run-here", "Docker Desktop is unable to detect a Hypervisor."),
            new Text("S2", WINDOWS, "ask-run-here",
                    "Hardware assisted virtualization and data execution protection must be enabled in the BIOS. See https://docs.docker.com/desktop/windows/troubleshoot/#virtualization"),
            new Text("S2", WINDOWS, "ask-run-here", """
                    Docker Desktop is unable to detect a Hypervisor.
                    Hardware assisted virtualization and data execution
                    protection must be enabled in the BIOS.
                    See https://docs.docker.com/desktop/windows/troubleshoot/#virtualization
                    """),
            // S2-old: Docker Desktop 2.x
            new Text("S2-old", WINDOWS, "ask-run-here",
                    "Hardware assisted virtualization and data execution protection must be enabled in the BIOS. See https://docs.docker.com/docker-for-windows/troubleshoot/#virtualization-must-be-enabled"),
            new Text("S2-old", WINDOWS, "ask-run-here",
                    "'Hardware assisted virtualization and data execution protection must be enabled in the BIOS.\\nSee https://docs.docker.com/docker-for-windows/troubleshoot/#virtualization-must-be-enabled'"),
            // S3: WSL 2.x error details
            new Text("S3", WINDOWS, "ask-run-here", "WSL2 is not supported with your current machine configuration."),
            new Text("S3", WINDOWS, "ask-run-here",
                    "Please enable the \"Virtual Machine Platform\" optional component and ensure virtualization is enabled in the BIOS."),
            new Text("S3", WINDOWS, "ask-run-here", "Error code: Wsl/Service/RegisterDistro/CreateVm/HCS/HCS_E_HYPERV_NOT_INSTALLED"),
            new Text("S3", WINDOWS, "ask-run-here",
                    "WSL2 is not supported with your current machine configuration.\\r\\nPlease enable the \\\"Virtual Machine Platform\\\" optional component and ensure virtualization is enabled in the BIOS.\\r\\nError code: Wsl/Service/RegisterDistro/CreateVm/HCS/HCS_E_HYPERV_NOT_INSTALLED\\r\\n"),
            // S3b: newer WSL wording
            new Text("S3b", WINDOWS, "ask-run-here", "WSL2 is not supported by the current machine configuration."),
            new Text("S3b", WINDOWS, "ask-run-here",
                    "Enable the optional \"Virtual Machine Platform\" feature and enable virtualization in the BIOS."),
            new Text("S3b", WINDOWS, "ask-run-here", """
                    WSL2 is not supported by the current
                    machine configuration. Enable the optional `Virtual Machine Platform`
                    feature and enable virtualization in the BIOS.
                    """),
            // S3c: generic Docker Desktop dialog
            new Text("S3c", WINDOWS, "ask-run-here", "Docker Desktop - Unexpected WSL error"),
            new Text("S3c", WINDOWS, "ask-run-here", "An unexpected error occurred while executing a WSL command."),
            new Text("S3c", WINDOWS, "ask-run-here",
                    "Docker Desktop - Unexpected WSL error\\nAn unexpected error occurred while executing a WSL command.\\n"),
            // S4: wsl.exe / distribution launcher, new and old URL
            new Text("S4", WINDOWS, "ask-run-here", "WslRegisterDistribution failed with error: 0x80370102"),
            new Text("S4", WINDOWS, "ask-run-here",
                    "Please enable the Virtual Machine Platform Windows feature and ensure virtualization is enabled in the BIOS."),
            new Text("S4", WINDOWS, "ask-run-here", "For information please visit https://aka.ms/enablevirtualization"),
            new Text("S4", WINDOWS, "ask-run-here", """
                    Installing, this may take a few minutes...
                    WslRegisterDistribution failed with error: 0x80370102
                    Please enable the Virtual Machine Platform Windows feature and ensure virtualization is enabled in the BIOS.
                    For information please visit https://aka.ms/wsl2-install
                    Press any key to continue...
                    """),
            // S4-old: 2019-2020
            new Text("S4-old", WINDOWS, "ask-run-here",
                    "Error: 0x80370102 The virtual machine could not be started because a required feature is not installed."),
            new Text("S4-old", WINDOWS, "ask-run-here",
                    "PS C:\\> wsl --set-version Ubuntu 2\r\nConversion in progress, this may take a few minutes...\r\nError: 0x80370102 The virtual machine could not be started because a required feature\r\nis not installed.\r\n"),
            // S4-dd: Docker Desktop 3.x exception text
            new Text("S4-dd", WINDOWS, "ask-run-here",
                    "Failed to deploy distro docker-desktop to C:\\Users\\nadia\\AppData\\Local\\Docker\\wsl\\distro: exit code: -1\n stdout: Please enable the Virtual Machine Platform Windows feature and ensure virtualization is enabled in the BIOS."),
            new Text("S4-dd", WINDOWS, "ask-run-here",
                    "Docker.Core.Backend.BackendException:\\r\\nFailed to deploy distro docker-desktop to C:\\Users\\tom\\AppData\\Local\\Docker\\wsl\\distro: exit code: -1\\r\\n stdout: Please enable the Virtual Machine Platform Windows feature and ensure virtualization is enabled in the BIOS."),
            // S5: HCS service not available
            new Text("S5", WINDOWS, "ask-run-here", "Wsl/Service/RegisterDistro/CreateVm/HCS/HCS_E_SERVICE_NOT_AVAILABLE"),
            new Text("S5", WINDOWS, "ask-run-here",
                    "The operation could not be started because a required feature is not installed.\\r\\nError code: Wsl/Service/RegisterDistro/CreateVm/HCS/HCS_E_SERVICE_NOT_AVAILABLE"),
            // S6: Hyper-V backend
            new Text("S6", WINDOWS, "ask-run-here-hyperv",
                    "Failed to start the virtual machine 'DockerDesktopVM' because one of the Hyper-V components is not running."),
            new Text("S6", WINDOWS, "ask-run-here-hyperv",
                    "The Virtual Machine Management Service failed to start the virtual machine 'DockerDesktopVM' because one of the Hyper-V components is not running"),
            new Text("S6", WINDOWS, "ask-run-here-hyperv", """
                    Docker.Core.Backend.BackendException:
                    The Virtual Machine Management Service failed to start the virtual machine
                    ‘DockerDesktopVM’ because one of the Hyper-V components is not running.
                    """),
            // S7: warning only
            new Text("S7", WINDOWS, "ask-nested-warning", "wsl: Nested virtualization is not supported on this machine."),
            new Text("S7", WINDOWS, "ask-nested-warning",
                    "PS C:\\Users\\ann> wsl\r\nwsl: Nested virtualization is not supported on this machine.\r\nann@PC:/mnt/c/Users/ann$"),
            // S7b: unsupported Windows build
            new Text("S7b", WINDOWS, "fix-wslconfig-nested", "Nested virtualization is not supported on this Windows build."),
            new Text("S7b", WINDOWS, "fix-wslconfig-nested", "Error code: Wsl/Service/CreateInstance/CreateVm/WSL_E_NESTED_NOT_SUPPORTED"),
            new Text("S7b", WINDOWS, "fix-wslconfig-nested",
                    "\"Nested virtualization is not supported on this Windows build.\\r\\nError code: Wsl/Service/CreateInstance/CreateVm/WSL_E_NESTED_NOT_SUPPORTED\""),
            // S8: Windows containers mode
            new Text("S8", WINDOWS, "ask-run-here-hyperv",
                    "failure in a Windows system call: No hypervisor is present on this system. (0xc0351000)"),
            new Text("S8", WINDOWS, "ask-run-here-hyperv",
                    "Error response from daemon: hcsshim::CreateComputeSystem 4b8d: failure in a Windows system call:\nNo hypervisor is present on this system. (0xc0351000)"),
            // S15: HCS JSON
            new Text("S15", WINDOWS, "ask-run-here",
                    "\"ErrorMessage\":\"The virtual machine could not be started because a required feature is not installed.\""),
            new Text("S15", WINDOWS, "ask-run-here", "Cannot create system 'sandbox-vm' since Hyper-V is not installed on the host."),
            new Text("S15", WINDOWS, "ask-run-here",
                    "{\"Error\":-2143878910,\"ErrorMessage\":\"The virtual machine could not be started because a required feature is not installed.\",\"ErrorEvents\":[{\"Message\":\"Cannot create system 'sandbox-vm' since Hyper-V is not installed on the host.\"}]}"),
            // S9: Docker Desktop for Linux (QEMU) log
            new Text("S9", LINUX_KVM, "ask-run-here", "Could not access KVM kernel module: No such file or directory"),
            new Text("S9", LINUX_KVM, "ask-run-here", "failed to initialize KVM: No such file or directory"),
            new Text("S9", LINUX_KVM, "ask-run-here",
                    "qemu-system-x86_64: -accel kvm: Could not access KVM kernel module: No such file or directory\\nqemu-system-x86_64: -accel kvm: failed to initialize kvm: No such file or directory\\n"),
            // S9b: modprobe
            new Text("S9b", LINUX_KVM, "ask-vm-no-hw", "modprobe: ERROR: could not insert 'kvm_intel': Operation not supported"),
            new Text("S9b", LINUX_KVM, "ask-vm-no-hw", "$ sudo modprobe kvm_amd\nmodprobe: ERROR: could not insert `kvm_amd`:\n  Operation not supported"),
            // S9c: kernel log
            new Text("S9c", LINUX_KVM, "ask-vm-no-hw", "kvm: no hardware support"),
            new Text("S9c", LINUX_KVM, "ask-vm-no-hw", "[    4.118204] kvm: no hardware support\n[    4.118911] kvm: no hardware support"),

            // S10, S10b: Docker Desktop for Mac (old and new dialog wording; diagnostics)
            new Text("S10", NESTED, "ask-run-here", "Incompatible CPU detected. Docker requires a processor with virtualization capabilities."),
            new Text("S10", NESTED, "ask-run-here", "Incompatible CPU detected\nWe are sorry, but your hardware is incompatible with Docker Desktop.\n"
                    + "Docker requires a processor with virtualization capabilities and hypervisor support."),
            new Text("S10b", NESTED, "ask-run-here", "failure: sysctl -a reports no hypervisor support"),
            new Text("S10b", NESTED, "ask-run-here", "[ERROR]  virtualization kern.hv_support"),
            // S11: generic WSL error text on an Azure Trusted Launch VM
            new Text("S11", NESTED, "fix-azure", "An unexpected error was encountered while executing a WSL command. Common causes include"
                    + " access rights issues (on an Azure Trusted Launch VM)"),
            // S12: VMware Workstation on a Windows host running Hyper-V/VBS
            new Text("S12", NESTED, "fix-vmware-workstation-fusion", "Virtualized Intel VT-x/EPT is not supported on this platform."),
            new Text("S12", NESTED, "fix-vmware-workstation-fusion", "\"VMware Workstation does not support nested virtualization on this host.\""),
            // S13: Hyper-V role in a guest without nesting
            new Text("S13", NESTED, "ask-hypervisor", "Hyper-V cannot be installed: The processor does not have the required virtualization capabilities."),
            new Text("S13", NESTED, "ask-hypervisor", "Hyper-V cannot be installed: The processor does not support second level address translation (SLAT)."),
            // S14: Xen Orchestra / xapi with HAP off
            new Text("S14", NESTED, "fix-citrix-xen", "Shadow Paging and Nested Virtualisation are mutually exclusive"),
            // S16-S18 (from the sourced corpus, src/test/resources/corpus/entries.yaml)
            new Text("S16", NESTED, "fix-virtualbox", "VBoxManage: error: VT-x is disabled in the BIOS for all CPU modes (VERR_VMX_MSR_ALL_VMX_DISABLED)"),
            new Text("S16", NESTED, "fix-virtualbox", "**VT-x is disabled in the bios for all CPU modes\n(VERR_VMX_MSX_ALL_VMX_DISABLED).**"),
            new Text("S16", NESTED, "fix-virtualbox", "stderr; vboxmanage: error : AMD-V is not available (VERR_SVM_NO_SVM)"),
            new Text("S17", NESTED, "fix-vmware-workstation-fusion", "Error while powering on: This host supports AMD-V, but AMD-V is disabled."),
            new Text("S17", NESTED, "fix-vmware-workstation-fusion", "This host supports Intel VT-x, but Intel VT-x is disabled."),
            new Text("S17", NESTED, "fix-vmware-workstation-fusion", "This virtual machine is configured for 64-bit guest operating systems. However, 64-bit operation is not possible.\n\nThis host does not support Intel VT-x."),
            new Text("S18", NESTED, "fix-hyperv", "The virtualization host CADILLAC supports nested virtualization: NO"),
            // Windows: S2b, S16, widened S6/S7/S7b/S8
            new Text("S2b", WINDOWS, "ask-run-here", "Docker Desktop - Windows Hypervisor is not present"),
            new Text("S16", WINDOWS, "ask-run-here", "WSL 2 requires an update to its kernel component. For information please visit https://aka.ms/wsl2kernel"),
            new Text("S16", WINDOWS, "ask-run-here", "ERROR: GetVmId:318: CreateLxProcess: WSL 2 requires an update to its kernel component."),
            new Text("S6", WINDOWS, "ask-run-here-hyperv", "DockerDesktopVM' because one of the Hyper-V components is not running"),
            new Text("S7", WINDOWS, "ask-nested-warning", "wsl: nested virtualization is not supported on this computer"),
            new Text("S7b", WINDOWS, "fix-wslconfig-nested", "\"Nested virtualization is not enabled on this OS build.\""),
            new Text("S8", WINDOWS, "ask-run-here-hyperv", "failure in a Windows system call: No hay ning\u00fan hipervisor en este sistema."),
            // Linux: S9d-S9g
            new Text("S9d", LINUX_KVM, "ask-run-here", "ls: cannot access '/dev/kvm': No such file or directory"),
            new Text("S9d", LINUX_KVM, "ask-run-here", "docker: Error response from daemon: error gathering device information while adding custom device \"/dev/kvm\": no such file or directory."),
            new Text("S9d", LINUX_KVM, "ask-run-here", "qemu-system-x86_64: -machine accel=kvm: No accelerator found"),
            new Text("S9d", LINUX_KVM, "ask-run-here", "failed to launch: /dev/kvm does not exist. Try 'sudo modprobe kvm_intel'."),
            new Text("S9h", LINUX_KVM, "ask-run-here", "open /dev/kvm: No such file or directory"),
            new Text("S9h", LINUX_KVM, "ask-run-here", "Failed with: stat /dev/kvm: no such file or directory"),
            new Text("S9e", LINUX_KVM, "ask-run-here", "modprobe: FATAL: Module kvm-intel not found in directory /lib/modules/4.19.84-microsoft-standard"),
            new Text("S9f", LINUX_KVM, "ask-vm-no-hw", "INFO: Your CPU does not support KVM extensions\nKVM acceleration can NOT be used"),
            new Text("S9f", LINUX_KVM, "ask-vm-no-hw", "$ grep -c -w \"vmx\\|svm\" /proc/cpuinfo\n0"),
            new Text("S9g", LINUX_KVM, "fix-bios", "failed to launch: KVM (vmx) is disabled by your BIOS."),
            // normalisation: British spelling, a hyphen at a line break, Markdown emphasis, Windows paths
            new Text("S1", WINDOWS, "ask-run-here", "Virtualisation support not detected"),
            new Text("S1", WINDOWS, "ask-run-here", "**Virtualization support not de-\ntected**"),
            new Text("S9", LINUX_KVM, "ask-run-here", "Failed to initialise KVM"));

    private static List<Playbook> shipped;

    @BeforeAll
    static void loadShippedPlaybooks() throws IOException {
        List<Playbook> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(PLAYBOOKS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                PlaybookLoader.Result r = new PlaybookLoader().load(f);
                assertThat(r.findings()).as("findings in " + f).isEmpty();
                out.add(r.playbook());
            }
        }
        shipped = List.copyOf(out);
    }

    static Stream<Arguments> texts() {
        return TEXTS.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void ranksTheRightPlaybookAndEntryNodeFirst(Text t) {
        assertThat(shipped).extracting(Playbook::id)
                .as("%s names playbook '%s', which is not shipped in %s/: ship it or remove the row from TEXTS", t, t.playbook(),
                        PLAYBOOKS)
                .contains(t.playbook());
        List<SymptomMatcher.Candidate> c = SymptomMatcher.match(t.text(), shipped);
        assertThat(c).as("candidates for %s", t).isNotEmpty();
        SymptomMatcher.Candidate first = c.get(0);
        assertThat(first.playbook().id() + "/" + first.node()).as("first candidate for %s (all: %s)", t, describe(c))
                .isEqualTo(t.playbook() + "/" + t.node());
        assertThat(first.hits()).extracting(SymptomMatcher.Hit::symptom).as("symptoms hit").contains(t.symptom());
    }

    @Test
    void everyShippedSymptomHasATextHere() {
        Set<String> covered = TEXTS.stream().map(t -> t.playbook() + "/" + t.symptom()).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (Playbook pb : shipped) {
            for (Playbook.Symptom s : pb.symptoms()) {
                if (!covered.contains(pb.id() + "/" + s.id())) {
                    missing.add(pb.id() + "/" + s.id());
                }
            }
        }
        assertThat(missing).as("symptoms declared in playbooks/ without a text in ShippedSymptomsTest.TEXTS").isEmpty();
    }

    @Test
    void unrelatedTextsMatchNothingHere() {
        for (String text : List.of("The printer is out of paper", "docker: Cannot connect to the Docker daemon at unix:///var/run/docker.sock.",
                "Error response from daemon: pull access denied for foo, repository does not exist",
                "VirtualBox can't enable the AMD-V extension. Please close all other virtualization programs. (VERR_SVM_IN_USE).")) {
            assertThat(SymptomMatcher.match(text, shipped)).as(text).isEmpty();
        }
    }

    private static String describe(List<SymptomMatcher.Candidate> c) {
        return c.stream().map(x -> x.playbook().id() + "/" + x.node() + "=" + x.score()
                + x.hits().stream().map(SymptomMatcher.Hit::symptom).toList()).collect(Collectors.joining(", "));
    }
}
