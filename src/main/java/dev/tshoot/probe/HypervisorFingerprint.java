package dev.tshoot.probe;

import java.util.Locale;
import java.util.Set;

import dev.tshoot.probe.Evidence.Weight;

/**
 * Matches SMBIOS/DMI strings against known hypervisor fingerprints (domain notes, section 5.1).
 * DMI strings are the strongest identity signal a guest has; this class only reads them, the
 * overall decision is {@link VirtualizationAssessor}'s.
 */
public final class HypervisorFingerprint {

    /** Azure's fixed chassis asset tag (what cloud-init checks); on-prem Hyper-V VMs carry other values. */
    public static final String AZURE_ASSET_TAG = "7783-7084-3265-9085-8269-3286-77";

    /** The hypervisor ids the virtualization probe reports. */
    public static final Set<String> IDS = Set.of("vmware", "hyperv", "azure", "xen", "kvm", "qemu", "proxmox",
            "virtualbox", "parallels", "amazon", "google", "nutanix", "bhyve", "microvm", "unknown", "none");

    private static final Set<String> PLACEHOLDERS = Set.of("to be filled by o.e.m.", "default string",
            "system manufacturer", "system product name", "o.e.m.", "oem", "not applicable", "none", "n/a");

    /**
     * One DMI-based conclusion.
     *
     * @param hypervisor an id from {@link #IDS}; {@code none} means the strings describe physical hardware
     * @param field      the DMI field that decided it ({@code sys_vendor}, {@code product_name}, ...)
     * @param observed   the string seen there
     * @param detail     plain-words description for the report
     */
    public record DmiMatch(String hypervisor, Weight weight, String field, String observed, String detail) {
        public boolean physical() {
            return "none".equals(hypervisor);
        }
    }

    private HypervisorFingerprint() {
    }

    /** Classifies present DMI strings; {@code null} when there is nothing to classify. */
    public static DmiMatch classify(DmiInfo d) {
        if (d == null || d.status() != DmiInfo.Status.PRESENT) {
            return null;
        }
        String v = lc(d.sysVendor());
        String p = lc(d.productName());
        String bv = lc(d.biosVendor());
        String bver = lc(d.biosVersion());
        String board = lc(d.boardVendor());

        if (v.contains("amazon ec2") || bv.contains("amazon ec2")) {
            if (p.endsWith(".metal")) {
                return new DmiMatch("none", Weight.STRONG, "product_name", d.productName(),
                        "AWS EC2 bare-metal instance (" + d.productName() + "): no hypervisor below the OS");
            }
            return new DmiMatch("amazon", Weight.STRONG, "sys_vendor", d.sysVendor(),
                    "AWS EC2 Nitro instance (KVM-based)" + (p.isEmpty() ? "" : ", type " + d.productName()));
        }
        if (v.equals("xen") || bv.equals("xen") || p.contains("hvm domu")) {
            if (bver.contains("amazon")) {
                return new DmiMatch("amazon", Weight.STRONG, "bios_version", d.biosVersion(),
                        "AWS EC2 Xen-based instance (older generation, e.g. t2/m4/i3)");
            }
            return new DmiMatch("xen", Weight.STRONG, v.equals("xen") ? "sys_vendor" : bv.equals("xen") ? "bios_vendor"
                    : "product_name", v.equals("xen") ? d.sysVendor() : bv.equals("xen") ? d.biosVendor() : d.productName(),
                    "Xen guest: Citrix Hypervisor / XenServer / XCP-ng or upstream Xen");
        }
        if (v.contains("vmware") || p.startsWith("vmware")) {
            return new DmiMatch("vmware", Weight.STRONG, v.contains("vmware") ? "sys_vendor" : "product_name",
                    v.contains("vmware") ? d.sysVendor() : d.productName(), "VMware guest (ESXi, Workstation or Fusion)");
        }
        if (v.startsWith("microsoft")) {
            return classifyMicrosoft(d, p);
        }
        if (v.contains("nutanix") || p.equals("ahv")) {
            return new DmiMatch("nutanix", Weight.STRONG, v.contains("nutanix") ? "sys_vendor" : "product_name",
                    v.contains("nutanix") ? d.sysVendor() : d.productName(), "Nutanix AHV guest (KVM-based)");
        }
        if (v.contains("innotek") || p.equals("virtualbox") || bver.equals("virtualbox") || bv.contains("innotek")) {
            return new DmiMatch("virtualbox", Weight.STRONG, v.contains("innotek") ? "sys_vendor" : "product_name",
                    v.contains("innotek") ? d.sysVendor() : d.productName(), "Oracle VirtualBox guest");
        }
        if (v.contains("parallels") || p.contains("parallels")) {
            return new DmiMatch("parallels", Weight.STRONG, v.contains("parallels") ? "sys_vendor" : "product_name",
                    v.contains("parallels") ? d.sysVendor() : d.productName(), "Parallels Desktop guest");
        }
        if (v.equals("google") || p.contains("google compute engine")) {
            return new DmiMatch("google", Weight.STRONG, "product_name", d.productName() != null ? d.productName()
                    : d.sysVendor(), "Google Compute Engine VM (KVM-based)");
        }
        if (v.contains("bhyve") || bv.contains("bhyve")) {
            return new DmiMatch("bhyve", Weight.STRONG, v.contains("bhyve") ? "sys_vendor" : "bios_vendor",
                    v.contains("bhyve") ? d.sysVendor() : d.biosVendor(), "bhyve guest (FreeBSD hypervisor)");
        }
        DmiMatch kvm = classifyKvmFamily(d, v, p, bv);
        if (kvm != null) {
            return kvm;
        }
        if (bver.contains("hyper-v")) {
            return new DmiMatch("hyperv", Weight.MEDIUM, "bios_version", d.biosVersion(), "Hyper-V firmware");
        }
        if (v.startsWith("apple") && p.contains("virtual")) {
            return new DmiMatch("unknown", Weight.STRONG, "product_name", d.productName(),
                    "Apple Virtualization.framework guest");
        }
        // VirtualBox with the host's DMI strings passed through: its board vendor remains. Oracle's
        // own servers say Oracle Corporation as the system vendor too (systemd #13429, #21127, #31871).
        if (board.equals("oracle corporation") && !v.contains("oracle")) {
            return new DmiMatch("virtualbox", Weight.MEDIUM, "board_vendor", d.boardVendor(),
                    "VirtualBox guest with the host's DMI strings passed through" + describe(d)
                    + ": board_vendor Oracle Corporation remains");
        }
        if (board.contains("oracle") && lc(d.boardName()).contains("virtualbox")) {
            return new DmiMatch("virtualbox", Weight.MEDIUM, "board_name", d.boardName(),
                    "VirtualBox guest with SMBIOS passthrough");
        }
        if (v.isEmpty() && p.isEmpty()) {
            return null;
        }
        if (PLACEHOLDERS.contains(v) && (p.isEmpty() || PLACEHOLDERS.contains(p))) {
            return new DmiMatch("none", Weight.WEAK, "sys_vendor", d.sysVendor(),
                    "OEM placeholder strings: usually a self-built PC, or DMI strings hidden on purpose");
        }
        String field = v.isEmpty() ? "product_name" : "sys_vendor";
        return new DmiMatch("none", v.isEmpty() ? Weight.WEAK : Weight.MEDIUM, field,
                v.isEmpty() ? d.productName() : d.sysVendor(),
                "physical hardware" + describe(d) + ": not a known hypervisor vendor");
    }

