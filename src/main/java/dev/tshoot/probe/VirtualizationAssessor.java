package dev.tshoot.probe;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.tshoot.probe.Evidence.Weight;
import dev.tshoot.probe.HypervisorFingerprint.DmiMatch;
import dev.tshoot.playbook.OsFamily;

/**
 * Decides "VM or not, which hypervisor, how sure" from {@link VirtualizationSignals}. Pure function: no host access.
 *
 * <p>Rules, strongest first: DMI/SMBIOS strings identify the vendor; the CPU {@code hypervisor} bit says
 * "is a VM" but not which; {@code /sys/hypervisor/type} identifies Xen; paravirtual clock sources hint at the
 * family; NIC OUIs only break ties. Windows hosts with Hyper-V, WSL 2 or VBS report a running hypervisor too,
 * so on Windows a non-"Virtual Machine" model with HypervisorPresent means <em>host</em>.
 *
 * <p>Confidence: {@code high} when DMI (or WSL/Xen interfaces) identify the vendor and nothing contradicts;
 * {@code medium} when "VM or not" is clear but the vendor is inferred from secondary signals, or strong signals
 * disagree; {@code low} when only weak signals remain.
 */
public final class VirtualizationAssessor {

    /** A known false-positive pattern, with a stable id for playbook conditions. */
    public record Trap(String id, String message) {
    }

    /**
     * @param isVirtualMachine {@code Boolean.TRUE}, {@code Boolean.FALSE}, or {@code null} for unknown
     * @param unknownReason    why isVirtualMachine is unknown, else null
     */
    public record Assessment(Boolean isVirtualMachine, String unknownReason, String hypervisor, String confidence,
                             String detail, List<Evidence> evidence, List<Trap> traps) {
    }

    private static final Set<String> HOST_SIDE_NIC_PREFIXES = Set.of("vethernet", "docker", "br-", "veth", "virbr",
            "vmnet", "vboxnet", "lxcbr", "cni", "flannel", "tap", "tun");

    private VirtualizationAssessor() {
    }

    public static Assessment assess(VirtualizationSignals s) {
        return new Run(s).decide();
    }

    /** One decision; holds the lists being built. */
    private static final class Run {
        final VirtualizationSignals s;
        final List<Evidence> ev = new ArrayList<>();
        final List<Trap> traps = new ArrayList<>();
        final Set<String> ouiHints = new LinkedHashSet<>();
        final Set<String> hostSideOuiHints = new LinkedHashSet<>();
        final boolean windows;
        Boolean isVm;
        String unknownReason;
        String hv = "unknown";
        String conf = "low";
        String detail;
        DmiMatch dmiMatch;

        Run(VirtualizationSignals s) {
            this.s = s;
            this.windows = s.osFamily() == OsFamily.WINDOWS;
        }

        Assessment decide() {
            DmiMatch dm = HypervisorFingerprint.classify(s.dmi());
            dmiMatch = dm;
            collectEvidence(dm);
            String clockHint = clockHint();
            Boolean cpuVm = s.hypervisorFlag();

            if (s.wsl() != null) {
                set(true, "hyperv", "high", "WSL 2 utility VM (Hyper-V) on a Windows host");
                trap("wsl2", "Running inside WSL 2: this Linux is the WSL 2 utility VM on a Windows host. "
                        + "Check virtualization on the Windows side, which is where Docker Desktop runs.");
            } else if (s.xenDom0()) {
                set(false, "xen", "high", "Xen dom0: the control domain of a Xen host");
                trap("xen-dom0", "Xen dom0 reports Xen like a guest does, but it is the host's control domain.");
            } else if (dm != null && !dm.physical()) {
                decideByDmiVendor(dm, cpuVm);
            } else if (dm != null) {
                decideByPhysicalDmi(dm, cpuVm, clockHint);
            } else if ("xen".equalsIgnoreCase(s.sysHypervisorType())) {
                set(true, "xen", "high", "Xen guest (/sys/hypervisor/type)");
            } else if (Boolean.TRUE.equals(cpuVm)) {
                decideByCpuOnly(clockHint);
            } else if (Boolean.FALSE.equals(cpuVm)) {
                set(false, "none", "medium", "no hypervisor bit and no DMI strings to check against");
            } else if (windows && s.windowsHypervisorPresent() != null) {
                decideWindowsWithoutDmi();
            } else {
                String hint = ouiHints.isEmpty() ? null : ouiHints.iterator().next();
                isVm = null;
                unknownReason = "neither DMI strings nor the CPU hypervisor bit could be read"
                        + (s.flagsUnknownReason() == null ? "" : " (" + s.flagsUnknownReason() + ")");
                hv = hint == null ? "unknown" : hint;
                conf = "low";
                detail = hint == null ? "not enough facts" : "only a NIC OUI hints at " + hint;
            }
            refine(clockHint);
            return new Assessment(isVm, unknownReason, hv, conf, detail, List.copyOf(ev), List.copyOf(traps));
        }

