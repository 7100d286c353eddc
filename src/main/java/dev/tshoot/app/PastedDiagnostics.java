package dev.tshoot.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tshoot.probe.CpuFlags;

/**
 * Recognises a pasted diagnostic output: which command printed it, the facts it shows, and the
 * playbook question that takes it as that command's result ({@code paste:} in the playbook, the
 * register its check would set). Recognition only: the branching is the playbook's own, through
 * the engine (see {@link PasteDiagnostics}), so a pasted output goes where the same output goes when
 * tshoot runs the command itself.
 *
 * <p>Each rule names the lines that only that command prints. The order matters where outputs
 * overlap: {@code systeminfo} before the PowerShell list outputs, {@code lscpu} before
 * {@code /proc/cpuinfo} (both have a flags line).
 */
public final class PastedDiagnostics {

    /** The Windows playbook, whose paste questions take systeminfo, the features, bcdedit and the services. */
    public static final String WINDOWS = "windows-wsl2-virtualization";
    /** The Linux playbook, whose paste questions take kvm-ok and lscpu (or /proc/cpuinfo). */
    public static final String LINUX_KVM = "docker-desktop-linux-kvm";

    /**
     * A recognised output. {@code playbook} and {@code node} are null when no shipped playbook
     * asks for this output as a paste (the facts are still shown).
     */
    public record Recognised(String command, String playbook, String node, Map<String, String> facts) {
        public Recognised {
            facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        }

        public boolean routed() { return node != null; }
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.MULTILINE;

    private static final Pattern SYSTEMINFO = Pattern.compile("^\\s*Hyper-V Requirements?:|^OS Name:.*$[\\s\\S]*^System Boot Time:", FLAGS);
    private static final Pattern COMPUTER_INFO = Pattern.compile("^\\s*(HyperVRequirement\\w+|CsManufacturer|WindowsProductName)\\s*:", FLAGS);
    private static final Pattern FEATURES = Pattern.compile("^\\s*FeatureName\\s*:.*$\\s*^\\s*State\\s*:", FLAGS);
    private static final Pattern BCDEDIT = Pattern.compile("^\\s*hypervisorlaunchtype\\s+\\S+", FLAGS);
    private static final Pattern SERVICES = Pattern.compile("^\\s*Name\\s*:\\s*(vmcompute|hns|WslService|vmms)\\s*$\\s*^\\s*Status\\s*:", FLAGS);
    private static final Pattern CIM = Pattern.compile("^\\s*(HypervisorPresent|Manufacturer|Model|Product)\\s*:?\\s", FLAGS);
    private static final Pattern KVM_OK = Pattern.compile("KVM acceleration can (NOT )?be used|^INFO: /dev/kvm (exists|does not exist)"
            + "|^INFO: Your CPU (does not support|supports) KVM extensions|^INFO: KVM \\((vmx|svm)\\) is disabled by your BIOS", FLAGS);
    private static final Pattern LSCPU = Pattern.compile("^\\s*Architecture:\\s+\\S+[\\s\\S]*^\\s*(Flags|Model name|CPU\\(s\\)):", FLAGS);
    private static final Pattern CPUINFO = Pattern.compile("^(processor|flags|vendor_id|model name)\\s*:", FLAGS);
    private static final Pattern LSMOD = Pattern.compile("^Module\\s+Size\\s+Used by|^kvm(_intel|_amd)?\\s+\\d+\\s+\\d+", FLAGS);
    private static final Pattern DMIDECODE = Pattern.compile("^# dmidecode|^(System|Base Board) Information\\s*$", FLAGS);
    private static final Pattern HV_SUPPORT = Pattern.compile("^\\s*kern\\.hv_support:\\s*([01])\\s*$", FLAGS);
    private static final Pattern DMESG = Pattern.compile("Hypervisor detected:\\s*(.+)$", FLAGS);
    /** What systemd-detect-virt prints (one word); virt-what's words overlap, so a lone word names both. */
    private static final List<String> DETECT_VIRT = List.of("none", "kvm", "amazon", "qemu", "bochs", "xen", "uml", "vmware",
            "oracle", "microsoft", "zvm", "parallels", "bhyve", "qnx", "acrn", "powervm", "apple", "sre", "google",
            "docker", "podman", "lxc", "lxc-libvirt", "systemd-nspawn", "openvz", "wsl", "rkt", "proot", "pouch",
            "virtualbox", "hyperv", "xen-hvm", "xen-dom0", "xen-domU", "ibm_systemz", "nutanix_ahv", "kvm-aws", "lkvm");

