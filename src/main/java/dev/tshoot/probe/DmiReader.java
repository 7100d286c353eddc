package dev.tshoot.probe;

import java.nio.file.Path;
import java.util.Map;

import dev.tshoot.playbook.OsFamily;

/**
 * Reads {@link DmiInfo}: on Linux straight from {@code /sys/class/dmi/id} (cheap, no root needed for the
 * fields used here, and the serial/UUID files are never read); elsewhere through {@link HostReader#dmi()}.
 *
 * <p>On Linux without {@code /sys/class/dmi/id} the result is {@link DmiInfo.Status#ABSENT} and oshi is not
 * consulted: its fall-backs spawn dmidecode/lshw/lshal and, lacking DMI, may report the CPU vendor as the
 * system manufacturer, which would look like physical hardware.
 */
public final class DmiReader {

    private DmiReader() {
    }

    /**
     * @param windowsExtras values from {@link PlatformQueries#windows(HostReader)} (may be empty); used for
     *                      the chassis asset tag on Windows
     */
    public static DmiInfo read(HostReader host, Map<String, String> windowsExtras) {
        OsFamily os = host.osFamily();
        if (os == OsFamily.LINUX) {
            return readSysfs(host);
        }
        HardwareSnapshot.Dmi d;
        try {
            d = host.dmi();
        } catch (RuntimeException | LinkageError e) {
            return DmiInfo.unknown(origin(os), "could not read SMBIOS data: " + FactSheet.describe(e));
        }
        if (d == null || d.isEmpty()) {
            return DmiInfo.unknown(origin(os), "the platform reported no SMBIOS strings");
        }
        String assetTag = windowsExtras == null ? null : blankToNull(windowsExtras.get("SMBIOSAssetTag"));
        return new DmiInfo(DmiInfo.Status.PRESENT, origin(os), d.manufacturer(), d.model(), d.version(),
                d.firmwareVendor(), d.firmwareVersion(), d.baseboardManufacturer(), d.baseboardModel(), assetTag, null);
    }

    private static String origin(OsFamily os) {
        return switch (os) {
            case WINDOWS, MACOS -> os.id();
            case LINUX, OTHER -> "oshi";
        };
    }

    private static DmiInfo readSysfs(HostReader host) {
        if (!host.exists(DmiInfo.SYSFS_DIR)) {
            return DmiInfo.absent("none", DmiInfo.SYSFS_DIR + " does not exist: the kernel found no DMI/SMBIOS tables");
        }
        DmiInfo info = new DmiInfo(DmiInfo.Status.PRESENT, "sysfs",
                sysfs(host, "sys_vendor"), sysfs(host, "product_name"), sysfs(host, "product_version"),
                sysfs(host, "bios_vendor"), sysfs(host, "bios_version"), sysfs(host, "board_vendor"),
                sysfs(host, "board_name"), sysfs(host, "chassis_asset_tag"), null);
        if (info.isEmpty()) {
            return DmiInfo.unknown("sysfs", DmiInfo.SYSFS_DIR + " exists but its identity files are empty or unreadable");
        }
        return info;
    }

    private static String sysfs(HostReader host, String field) {
        Path p = DmiInfo.SYSFS_DIR.resolve(field);
        return host.readFile(p).trimmedOrNull();
    }

    static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