        private void decideByDmiVendor(DmiMatch dm, Boolean cpuVm) {
            boolean strong = dm.weight() == Weight.STRONG;
            set(true, dm.hypervisor(), strong ? "high" : "medium", dm.detail());
            boolean bitOff = Boolean.FALSE.equals(cpuVm) || (windows && Boolean.FALSE.equals(s.windowsHypervisorPresent()));
            if (bitOff) {
                conf = strong ? "medium" : "low";
                if (!strong) {
                    isVm = null;
                    unknownReason = "weak DMI hint (" + dm.observed() + ") contradicted by the CPU hypervisor bit";
                }
                trap("hypervisor-bit-hidden", "DMI says " + dm.hypervisor() + " but the CPU hypervisor bit is off: "
                        + "the hypervisor may hide itself (e.g. VMware hypervisor.cpuid.v0 = FALSE, QEMU -cpu ...,-hypervisor) "
                        + "or the DMI strings were copied from other hardware.");
            }
        }

        private void decideByPhysicalDmi(DmiMatch dm, Boolean cpuVm, String clockHint) {
            if (windows) {
                Boolean present = s.windowsHypervisorPresent();
                set(false, "none", Boolean.FALSE.equals(present) || dm.weight() == Weight.STRONG ? "high" : "medium",
                        dm.detail());
                if (Boolean.TRUE.equals(present)) {
                    conf = "medium";
                    detail = "physical Windows host with a hypervisor running (Hyper-V, WSL 2, VBS or Memory integrity)"
                            + " - " + dm.detail();
                    String vEthernet = hostSideOuiHints.contains("hyperv")
                            ? " and vEthernet adapters use the Hyper-V MAC prefix 00:15:5D" : "";
                    trap("windows-host-hyperv", "Windows host running Hyper-V/WSL 2/VBS looks like a Hyper-V guest: "
                            + "HypervisorPresent is True" + vEthernet + ", but the model '" + nz(s.dmi().productName())
                            + "' is not 'Virtual Machine', so this is the host.");
                }
                if (HypervisorFingerprint.lc(s.dmi().sysVendor()).startsWith("microsoft")) {
                    trap("microsoft-hardware", "Surface and other Microsoft-built PCs say 'Microsoft Corporation' like "
                            + "Hyper-V VMs do; only the model 'Virtual Machine' marks a VM.");
                }
                return;
            }
            if (Boolean.TRUE.equals(cpuVm)) {
                String vendor = clockHint != null ? clockHint : firstOr(ouiHints, "unknown");
                set(true, vendor, "medium", "DMI strings look physical" + " (" + dm.observed() + ") but the CPU reports a hypervisor");
                trap("dmi-looks-physical", "DMI strings look like physical hardware but the CPU hypervisor bit is set: "
                        + "the hypervisor passes through or fakes SMBIOS strings (e.g. VirtualBox/KVM SMBIOS passthrough).");
            } else if (Boolean.FALSE.equals(cpuVm)) {
                set(false, "none", dm.weight() == Weight.WEAK ? "medium" : "high", dm.detail());
            } else {
                set(false, "none", dm.weight() == Weight.WEAK ? "low" : "medium", dm.detail());
            }
        }