    private PastedDiagnostics() {}

    /** The command {@code text} came from, or null when it is none of the outputs tshoot knows. */
    public static Recognised recognise(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.replace("\r\n", "\n");
        if (SYSTEMINFO.matcher(t).find()) {
            Map<String, String> f = new LinkedHashMap<>();
            fact(f, "hypervisorDetected", t.contains("A hypervisor has been detected") ? "yes" : null);
            fact(f, "vmMonitorModeExtensions", value(t, "VM Monitor Mode Extensions"));
            fact(f, "virtualizationEnabledInFirmware", value(t, "Virtualization Enabled In Firmware"));
            fact(f, "secondLevelAddressTranslation", value(t, "Second Level Address Translation"));
            fact(f, "dataExecutionPreventionAvailable", value(t, "Data Execution Prevention Available"));
            fact(f, "systemManufacturer", value(t, "System Manufacturer"));
            fact(f, "systemModel", value(t, "System Model"));
            return new Recognised("systeminfo", WINDOWS, "paste-systeminfo", f);
        }
        if (COMPUTER_INFO.matcher(t).find()) {
            Map<String, String> f = new LinkedHashMap<>();
            fact(f, "HyperVRequirementVirtualizationFirmwareEnabled", value(t, "HyperVRequirementVirtualizationFirmwareEnabled"));
            fact(f, "HyperVisorPresent", value(t, "HyperVisorPresent"));
            fact(f, "CsManufacturer", value(t, "CsManufacturer"));
            fact(f, "CsModel", value(t, "CsModel"));
            return new Recognised("Get-ComputerInfo", null, null, f);
        }
        if (FEATURES.matcher(t).find()) {
            return new Recognised("Get-WindowsOptionalFeature", WINDOWS, "paste-features",
                    pairs(t, "FeatureName", "State"));
        }
        if (BCDEDIT.matcher(t).find()) {
            Matcher m = BCDEDIT.matcher(t);
            m.find();
            return new Recognised("bcdedit /enum", WINDOWS, "paste-bcd",
                    Map.of("hypervisorlaunchtype", m.group().strip().split("\\s+")[1]));
        }
        if (SERVICES.matcher(t).find()) {
            return new Recognised("Get-Service", WINDOWS, "paste-services", pairs(t, "Name", "Status"));
        }
        if (KVM_OK.matcher(t).find()) {
            Map<String, String> f = new LinkedHashMap<>();
            fact(f, "kvmAccelerationUsable", t.contains("KVM acceleration can NOT be used") ? "no"
                    : t.contains("KVM acceleration can be used") ? "yes" : null);
            fact(f, "cpuSupportsKvmExtensions", t.contains("Your CPU does not support KVM extensions") ? "no"
                    : t.contains("Your CPU supports KVM extensions") ? "yes" : null);
            fact(f, "disabledByBios", Pattern.compile("KVM \\((vmx|svm)\\) is disabled by your BIOS").matcher(t).find() ? "yes" : null);
            fact(f, "devKvm", t.contains("/dev/kvm does not exist") ? "missing" : t.contains("/dev/kvm exists") ? "present" : null);
            return new Recognised("kvm-ok", LINUX_KVM, "paste-kvmok", f);
        }
        if (LSCPU.matcher(t).find()) {
            return new Recognised("lscpu", LINUX_KVM, "paste-lscpu", cpu(t, value(t, "Hypervisor vendor")));
        }
        if (CPUINFO.matcher(t).find()) {
            return new Recognised("/proc/cpuinfo", LINUX_KVM, "paste-lscpu", cpu(t, null));
        }
        if (LSMOD.matcher(t).find()) {
            List<String> kvm = new ArrayList<>();
            for (String line : t.split("\n")) {
                String name = line.strip().split("\\s+")[0];
                if (name.startsWith("kvm")) {
                    kvm.add(name);
                }
            }
            return new Recognised("lsmod", null, null, Map.of("kvmModules", String.join(",", kvm)));
        }
        if (DMIDECODE.matcher(t).find()) {
            Map<String, String> f = new LinkedHashMap<>();
            fact(f, "manufacturer", value(t, "Manufacturer"));
            fact(f, "productName", value(t, "Product Name"));
            return new Recognised("dmidecode", null, null, f);
        }
        Matcher hv = HV_SUPPORT.matcher(t);
        if (hv.find()) {
            return new Recognised("sysctl kern.hv_support", null, null,
                    Map.of("hypervisorFrameworkSupported", hv.group(1).equals("1") ? "yes" : "no"));
        }
        Matcher dm = DMESG.matcher(t);
        if (dm.find()) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("hypervisorDetected", dm.group(1).strip());
            dev.tshoot.probe.HypervisorVendors.Named named = dev.tshoot.probe.HypervisorVendors.fromKernelLog(dm.group(1));
            if (named != null) {
                f.put("hypervisor", named.hypervisor());
                fact(f, "hypervisorCaveat", named.caveat());
            }
            return new Recognised("dmesg | grep -i hypervisor", null, null, f);
        }
        if (CIM.matcher(t).find()) {
            Map<String, String> f = new LinkedHashMap<>();
            fact(f, "Manufacturer", value(t, "Manufacturer"));
            fact(f, "Model", value(t, "Model"));
            fact(f, "Product", value(t, "Product"));
            fact(f, "HypervisorPresent", value(t, "HypervisorPresent"));
            return new Recognised("Get-CimInstance (Win32_ComputerSystem or Win32_BaseBoard)", null, null, f);
        }
        List<String> words = t.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (!words.isEmpty() && words.size() <= 4 && words.stream().allMatch(DETECT_VIRT::contains)) {
            return new Recognised(words.size() == 1 ? "systemd-detect-virt or virt-what" : "virt-what", null, null,
                    Map.of("virtualization", String.join(",", words)));
        }
        return null;
    }

