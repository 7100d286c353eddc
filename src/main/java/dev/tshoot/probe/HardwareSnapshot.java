package dev.tshoot.probe;

import java.util.List;
import java.util.Map;

import dev.tshoot.playbook.OsFamily;

/**
 * Host data that comes from oshi on the real host (or from a fixture in tests), grouped by section.
 * In every section record a {@code null} field means "not known" (oshi said {@code unknown}, returned
 * an empty string, or the platform does not report it). A section that could not be read at all is
 * {@code null} here, with the reason in {@link #unavailable()}.
 */
public record HardwareSnapshot(Dmi dmi, Cpu cpu, Memory memory, List<FileStore> fileSystems, OsInfo os,
                               List<Nic> networkInterfaces, Map<String, String> unavailable) {

    /**
     * SMBIOS/DMI identity: Win32_ComputerSystem/Win32_BIOS/Win32_BaseBoard on Windows, IOKit on macOS,
     * sysfs or dmidecode on Linux.
     */
    public record Dmi(String manufacturer, String model, String version, String firmwareVendor,
                      String firmwareVersion, String baseboardManufacturer, String baseboardModel) {

        /** True when no field carries a value. */
        public boolean isEmpty() {
            return manufacturer == null && model == null && version == null && firmwareVendor == null
                    && firmwareVersion == null && baseboardManufacturer == null && baseboardModel == null;
        }
    }

    /**
     * Processor identity. {@code flags} are already split and lower-cased (see {@link CpuFlags}); on Linux they
     * are the {@code /proc/cpuinfo} flags, on macOS the {@code machdep.cpu.*features} words, on Windows the
     * {@code PF_*} names oshi reports (which say nothing about VT-x or the hypervisor bit).
     */
    public record Cpu(String vendor, String brand, String identifier, String family, String model,
                      String microarchitecture, Integer physicalCores, Integer logicalCores, List<String> flags) {

        public Cpu {
            flags = flags == null ? null : List.copyOf(flags);
        }
    }

    public record Memory(Long totalBytes, Long availableBytes) {
    }

    /** A mounted file system; {@code freeBytes} is the space usable by unprivileged users. */
    public record FileStore(String mount, String type, String name, Long totalBytes, Long freeBytes) {
    }

    /**
     * @param family      the OS family
     * @param distribution what the OS calls itself ("Debian GNU/Linux", "Windows", "macOS")
     */
    public record OsInfo(OsFamily family, String distribution, String manufacturer, String version, String build,
                         String codeName, Integer bitness, Long uptimeSeconds, Boolean elevated) {
    }

    /** A network interface with its hardware address as {@code aa:bb:cc:dd:ee:ff} (lower case). */
    public record Nic(String name, String displayName, String mac) {
    }
}