        private void decideByCpuOnly(String clockHint) {
            boolean noDmi = s.dmi() != null && s.dmi().status() == DmiInfo.Status.ABSENT;
            if (noDmi && s.isX86() && !"hyperv".equals(clockHint)) {
                set(true, "microvm", "medium", "KVM-based micro-VM likely (Firecracker-style): hypervisor bit set, no DMI/SMBIOS tables"
                        + ("kvm".equals(clockHint) ? ", KVM paravirtual clock offered" : ""));
                trap("no-dmi-microvm", "No DMI on x86: micro-VM hint. Firecracker-style micro-VMs boot without "
                        + "SMBIOS tables, so the hypervisor vendor cannot be read from DMI.");
            } else if (clockHint != null) {
                set(true, clockHint, "medium", "hypervisor bit set; vendor family from the paravirtual clock source");
            } else if (!ouiHints.isEmpty()) {
                set(true, ouiHints.iterator().next(), "low", "hypervisor bit set; vendor guessed from a NIC OUI only");
            } else {
                set(true, "unknown", "medium", "a hypervisor is present but does not identify itself in the facts read");
            }
        }

        private void decideWindowsWithoutDmi() {
            if (Boolean.TRUE.equals(s.windowsHypervisorPresent())) {
                isVm = null;
                unknownReason = "HypervisorPresent is True but the SMBIOS model could not be read: a VM, or a host "
                        + "running Hyper-V/WSL 2/VBS";
                hv = ouiHints.isEmpty() ? "unknown" : ouiHints.iterator().next();
                conf = "low";
                detail = "a hypervisor is running; host or guest not distinguishable";
                trap("windows-host-hyperv", "Windows host running Hyper-V/WSL 2/VBS looks like a Hyper-V guest: "
                        + "HypervisorPresent alone does not mean 'virtual machine'.");
            } else {
                set(false, "none", "medium", "no hypervisor running (Win32_ComputerSystem.HypervisorPresent = False)");
            }
        }

        /** Vendor refinements and traps that apply whatever rule decided. */
        private void refine(String clockHint) {
            if (("kvm".equals(hv) || "qemu".equals(hv)) && (ouiHints.contains("proxmox"))) {
                hv = "proxmox";
                conf = "high".equals(conf) ? "medium" : conf;
                detail = "Proxmox VE guest (QEMU/KVM; told apart from plain KVM by the NIC OUI BC:24:11 only)";
            } else if ("kvm".equals(hv) && dmiMatch != null && "kvm".equals(dmiMatch.hypervisor())
                    && "sysfs".equals(s.dmi().origin()) && s.clocksources() != null
                    && !s.clocksources().contains("kvm-clock") && s.wsl() == null) {
                hv = "qemu";
                detail = "QEMU without KVM acceleration likely (no kvm-clock offered to the guest)";
            }
            if ("virtualbox".equals(hv) && ("kvm".equals(clockHint) || "hyperv".equals(clockHint))) {
                trap("virtualbox-as-kvm", "VirtualBox can report as KVM (or Hyper-V): its paravirtualization interface "
                        + "makes tools like systemd-detect-virt say 'kvm'/'microsoft'. The DMI strings say VirtualBox.");
            } else if (("kvm".equals(hv) || "microvm".equals(hv)) && ouiHints.contains("virtualbox")) {
                hv = "virtualbox";
                conf = "low";
                detail = "KVM-like signals with a VirtualBox NIC: VirtualBox with the KVM paravirtualization interface";
                trap("virtualbox-as-kvm", "VirtualBox can report as KVM: its KVM paravirtualization interface hides it; "
                        + "only the NIC OUI 08:00:27 points to VirtualBox here.");
            }
            if ("nutanix".equals(hv)) {
                trap("nutanix-as-hyperv", "Nutanix reports as Hyper-V: AHV offers Hyper-V enlightenments, so "
                        + "systemd-detect-virt says 'microsoft' and virt-what 'hyperv'. The DMI strings say Nutanix.");
            }
            if ("hyperv".equals(hv) && s.dmi() != null && s.dmi().chassisAssetTag() == null && s.wsl() == null) {
                detail = "hyperv (on-prem or Azure: not distinguishable from these facts)";
            }
            if (!windows && !hostSideOuiHints.isEmpty() && Boolean.FALSE.equals(isVm)) {
                trap("host-side-adapters", "Host-side virtual adapters (" + String.join(", ", hostSideOuiHints)
                        + " MAC prefixes) belong to hypervisors or containers this machine runs, not to one it runs in.");
            }
            if (s.container() != null) {
                trap("container", "Running inside a " + s.container() + " container: these facts describe the kernel "
                        + "and machine the container runs on; /dev/kvm is usable only if passed into the container.");
            }
            if (Boolean.FALSE.equals(isVm)) {
                hv = "xen".equals(hv) ? hv : "none";
            }
        }

