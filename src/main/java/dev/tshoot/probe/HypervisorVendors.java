package dev.tshoot.probe;

import java.util.Locale;

/**
 * The hypervisor a CPUID hypervisor vendor string (leaf 0x40000000) or {@code lscpu}'s
 * {@code Hypervisor vendor:} name stands for, as a {@link HypervisorFingerprint#IDS} id, with what
 * the string cannot tell. The strings and their ambiguities are those of the domain notes
 * (section 5.2 and 5.3: systemd's virt.c and util-linux's lscpu-virt.c): "Microsoft Hv" is also
 * what a Windows host running Hyper-V or VBS, QEMU/KVM with Hyper-V enlightenments, Xen with
 * Viridian, VirtualBox's Hyper-V paravirtualisation provider and Nutanix AHV show; "KVM" is also
 * what VirtualBox's KVM paravirtualisation provider shows.
 */
public final class HypervisorVendors {

    /** A named hypervisor and, when the string is shared, what else it may be (null when it is not). */
    public record Named(String hypervisor, String caveat) {}

    private static final String MICROSOFT_CAVEAT = "\"Microsoft Hv\" is also shown by a Windows host running Hyper-V or VBS"
            + " (then it is no VM), by QEMU/KVM with Hyper-V enlightenments, Xen with Viridian, VirtualBox's Hyper-V"
            + " paravirtualisation provider and Nutanix AHV";
    private static final String KVM_CAVEAT = "VirtualBox with its KVM paravirtualisation provider (the default for Linux"
            + " guests) shows KVM too; the DMI vendor (innotek GmbH / Oracle Corporation) tells it apart";

    private HypervisorVendors() {}

    /** The CPUID leaf 0x40000000 vendor string (12 characters, trailing NULs or spaces allowed); null when unknown. */
    public static Named fromCpuid(String signature) {
        if (signature == null) {
            return null;
        }
        String s = signature.replace("\0", "").strip();
        return switch (s) {
            case "VMwareVMware" -> new Named("vmware", null);
            case "Microsoft Hv" -> new Named("hyperv", MICROSOFT_CAVEAT);
            case "KVMKVMKVM" -> new Named("kvm", KVM_CAVEAT);
            case "Linux KVM Hv" -> new Named("kvm", "KVM presenting Hyper-V's interface");
            case "TCGTCGTCGTCG" -> new Named("qemu", "QEMU without KVM (TCG emulation)");
            case "XenVMMXenVMM" -> new Named("xen", null);
            case "VBoxVBoxVBox" -> new Named("virtualbox", null);
            case "bhyve bhyve" -> new Named("bhyve", null);
            case "prl hyperv", "lrpepyh  vr", "lrpepyh vr" -> new Named("parallels", null);
            default -> null;
        };
    }

    /**
     * The name in the kernel's {@code Hypervisor detected: <name>} line (dmesg), as the x86 hypervisor
     * drivers print it (arch/x86/kernel/cpu: vmware.c "VMware", mshyperv.c "Microsoft Hyper-V",
     * kvm.c "KVM", Xen's "Xen HVM"/"Xen PV"); null when it names no hypervisor tshoot knows.
     */
    public static Named fromKernelLog(String name) {
        if (name == null) {
            return null;
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.startsWith("xen")) {
            return new Named("xen", null);
        }
        return switch (n) {
            case "vmware" -> new Named("vmware", null);
            case "microsoft hyper-v" -> new Named("hyperv", MICROSOFT_CAVEAT);
            case "kvm" -> new Named("kvm", KVM_CAVEAT);
            default -> null;
        };
    }

    /** {@code lscpu}'s {@code Hypervisor vendor:} value; null when it names no hypervisor tshoot knows. */
    public static Named fromLscpu(String vendor) {
        if (vendor == null) {
            return null;
        }
        return switch (vendor.strip().toLowerCase(Locale.ROOT)) {
            case "kvm" -> new Named("kvm", KVM_CAVEAT);
            case "microsoft" -> new Named("hyperv", MICROSOFT_CAVEAT);
            case "vmware" -> new Named("vmware", null);
            case "xen" -> new Named("xen", null);
            case "innotek gmbh", "oracle", "vbox" -> new Named("virtualbox", null);
            case "parallels" -> new Named("parallels", null);
            default -> null;
        };
    }
}
