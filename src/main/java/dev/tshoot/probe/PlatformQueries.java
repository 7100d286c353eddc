package dev.tshoot.probe;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.tshoot.playbook.OsFamily;

/**
 * The few facts oshi does not give, read with a command through {@link HostReader#runCommand}:
 * on Windows {@code Win32_ComputerSystem.HypervisorPresent} and the chassis asset tag; on macOS
 * {@code sysctl} values such as {@code kern.hv_support} and {@code kern.hv_vmm_present}.
 * Everything degrades to "unknown" when the command is missing or fails.
 */
public final class PlatformQueries {

    /** PowerShell start-up alone can take a few seconds on a cold machine. */
    public static final Duration WINDOWS_TIMEOUT = Duration.ofSeconds(20);
    public static final Duration SYSCTL_TIMEOUT = Duration.ofSeconds(5);

    /** One PowerShell call printing {@code key=value} lines (keys: HypervisorPresent, Model, SMBIOSAssetTag). */
    static final String WINDOWS_SCRIPT = "$c = Get-CimInstance Win32_ComputerSystem; "
            + "$e = Get-CimInstance Win32_SystemEnclosure | Select-Object -First 1; "
            + "'HypervisorPresent=' + $c.HypervisorPresent; 'Model=' + $c.Model; "
            + "'SMBIOSAssetTag=' + $e.SMBIOSAssetTag";

    private PlatformQueries() {
    }

    /**
     * Windows facts as a map; on failure the map holds only {@code "_error"} with the reason.
     * Returns an empty map on other platforms.
     */
    public static Map<String, String> windows(HostReader host) {
        if (host.osFamily() != OsFamily.WINDOWS) {
            return Map.of();
        }
        Read out = host.runCommand(WINDOWS_TIMEOUT, "powershell.exe", "-NoProfile", "-NonInteractive",
                "-Command", WINDOWS_SCRIPT);
        if (!out.known()) {
            return Map.of("_error", "PowerShell query of Win32_ComputerSystem failed: " + out.unknownReason());
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : out.value().split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                map.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return map;
    }

    /** {@code sysctl -n name} on macOS, trimmed; unknown elsewhere or on failure. */
    public static Read sysctl(HostReader host, String name) {
        if (host.osFamily() != OsFamily.MACOS) {
            return Read.unknown("sysctl " + name + " is only read on macOS");
        }
        Read r = host.runCommand(SYSCTL_TIMEOUT, "sysctl", "-n", name);
        if (!r.known()) {
            return r;
        }
        String v = r.trimmedOrNull();
        return v == null ? Read.unknown("sysctl " + name + " printed nothing (key absent on this Mac?)") : Read.of(v);
    }

    /** Parses "True"/"False"/"1"/"0"/"Y"/"N"; null for anything else. */
    public static Boolean parseBoolean(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "y", "yes" -> Boolean.TRUE;
            case "false", "0", "n", "no" -> Boolean.FALSE;
            default -> null;
        };
    }
}