        private void collectEvidence(DmiMatch dm) {
            DmiInfo d = s.dmi();
            if (dm != null) {
                ev.add(new Evidence(d.sourceOf(dm.field()), dm.observed(), suggests(dm), dm.weight()));
                if (("hyperv".equals(dm.hypervisor()) || "azure".equals(dm.hypervisor()))) {
                    String tag = d.chassisAssetTag();
                    ev.add(new Evidence(d.sourceOf("chassis_asset_tag"),
                            tag == null ? "(not readable)" : HypervisorFingerprint.AZURE_ASSET_TAG.equals(tag) ? tag
                                    : "(a value that is not Azure's)",
                            tag == null ? "Azure vs on-prem Hyper-V not distinguishable"
                                    : HypervisorFingerprint.AZURE_ASSET_TAG.equals(tag) ? "Azure" : "on-prem Hyper-V",
                            tag == null ? Weight.WEAK : Weight.MEDIUM));
                }
            } else if (d != null && d.status() == DmiInfo.Status.ABSENT) {
                ev.add(new Evidence(DmiInfo.SYSFS_DIR.toString(), "absent", s.isX86()
                        ? "no DMI/SMBIOS tables on x86: micro-VM hint (Firecracker-style)"
                        : "no DMI/SMBIOS tables (common on ARM boards and VMs)", s.isX86() ? Weight.MEDIUM : Weight.WEAK));
            }
            if (s.hypervisorFlag() != null) {
                boolean mac = s.osFamily() == OsFamily.MACOS;
                ev.add(new Evidence(mac ? "sysctl kern.hv_vmm_present / cpu feature VMM" : "cpu flag hypervisor",
                        s.hypervisorFlag() ? "present" : "absent",
                        s.hypervisorFlag() ? "hypervisor CPU flag: running under a hypervisor (does not say which)"
                                : "no hypervisor CPU flag: bare metal, or a hypervisor hiding itself",
                        s.hypervisorFlag() ? Weight.STRONG : Weight.MEDIUM));
            }
            if (s.vmx() != null || s.svm() != null) {
                boolean exposed = Boolean.TRUE.equals(s.vmx()) || Boolean.TRUE.equals(s.svm());
                ev.add(new Evidence("cpu flags vmx/svm", exposed ? (Boolean.TRUE.equals(s.vmx()) ? "vmx" : "svm") : "neither",
                        exposed ? "VT-x/AMD-V visible to this OS" : "VT-x/AMD-V not visible to this OS", Weight.MEDIUM));
            }
            if (s.macHvSupport() != null) {
                ev.add(new Evidence("sysctl kern.hv_support", s.macHvSupport() ? "1" : "0", s.macHvSupport()
                        ? "Hypervisor.framework usable (VT-x or Apple virtualization available to macOS)"
                        : "Hypervisor.framework unusable: Docker Desktop reports 'Incompatible CPU detected'", Weight.MEDIUM));
            }
            if (s.sysHypervisorType() != null) {
                ev.add(new Evidence(VirtualizationSignals.SYS_HYPERVISOR_TYPE.toString(), s.sysHypervisorType(),
                        "hypervisor interface: " + s.sysHypervisorType(), Weight.STRONG));
            }
            if (s.xenDom0()) {
                ev.add(new Evidence(VirtualizationSignals.XEN_CAPABILITIES.toString(), "control_d",
                        "Xen dom0 (host control domain)", Weight.STRONG));
            }
            String clock = clockHint();
            if (clock != null) {
                ev.add(new Evidence(VirtualizationSignals.CLOCKSOURCES.toString(), s.clocksources(),
                        switch (clock) {
                            case "kvm" -> "KVM paravirtual clock (kvm-clock): KVM-based hypervisor, or one emulating KVM";
                            case "hyperv" -> "Hyper-V clock: Hyper-V/Azure, or a hypervisor emulating Hyper-V";
                            default -> "Xen clock: Xen-based hypervisor";
                        }, Weight.MEDIUM));
            }
            if (windows && s.windowsHypervisorPresent() != null) {
                ev.add(new Evidence("Win32_ComputerSystem.HypervisorPresent", String.valueOf(s.windowsHypervisorPresent()),
                        s.windowsHypervisorPresent() ? "a hypervisor runs: a VM, or a host with Hyper-V/WSL 2/VBS"
                                : "no hypervisor running", Weight.MEDIUM));
            }
            if (s.wsl() != null) {
                ev.add(new Evidence("WSL", s.wsl(), "WSL 2 utility VM (Hyper-V)", Weight.STRONG));
            }
            if (s.container() != null) {
                ev.add(new Evidence("docker".equals(s.container()) ? "/.dockerenv" : "/run/.containerenv", "present",
                        "inside a " + s.container() + " container", Weight.WEAK));
            }
            collectNicEvidence();
        }