    private static DmiMatch classifyMicrosoft(DmiInfo d, String p) {
        if (!p.equals("virtual machine")) {
            return new DmiMatch("none", Weight.MEDIUM, "product_name", d.productName() == null ? "(empty)" : d.productName(),
                    "Microsoft-built physical hardware such as Surface" + describe(d) + ", not a Hyper-V VM");
        }
        String tag = d.chassisAssetTag();
        if (AZURE_ASSET_TAG.equals(tag)) {
            return new DmiMatch("azure", Weight.STRONG, "chassis_asset_tag", tag,
                    "Azure VM (Hyper-V based; Azure's chassis asset tag)");
        }
        String detail = tag == null
                ? "hyperv (on-prem or Azure: not distinguishable from these facts)"
                : "Hyper-V VM, on-prem likely (chassis asset tag is not Azure's)";
        return new DmiMatch("hyperv", Weight.STRONG, "product_name", d.productName(), detail);
    }

    private static DmiMatch classifyKvmFamily(DmiInfo d, String v, String p, String bv) {
        if (v.equals("qemu") || v.contains("bochs") || p.startsWith("standard pc (")) {
            return new DmiMatch("kvm", Weight.STRONG, v.equals("qemu") || v.contains("bochs") ? "sys_vendor"
                    : "product_name", v.equals("qemu") || v.contains("bochs") ? d.sysVendor() : d.productName(),
                    "QEMU/KVM guest (libvirt, Proxmox and plain QEMU look alike)");
        }
        if (v.contains("red hat") && (p.contains("kvm") || p.contains("rhev") || p.contains("ovirt"))
                || v.contains("ovirt") || v.contains("openstack") || p.contains("openstack")
                || v.contains("kubevirt") || p.contains("kubevirt")) {
            return new DmiMatch("kvm", Weight.STRONG, "sys_vendor", d.sysVendor(),
                    "KVM guest (" + d.sysVendor() + (d.productName() == null ? "" : " / " + d.productName()) + ")");
        }
        if (bv.contains("seabios")) {
            return new DmiMatch("kvm", Weight.MEDIUM, "bios_vendor", d.biosVendor(),
                    "SeaBIOS firmware: QEMU/KVM likely");
        }
        return null;
    }

    private static String describe(DmiInfo d) {
        String s = java.util.stream.Stream.of(d.sysVendor(), d.productName())
                .filter(x -> x != null && !x.isBlank()).reduce((a, b) -> a + " / " + b).orElse("");
        return s.isEmpty() ? "" : " (" + s + ")";
    }

    static String lc(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
