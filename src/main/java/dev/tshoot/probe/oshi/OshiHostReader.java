package dev.tshoot.probe.oshi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import dev.tshoot.playbook.OsFamily;
import dev.tshoot.probe.CpuFlags;
import dev.tshoot.probe.HardwareSnapshot;
import dev.tshoot.probe.HostReader;
import dev.tshoot.probe.OpenCheck;
import dev.tshoot.probe.Read;
import dev.tshoot.probe.process.ProcessOutcome;
import dev.tshoot.probe.process.ProcessRunner;
import dev.tshoot.probe.process.ProcessSpec;
import dev.tshoot.probe.process.SystemProcessRunner;
import oshi.SystemInfo;
import oshi.hardware.Baseboard;
import oshi.hardware.CentralProcessor;
import oshi.hardware.ComputerSystem;
import oshi.hardware.Firmware;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;
import oshi.software.os.OSFileStore;
import oshi.software.os.OperatingSystem;

/**
 * {@link HostReader} on the real machine: files and devices through {@code java.nio}, commands through the
 * {@link ProcessRunner} (with its time-out and output caps), hardware through oshi.
 *
 * <p>oshi's {@link SystemInfo} is created on the first section call, never at class-load or construction
 * (first use costs ~0.2 s on a machine without DMI, where oshi falls back to spawning dmidecode/lshw).
 * DMI and CPU identity are cached per instance; memory, file systems, OS and network are read fresh
 * each call. Thread-safe.
 */
public final class OshiHostReader implements HostReader {

    static final int MAX_FILE_BYTES = 1 << 20;

    /** Per-stream cap on a command's output. */
    static final int MAX_COMMAND_OUTPUT_BYTES = 1 << 20;

    private final ProcessRunner processes;
    private final Object lock = new Object();
    private SystemInfo systemInfo;
    private HardwareSnapshot.Dmi dmi;
    private HardwareSnapshot.Cpu cpu;

    /** A reader whose commands run through {@code processes} (with its time-out and output caps). */
    public OshiHostReader(ProcessRunner processes) {
        this.processes = Objects.requireNonNull(processes, "processes");
    }

    /** A reader whose commands run through the {@link SystemProcessRunner}. */
    public OshiHostReader() {
        this(new SystemProcessRunner());
    }

    @Override
    public OsFamily osFamily() {
        return OsFamily.current();
    }

    @Override
    public String arch() {
        return normalizeArch(System.getProperty("os.arch", ""));
    }

    static String normalizeArch(String arch) {
        String a = arch.toLowerCase(Locale.ROOT);
        return switch (a) {
            case "amd64", "x86_64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "x86", "i386", "i486", "i586", "i686" -> "x86";
            default -> a;
        };
    }

