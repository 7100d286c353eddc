package dev.tshoot.probe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tshoot.probe.VirtualizationAssessor.Assessment;
import dev.tshoot.playbook.OsFamily;

/**
 * Is this a virtual machine, on which hypervisor, is hardware virtualization exposed, is KVM usable.
 * See {@link VirtualizationAssessor} for the rules and {@link #FACTS} for what is reported.
 */
public final class VirtualizationProbe extends BuiltinProbe {

    public static final String NAME = "virtualization";

    /**
     * isVirtualMachine (true/false/"unknown"), confidence (high/medium/low), hypervisor (see
     * {@link HypervisorFingerprint#IDS}), hypervisorDetail, hardwareVirtualizationExposed (true/false/"unknown"),
     * kvm ({present, openable, reason}), kvmModules (loaded among kvm, kvm_intel, kvm_amd, kvm_pvm),
     * kvmNested (content of .../parameters/nested), container (docker/podman/none), traps (map: stable id such as
     * {@code windows-host-hyperv} -> warning text; a map so that conditions can test
     * {@code facts['virtualization']['traps']['wsl2'] != null} without method calls).
     */
    public static final List<String> FACTS = List.of("isVirtualMachine", "confidence", "hypervisor", "hypervisorDetail",
            "hardwareVirtualizationExposed", "kvm", "kvmModules", "kvmNested", "container", "traps");

    public VirtualizationProbe() {
        super(NAME, "VM or bare metal, which hypervisor (with evidence), VT-x/AMD-V exposure, /dev/kvm usability", FACTS);
    }

    static final Path DEV_KVM = Path.of("/dev/kvm");
    private static final List<String> KVM_MODULES = List.of("kvm", "kvm_intel", "kvm_amd", "kvm_pvm");

    @Override
    public ProbeResult run(HostReader host) {
        FactSheet f = new FactSheet();
        VirtualizationSignals s = VirtualizationSignals.collect(host);
        Assessment a = VirtualizationAssessor.assess(s);

        f.putOrUnknown("isVirtualMachine", a.isVirtualMachine(), a.unknownReason());
        f.put("confidence", a.confidence());
        if (ProbeResult.UNKNOWN.equals(a.hypervisor())) {
            f.unknown("hypervisor", "hypervisor not identified: " + a.detail());
        } else {
            f.put("hypervisor", a.hypervisor());
        }
        f.put("hypervisorDetail", a.detail());
        putExposed(f, s);
        boolean linux = host.osFamily() == OsFamily.LINUX;
        f.put("kvm", kvm(host, linux));
        putKvmModules(f, host, linux);
        putKvmNested(f, host, linux);
        if (linux) {
            f.put("container", s.container() == null ? "none" : s.container());
        } else {
            f.unknown("container", "container detection is done on Linux only");
        }
        Map<String, Object> traps = new LinkedHashMap<>();
        a.traps().forEach(t -> traps.put(t.id(), t.message()));
        f.put("traps", traps);
        f.evidence(a.evidence());
        return f.toResult(NAME);
    }

    private static void putExposed(FactSheet f, VirtualizationSignals s) {
        if (s.osFamily() == OsFamily.MACOS && s.macHvSupport() != null) {
            f.put("hardwareVirtualizationExposed", s.macHvSupport());   // Hypervisor.framework usable, Intel or Apple silicon
        } else if (s.vmx() != null || s.svm() != null) {
            f.put("hardwareVirtualizationExposed", Boolean.TRUE.equals(s.vmx()) || Boolean.TRUE.equals(s.svm()));
        } else {
            f.unknown("hardwareVirtualizationExposed", s.flagsUnknownReason() == null
                    ? "CPU flags could not be read" : s.flagsUnknownReason());
        }
    }

    private static Map<String, Object> kvm(HostReader host, boolean linux) {
        Map<String, Object> kvm = new LinkedHashMap<>();
        if (!linux) {
            kvm.put("present", false);
            kvm.put("openable", false);
            kvm.put("reason", "/dev/kvm exists on Linux only (this is " + host.osFamily() + ")");
            return kvm;
        }
        boolean present = host.exists(DEV_KVM);
        kvm.put("present", present);
        if (!present) {
            kvm.put("openable", false);
            kvm.put("reason", "/dev/kvm does not exist: KVM module not loaded, or no VT-x/AMD-V available to this OS");
            return kvm;
        }
        OpenCheck open = host.openReadWrite(DEV_KVM);
        kvm.put("openable", open.openable());
        kvm.put("reason", open.reason());
        return kvm;
    }

