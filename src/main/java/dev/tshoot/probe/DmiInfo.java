package dev.tshoot.probe;

import java.nio.file.Path;
import java.util.Map;

/**
 * SMBIOS/DMI identity strings as the virtualization and system probes use them, with where they came from.
 * Field names follow Linux {@code /sys/class/dmi/id}; on Windows/macOS they are filled from oshi
 * (Win32_ComputerSystem / Win32_BIOS / Win32_BaseBoard, IOKit). {@code null} means not reported.
 *
 * @param status {@link Status#ABSENT} when the platform has no DMI tables at all (a micro-VM hint on x86)
 * @param origin {@code sysfs}, {@code windows}, {@code macos}, {@code oshi} or {@code none}
 * @param reason why the strings are absent or unknown, else null
 */
public record DmiInfo(Status status, String origin, String sysVendor, String productName, String productVersion,
                      String biosVendor, String biosVersion, String boardVendor, String boardName,
                      String chassisAssetTag, String reason) {

    public enum Status { PRESENT, ABSENT, UNKNOWN }

    /** The Linux sysfs directory holding the DMI strings. */
    public static final Path SYSFS_DIR = Path.of("/sys/class/dmi/id");

    private static final Map<String, String> WINDOWS_SOURCES = Map.of(
            "sys_vendor", "Win32_ComputerSystem.Manufacturer",
            "product_name", "Win32_ComputerSystem.Model",
            "bios_vendor", "Win32_BIOS.Manufacturer",
            "bios_version", "Win32_BIOS.SMBIOSBIOSVersion",
            "board_vendor", "Win32_BaseBoard.Manufacturer",
            "board_name", "Win32_BaseBoard.Product",
            "chassis_asset_tag", "Win32_SystemEnclosure.SMBIOSAssetTag");

    public static DmiInfo absent(String origin, String reason) {
        return new DmiInfo(Status.ABSENT, origin, null, null, null, null, null, null, null, null, reason);
    }

    public static DmiInfo unknown(String origin, String reason) {
        return new DmiInfo(Status.UNKNOWN, origin, null, null, null, null, null, null, null, null, reason);
    }

    /** True when no identity string is set (ignores the asset tag). */
    public boolean isEmpty() {
        return sysVendor == null && productName == null && productVersion == null && biosVendor == null
                && biosVersion == null && boardVendor == null && boardName == null;
    }

    /** Human-readable source of one field, e.g. {@code /sys/class/dmi/id/sys_vendor}. */
    public String sourceOf(String field) {
        return switch (origin) {
            case "sysfs" -> SYSFS_DIR.resolve(field).toString().replace('\\', '/');
            case "windows" -> WINDOWS_SOURCES.getOrDefault(field, "SMBIOS " + field);
            case "macos" -> "IOKit (oshi) " + field;
            default -> "SMBIOS " + field + " (oshi)";
        };
    }
}
