package dev.tshoot.probe;

/**
 * One observation that supports a probe's conclusion.
 *
 * @param source   where it was read, e.g. {@code /sys/class/dmi/id/sys_vendor}, {@code cpu flag hypervisor}, {@code NIC OUI}
 * @param observed the value seen there (already shortened/redacted where needed)
 * @param suggests what it points to, in plain words, e.g. {@code "virtual machine: vmware"}
 * @param weight   how much the conclusion leans on it
 */
public record Evidence(String source, String observed, String suggests, Weight weight) {

    /** How strongly a piece of evidence counts. Rendered in lower case in JSON. */
    public enum Weight {
        /** Decides on its own unless contradicted by other strong evidence (DMI strings, CPU hypervisor bit). */
        STRONG,
        /** Supports a conclusion, does not decide it (paravirtual clock source, hypervisor-present bit on Windows). */
        MEDIUM,
        /** Tie-breaker only (NIC OUI, placeholder DMI strings). */
        WEAK;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