    @Override
    public Read readFile(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return Read.of(new String(in.readNBytes(MAX_FILE_BYTES), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Read.unknown(path + " does not exist");
        } catch (AccessDeniedException e) {
            return Read.unknown(path + ": permission denied");
        } catch (IOException | RuntimeException e) {
            return Read.unknown(path + ": " + reasonOf(e));
        }
    }

    @Override
    public boolean exists(Path path) {
        try {
            return Files.exists(path);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public OpenCheck openReadWrite(Path path) {
        try (FileChannel ignored = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return OpenCheck.ok();
        } catch (NoSuchFileException e) {
            return OpenCheck.refused(path + " does not exist");
        } catch (AccessDeniedException e) {
            return OpenCheck.refused("permission denied for " + System.getProperty("user.name", "this user"));
        } catch (IOException | RuntimeException e) {
            return OpenCheck.refused(reasonOf(e));
        }
    }

    @Override
    public Optional<String> env(String name) {
        try {
            return Optional.ofNullable(System.getenv(name));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public Read runCommand(Duration timeout, String... command) {
        if (command == null || command.length == 0) {
            return Read.unknown("no command given");
        }
        ProcessOutcome o;
        try {
            o = processes.run(ProcessSpec.of(command).withTimeout(timeout).withMaxOutputBytes(MAX_COMMAND_OUTPUT_BYTES));
        } catch (RuntimeException e) {
            return Read.unknown("could not start '" + command[0] + "': " + reasonOf(e));
        }
        return readOf(command[0], timeout, o);
    }

    /** Standard output of a run that exited with status 0, else unknown with the reason. */
    static Read readOf(String program, Duration timeout, ProcessOutcome o) {
        return switch (o.status()) {
            case EXITED -> o.exitCode() == 0 ? Read.of(o.stdout())
                    : Read.unknown("'" + program + "' exited with status " + o.exitCode());
            case TIMED_OUT -> Read.unknown(o.timedOut()
                    ? "'" + program + "' timed out after " + timeout.toSeconds() + " s"
                    : "interrupted while running '" + program + "'");
            case NOT_FOUND, FAILED_TO_START -> Read.unknown("could not start '" + program + "': " + o.error());
        };
    }

    @Override
    public HardwareSnapshot.Dmi dmi() {
        synchronized (lock) {
            if (dmi == null) {
                ComputerSystem cs = hal().getComputerSystem();
                Firmware fw = cs.getFirmware();
                Baseboard bb = cs.getBaseboard();
                dmi = new HardwareSnapshot.Dmi(clean(cs.getManufacturer()), clean(cs.getModel()), null,
                        clean(fw.getManufacturer()), clean(fw.getVersion()),
                        clean(bb.getManufacturer()), clean(bb.getModel()));
            }
            return dmi;
        }
    }

    @Override
    public HardwareSnapshot.Cpu cpu() {
        synchronized (lock) {
            if (cpu == null) {
                CentralProcessor p = hal().getProcessor();
                CentralProcessor.ProcessorIdentifier id = p.getProcessorIdentifier();
                cpu = new HardwareSnapshot.Cpu(clean(id.getVendor()), clean(id.getName()), clean(id.getIdentifier()),
                        clean(id.getFamily()), clean(id.getModel()), clean(id.getMicroarchitecture()),
                        p.getPhysicalProcessorCount(), p.getLogicalProcessorCount(),
                        CpuFlags.parse(p.getFeatureFlags()));
            }
            return cpu;
        }
    }

    @Override
    public HardwareSnapshot.Memory memory() {
        GlobalMemory m = hal().getMemory();
        return new HardwareSnapshot.Memory(m.getTotal(), m.getAvailable());
    }

    @Override
    public List<HardwareSnapshot.FileStore> fileSystems() {
        List<HardwareSnapshot.FileStore> out = new ArrayList<>();
        for (OSFileStore fs : operatingSystem().getFileSystem().getFileStores(true)) {
            out.add(new HardwareSnapshot.FileStore(clean(fs.getMount()), clean(fs.getType()), clean(fs.getName()),
                    fs.getTotalSpace(), fs.getUsableSpace()));
        }
        return out;
    }

    @Override
    public HardwareSnapshot.OsInfo os() {
        OperatingSystem os = operatingSystem();
        OperatingSystem.OSVersionInfo v = os.getVersionInfo();
        return new HardwareSnapshot.OsInfo(osFamily(), clean(os.getFamily()), clean(os.getManufacturer()),
                clean(v.getVersion()), clean(v.getBuildNumber()), clean(v.getCodeName()), os.getBitness(),
                os.getSystemUptime(), os.isElevated());
    }

    @Override
    public List<HardwareSnapshot.Nic> networkInterfaces() {
        List<HardwareSnapshot.Nic> out = new ArrayList<>();
        for (NetworkIF nif : hal().getNetworkIFs(false)) {
            out.add(new HardwareSnapshot.Nic(clean(nif.getName()), clean(nif.getDisplayName()), clean(nif.getMacaddr())));
        }
        return out;
    }

    /** Whether oshi has been touched yet (for tests of the lazy start). */
    boolean systemInfoCreated() {
        synchronized (lock) {
            return systemInfo != null;
        }
    }

    private SystemInfo systemInfo() {
        synchronized (lock) {
            if (systemInfo == null) {
                systemInfo = new SystemInfo();
            }
            return systemInfo;
        }
    }

    private HardwareAbstractionLayer hal() {
        return systemInfo().getHardware();
    }

    private OperatingSystem operatingSystem() {
        return systemInfo().getOperatingSystem();
    }

    /** oshi reports missing values as "unknown" or blank; both become null here. */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() || t.equalsIgnoreCase("unknown") ? null : t;
    }

    private static String reasonOf(Exception e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
