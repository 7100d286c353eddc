package dev.tshoot.probe;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * MAC address helpers: normalization, the locally-administered bit, and a small table of
 * virtualization-related OUIs (first three octets). An OUI match is a tie-breaker only: MACs can be
 * changed, and WSL 2 / Docker Desktop / Windows Sandbox adapters on physical Windows hosts use the
 * Hyper-V prefix too.
 */
public final class MacAddresses {

    /** OUI prefix -> vendor label. Docker's 02:42 is a container bridge, not a hypervisor. */
    private static final Map<String, String> OUI = Map.ofEntries(
            Map.entry("00:50:56", "VMware"),
            Map.entry("00:0c:29", "VMware"),
            Map.entry("00:05:69", "VMware"),
            Map.entry("00:1c:14", "VMware"),
            Map.entry("00:15:5d", "Hyper-V"),
            Map.entry("00:16:3e", "Xen"),
            Map.entry("52:54:00", "QEMU/KVM"),
            Map.entry("08:00:27", "VirtualBox"),
            Map.entry("00:1c:42", "Parallels"),
            Map.entry("bc:24:11", "Proxmox"),
            Map.entry("02:42", "Docker"));

    /** Vendor label -> hypervisor id used by the virtualization probe (Docker maps to none). */
    private static final Map<String, String> HYPERVISOR = Map.of(
            "VMware", "vmware", "Hyper-V", "hyperv", "Xen", "xen", "QEMU/KVM", "kvm",
            "VirtualBox", "virtualbox", "Parallels", "parallels", "Proxmox", "proxmox");

    private MacAddresses() {
    }

    /**
     * Lower-case, colon-separated form of {@code 00-50-56-AA-BB-CC}, {@code 0050.56aa.bbcc} or
     * {@code 005056aabbcc}; {@code null} when it is not a 48-bit MAC.
     */
    public static String normalize(String mac) {
        if (mac == null) {
            return null;
        }
        String hex = mac.replaceAll("[^0-9A-Fa-f]", "").toLowerCase(Locale.ROOT);
        if (hex.length() != 12 || mac.strip().length() > 17) {
            return null;
        }
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(hex, i, i + 2);
        }
        return sb.toString();
    }

    /** All-zero addresses (loopback, tunnels) carry no information. */
    public static boolean isZero(String mac) {
        String n = normalize(mac);
        return n == null || n.equals("00:00:00:00:00:00");
    }

    /** Vendor of the address's OUI from the small table, e.g. {@code "VMware"}. */
    public static Optional<String> ouiVendor(String mac) {
        String n = normalize(mac);
        if (n == null) {
            return Optional.empty();
        }
        String v = OUI.get(n.substring(0, 8));
        if (v == null) {
            v = OUI.get(n.substring(0, 5));
        }
        return Optional.ofNullable(v);
    }

    /** Hypervisor id suggested by the OUI, if any ({@code vmware}, {@code hyperv}, ... ; Docker gives none). */
    public static Optional<String> hypervisorHint(String mac) {
        return ouiVendor(mac).map(HYPERVISOR::get);
    }

    /** Bit 1 of the first octet: the address was assigned locally (by software), not burnt in. */
    public static boolean locallyAdministered(String mac) {
        String n = normalize(mac);
        return n != null && (Integer.parseInt(n.substring(0, 2), 16) & 0x02) != 0;
    }
}
