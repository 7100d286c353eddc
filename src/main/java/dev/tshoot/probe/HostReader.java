package dev.tshoot.probe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.tshoot.playbook.OsFamily;

/**
 * Everything probes may ask of the host. Implementations: {@code OshiHostReader} (real host, in
 * {@code dev.tshoot.probe.oshi}) and the fixture reader used in tests.
 *
 * <p>Plain accessors ({@link #readFile}, {@link #exists}, {@link #openReadWrite}, {@link #env},
 * {@link #runCommand}) never throw: failures come back as unknown with a reason. The section accessors
 * ({@link #dmi()} ... {@link #networkInterfaces()}) may throw when a section cannot be read at all
 * (e.g. {@link UnsupportedOperationException} for a fixture without that section, or a native-library
 * error); probes catch that and report unknown facts.
 */
public interface HostReader {

    /** The host's OS family. */
    OsFamily osFamily();

    /** CPU architecture, normalized: {@code x86_64}, {@code aarch64}, or what the JVM reports. */
    String arch();

    /** The whole content of a (small) file, or unknown with the reason (missing, permission denied...). */
    Read readFile(Path path);

    boolean exists(Path path);

    /** Really tries to open {@code path} read-write (and closes it again). */
    OpenCheck openReadWrite(Path path);

    default boolean canOpenReadWrite(Path path) {
        return openReadWrite(path).openable();
    }

    Optional<String> env(String name);

    /**
     * Runs a command without a shell and returns its standard output, or unknown with the reason
     * (not found, non-zero exit, timed out). Standard error is discarded.
     */
    Read runCommand(Duration timeout, String... command);

    HardwareSnapshot.Dmi dmi();

    HardwareSnapshot.Cpu cpu();

    HardwareSnapshot.Memory memory();

    List<HardwareSnapshot.FileStore> fileSystems();

    HardwareSnapshot.OsInfo os();

    List<HardwareSnapshot.Nic> networkInterfaces();

    /** All sections at once; a failing section is null and its reason is in {@code unavailable}. */
    default HardwareSnapshot snapshot() {
        Map<String, String> unavailable = new LinkedHashMap<>();
        return new HardwareSnapshot(
                section("dmi", this::dmi, unavailable),
                section("cpu", this::cpu, unavailable),
                section("memory", this::memory, unavailable),
                section("fileSystems", this::fileSystems, unavailable),
                section("os", this::os, unavailable),
                section("networkInterfaces", this::networkInterfaces, unavailable),
                unavailable);
    }

    private static <T> T section(String name, Supplier<T> read, Map<String, String> unavailable) {
        try {
            return read.get();
        } catch (RuntimeException | LinkageError e) {
            unavailable.put(name, FactSheet.describe(e));
            return null;
        }
    }
}
