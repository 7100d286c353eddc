package dev.tshoot.probe;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tshoot.playbook.OsFamily;

/**
 * The raw inputs of hypervisor fingerprinting, gathered once from a {@link HostReader}. {@code null}
 * Boolean/String fields mean "not known"; the matching {@code *Reason} field says why where it matters.
 *
 * @param hypervisorFlag         CPUID.1:ECX[31] as the OS shows it ({@code hypervisor} on Linux, {@code VMM} on
 *                               macOS); unknown on Windows
 * @param windowsHypervisorPresent Win32_ComputerSystem.HypervisorPresent (true on VMs <em>and</em> on hosts running
 *                               Hyper-V, WSL 2 or VBS)
 * @param clocksources           Linux {@code available_clocksource} (e.g. {@code "tsc kvm-clock"})
 * @param wsl                    why this looks like WSL 2, or null
 * @param container              {@code docker}, {@code podman}, or null
 */
public record VirtualizationSignals(OsFamily osFamily, String arch, DmiInfo dmi,
                                    Boolean hypervisorFlag, Boolean vmx, Boolean svm, String flagsSource,
                                    String flagsUnknownReason,
                                    String sysHypervisorType, boolean xenDom0, String clocksources,
                                    List<HardwareSnapshot.Nic> nics, String nicsUnknownReason,
                                    Boolean windowsHypervisorPresent, String windowsModel, String windowsReason,
                                    Boolean macHvSupport, Boolean macVmmPresent,
                                    String wsl, String container) {

    static final Path CPUINFO = Path.of("/proc/cpuinfo");
    static final Path SYS_HYPERVISOR_TYPE = Path.of("/sys/hypervisor/type");
    static final Path XEN_CAPABILITIES = Path.of("/proc/xen/capabilities");
    static final Path CLOCKSOURCES = Path.of("/sys/devices/system/clocksource/clocksource0/available_clocksource");
    static final Path PROC_VERSION = Path.of("/proc/version");

    public boolean isX86() {
        return arch != null && (arch.equals("x86_64") || arch.equals("x86") || arch.matches("i[3-6]86"));
    }

    /** Gathers all inputs; never throws. */
    public static VirtualizationSignals collect(HostReader host) {
        OsFamily os = host.osFamily();
        Map<String, String> win = PlatformQueries.windows(host);
        DmiInfo dmi = DmiReader.read(host, win);

        Boolean hv = null;
        Boolean vmx = null;
        Boolean svm = null;
        String flagsSource = null;
        String flagsReason = null;
        if (os == OsFamily.LINUX || os == OsFamily.MACOS) {
            List<String> flags = null;
            try {
                HardwareSnapshot.Cpu cpu = host.cpu();
                flags = cpu == null ? null : cpu.flags();
                flagsSource = os == OsFamily.LINUX ? "cpu flag (/proc/cpuinfo via oshi)" : "cpu feature (machdep.cpu, oshi)";
            } catch (RuntimeException | LinkageError e) {
                flagsReason = "CPU flags unavailable: " + FactSheet.describe(e);
            }
            if ((flags == null || flags.isEmpty()) && os == OsFamily.LINUX) {
                Read cpuinfo = host.readFile(CPUINFO);
                if (cpuinfo.known()) {
                    flags = CpuFlags.parse(List.of(cpuinfo.value()));
                    flagsSource = "cpu flag (/proc/cpuinfo)";
                } else {
                    flagsReason = "CPU flags unavailable: " + cpuinfo.unknownReason();
                }
            }
            if (flags != null && !flags.isEmpty()) {
                flagsReason = null;
                boolean x86 = host.arch() != null && host.arch().contains("86");
                if (x86) {
                    hv = CpuFlags.hypervisor(flags);
                    vmx = CpuFlags.vmx(flags);
                    svm = CpuFlags.svm(flags);
                } else {
                    flagsReason = "no VT-x/AMD-V or hypervisor flag on " + host.arch() + " CPUs";
                }
            } else if (flagsReason == null) {
                flagsReason = "the OS reported no CPU flags";
            }
        } else if (os == OsFamily.WINDOWS) {
            flagsReason = "Windows does not show CPUID flags to programs; VT-x/AMD-V is hidden from the OS "
                    + "while a hypervisor runs";
        } else {
            flagsReason = "CPU flags are not read on " + os;
        }

        Boolean macVmm = null;
        Boolean macHv = null;
        if (os == OsFamily.MACOS) {
            macVmm = PlatformQueries.parseBoolean(PlatformQueries.sysctl(host, "kern.hv_vmm_present").value());
            macHv = PlatformQueries.parseBoolean(PlatformQueries.sysctl(host, "kern.hv_support").value());
            if (hv == null && macVmm != null) {
                hv = macVmm;
                flagsSource = "sysctl kern.hv_vmm_present";
            }
        }

        String sysHv = null;
        boolean dom0 = false;
        String clocks = null;
        String wsl = null;
        String container = null;
        if (os == OsFamily.LINUX) {
            sysHv = host.readFile(SYS_HYPERVISOR_TYPE).trimmedOrNull();
            String caps = host.readFile(XEN_CAPABILITIES).trimmedOrNull();
            dom0 = caps != null && caps.contains("control_d");
            clocks = host.readFile(CLOCKSOURCES).trimmedOrNull();
            wsl = detectWsl(host);
            container = detectContainer(host);
        }

        List<HardwareSnapshot.Nic> nics = null;
        String nicsReason = null;
        try {
            nics = host.networkInterfaces();
        } catch (RuntimeException | LinkageError e) {
            nicsReason = FactSheet.describe(e);
        }

        return new VirtualizationSignals(os, host.arch(), dmi, hv, vmx, svm, flagsSource, flagsReason, sysHv, dom0,
                clocks, nics == null ? List.of() : nics, nicsReason,
                PlatformQueries.parseBoolean(win.get("HypervisorPresent")), DmiReader.blankToNull(win.get("Model")),
                win.get("_error"), macHv, macVmm, wsl, container);
    }

    private static String detectWsl(HostReader host) {
        if (host.env("WSL_DISTRO_NAME").isPresent() || host.env("WSL_INTEROP").isPresent()) {
            return "environment variable WSL_DISTRO_NAME/WSL_INTEROP is set";
        }
        String version = host.readFile(PROC_VERSION).trimmedOrNull();
        if (version != null && version.toLowerCase(Locale.ROOT).contains("microsoft")) {
            return "/proc/version names a Microsoft kernel: " + abbreviate(version, 80);
        }
        return null;
    }

    private static String detectContainer(HostReader host) {
        if (host.exists(Path.of("/.dockerenv"))) {
            return "docker";
        }
        if (host.exists(Path.of("/run/.containerenv"))) {
            return "podman";
        }
        return null;
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