    private static void putKvmModules(FactSheet f, HostReader host, boolean linux) {
        if (!linux) {
            f.unknown("kvmModules", "kernel modules are read on Linux only");
            return;
        }
        f.put("kvmModules", KVM_MODULES.stream().filter(m -> host.exists(Path.of("/sys/module", m))).toList());
    }

    private static void putKvmNested(FactSheet f, HostReader host, boolean linux) {
        if (!linux) {
            f.unknown("kvmNested", "the KVM nested parameter exists on Linux only");
            return;
        }
        List<String> reasons = new ArrayList<>();
        for (String module : List.of("kvm_intel", "kvm_amd")) {
            Path p = Path.of("/sys/module", module, "parameters", "nested");
            if (!host.exists(Path.of("/sys/module", module))) {
                continue;
            }
            Read r = host.readFile(p);
            if (r.trimmedOrNull() != null) {
                f.put("kvmNested", r.trimmedOrNull());
                return;
            }
            reasons.add(p + ": " + (r.known() ? "empty" : r.unknownReason()));
        }
        if (reasons.isEmpty()) {
            String pvm = host.exists(Path.of("/sys/module/kvm_pvm"))
                    ? "; kvm_pvm is loaded (PVM: KVM without VT-x/AMD-V, no nested parameter)" : "";
            f.unknown("kvmNested", "neither kvm_intel nor kvm_amd is loaded" + pvm);
        } else {
            f.unknown("kvmNested", String.join("; ", reasons));
        }
    }

    @Override
    public List<Verdict> verdicts(ProbeResult r) {
        List<Verdict> out = new ArrayList<>();
        Boolean vm = r.booleanFact("isVirtualMachine");
        Boolean exposed = r.booleanFact("hardwareVirtualizationExposed");
        Object hv = r.fact("hypervisor");
        Map<?, ?> kvm = r.fact("kvm") instanceof Map<?, ?> m ? m : Map.of();
        boolean kvmPresent = Boolean.TRUE.equals(kvm.get("present"));
        boolean kvmOpenable = Boolean.TRUE.equals(kvm.get("openable"));

        if (Boolean.TRUE.equals(vm) && Boolean.FALSE.equals(exposed)) {
            if (kvmOpenable) {
                out.add(Verdict.pass("KVM usable without exposed VT-x/AMD-V",
                        "The CPU flags of this VM show no vmx/svm, yet /dev/kvm opens (e.g. software-assisted KVM such "
                                + "as PVM). QEMU/KVM-based tools may work; Hyper-V and WSL 2 still need VT-x/AMD-V."));
            } else {
                out.add(Verdict.warn("Nested virtualization not exposed",
                        "This VM (hypervisor: " + hv + ") does not expose VT-x/AMD-V: Docker Desktop and WSL 2 will not "
                                + "start in this VM. Enable nested virtualization on the host, with the VM powered off."));
            }
        } else if (Boolean.TRUE.equals(vm) && Boolean.TRUE.equals(exposed)) {
            out.add(Verdict.pass("Nested virtualization exposed",
                    "VT-x/AMD-V is visible inside this VM (hypervisor: " + hv + ")."));
        } else if (Boolean.FALSE.equals(vm) && Boolean.FALSE.equals(exposed)) {
            out.add(Verdict.warn("Hardware virtualization not available",
                    "No VT-x/AMD-V in the CPU flags: it is disabled in the BIOS/UEFI settings, or the CPU lacks it."));
        } else if (Boolean.FALSE.equals(vm) && Boolean.TRUE.equals(exposed)) {
            out.add(Verdict.pass("Hardware virtualization available", "VT-x/AMD-V is visible to the OS."));
        }
        if (kvmPresent && !kvmOpenable) {
            out.add(Verdict.warn("/dev/kvm present but not openable",
                    "/dev/kvm exists but could not be opened: " + kvm.get("reason")
                            + ". Usually: add the user to the 'kvm' group (sudo usermod -aG kvm $USER) and log in again."));
        }
        return out;
    }
}