    /** The CPU flags through the probe's own parser ({@link CpuFlags}), as the virtualization probe reads them. */
    private static Map<String, String> cpu(String t, String hypervisorVendor) {
        List<String> flags = CpuFlags.parse(t.lines().toList());
        Map<String, String> f = new LinkedHashMap<>();
        f.put("vmx", String.valueOf(CpuFlags.vmx(flags)));
        f.put("svm", String.valueOf(CpuFlags.svm(flags)));
        f.put("hypervisorFlag", String.valueOf(CpuFlags.hypervisor(flags)));
        fact(f, "hypervisorVendor", hypervisorVendor);
        dev.tshoot.probe.HypervisorVendors.Named named = dev.tshoot.probe.HypervisorVendors.fromLscpu(hypervisorVendor);
        if (named != null) {
            f.put("hypervisor", named.hypervisor());
            fact(f, "hypervisorCaveat", named.caveat());
        }
        return f;
    }

    /** "Label: value" (systeminfo, lscpu) or "Label : value" (Format-List): the first value, or null. */
    static String value(String t, String label) {
        Matcher m = Pattern.compile("^\\s*(?:Hyper-V Requirements:\\s*)?" + Pattern.quote(label) + "\\s*:[ \\t]*(\\S.*?)\\s*$", FLAGS)
                .matcher(t);
        return m.find() ? m.group(1) : null;
    }

    /** Format-List pairs such as "FeatureName : X" / "State : Y", as X = Y. */
    private static Map<String, String> pairs(String t, String key, String val) {
        Map<String, String> f = new LinkedHashMap<>();
        Matcher m = Pattern.compile("^\\s*" + key + "\\s*:\\s*(\\S+)\\s*$\\s*^\\s*" + val + "\\s*:\\s*(\\S+)", FLAGS).matcher(t);
        while (m.find()) {
            f.put(m.group(1), m.group(2));
        }
        return f;
    }

    private static void fact(Map<String, String> f, String name, String value) {
        if (value != null) {
            f.put(name, value);
        }
    }
}