        private void collectNicEvidence() {
            for (HardwareSnapshot.Nic nic : s.nics()) {
                if (nic == null || MacAddresses.isZero(nic.mac())) {
                    continue;
                }
                String vendor = MacAddresses.ouiVendor(nic.mac()).orElse(null);
                if (vendor == null) {
                    continue;
                }
                String hint = MacAddresses.hypervisorHint(nic.mac()).orElse(null);
                boolean hostSide = isHostSide(nic.name());
                if (hint != null) {
                    (hostSide ? hostSideOuiHints : ouiHints).add(hint);
                } else if (hostSide) {
                    hostSideOuiHints.add(vendor.toLowerCase(Locale.ROOT));
                }
                String what = hint == null ? vendor + " (container network, not a hypervisor)"
                        : hostSide ? vendor + " prefix on a host-side adapter (this machine runs VMs/containers)"
                        : vendor + " OUI: tie-breaker only";
                ev.add(new Evidence("NIC OUI", nic.name() + " " + MacAddresses.normalize(nic.mac()), what, Weight.WEAK));
            }
        }

        private String clockHint() {
            String c = s.clocksources();
            if (c == null) {
                return null;
            }
            if (c.contains("kvm-clock")) {
                return "kvm";
            }
            if (c.contains("hyperv")) {
                return "hyperv";
            }
            return c.contains("xen") ? "xen" : null;
        }

        private static boolean isHostSide(String name) {
            String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
            return HOST_SIDE_NIC_PREFIXES.stream().anyMatch(n::startsWith);
        }

        private static String suggests(DmiMatch dm) {
            return dm.physical() ? dm.detail()
                    : "virtual machine: " + dm.hypervisor() + " (" + dm.detail() + ")";
        }

        private void set(Boolean vm, String hypervisor, String confidence, String why) {
            isVm = vm;
            hv = hypervisor;
            conf = confidence;
            detail = why;
        }

        private void trap(String id, String message) {
            if (traps.stream().noneMatch(t -> t.id().equals(id))) {
                traps.add(new Trap(id, message));
            }
        }

        private static String firstOr(Set<String> set, String fallback) {
            return set.isEmpty() ? fallback : set.iterator().next();
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }
}
