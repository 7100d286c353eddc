package dev.tshoot.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import dev.tshoot.playbook.OsFamily;
import dev.tshoot.probe.CpuFlags;
import dev.tshoot.probe.HardwareSnapshot;
import dev.tshoot.probe.HostReader;
import dev.tshoot.probe.OpenCheck;
import dev.tshoot.probe.Read;

/**
 * {@link HostReader} over a recorded {@link HostFixture}: the same probe code runs on it as on the real host.
 * CPU flags go through {@link CpuFlags#parse} from the raw lines, as oshi's do.
 */
public final class FixtureHostReader implements HostReader {

    /** Classpath folder of the numbered fixtures. */
    public static final String FIXTURE_DIR = "probe/fixtures/";

    private static final YAMLMapper YAML = new YAMLMapper();

    private final HostFixture fx;

    public FixtureHostReader(HostFixture fixture) {
        this.fx = fixture;
    }

    /** Loads {@code probe/fixtures/<fileName>} from the test class path. */
    public static FixtureHostReader load(String fileName) {
        return new FixtureHostReader(read(fileName));
    }

    public static HostFixture read(String fileName) {
        String resource = FIXTURE_DIR + fileName;
        try (InputStream in = FixtureHostReader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return YAML.readValue(in, HostFixture.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + resource + ": " + e.getMessage(), e);
        }
    }

    /** File names of all numbered fixtures ({@code NNN_*.yaml}), sorted. */
    public static List<String> allFixtureNames() {
        try {
            Path dir = Path.of(FixtureHostReader.class.getClassLoader().getResource(FIXTURE_DIR).toURI());
            try (Stream<Path> s = Files.list(dir)) {
                return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{3}_.*\\.ya?ml")).sorted().toList();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot list fixtures: " + e.getMessage(), e);
        }
    }

    public HostFixture fixture() {
        return fx;
    }

    @Override
    public OsFamily osFamily() {
        return fx.os() == null ? OsFamily.LINUX : OsFamily.fromName(fx.os())
                .orElseThrow(() -> new IllegalArgumentException("fixture " + fx.name() + ": no OS family '" + fx.os() + "'"));
    }

    @Override
    public String arch() {
        return fx.arch() == null ? "x86_64" : fx.arch();
    }

    @Override
    public Read readFile(Path path) {
        String key = key(path);
        String content = map(fx.files()).get(key);
        if (content != null) {
            return Read.of(content);
        }
        String reason = map(fx.unreadable()).get(key);
        if (reason != null) {
            return Read.unknown(key + ": " + reason);
        }
        return Read.unknown(key + (exists(path) ? ": is a directory or device" : " does not exist"));
    }

    @Override
    public boolean exists(Path path) {
        String key = key(path);
        List<String> all = new ArrayList<>();
        all.addAll(map(fx.files()).keySet());
        all.addAll(map(fx.unreadable()).keySet());
        all.addAll(map(fx.devices()).keySet());
        all.addAll(fx.dirs() == null ? List.of() : fx.dirs());
        return all.stream().anyMatch(p -> p.equals(key) || p.startsWith(key + "/"));
    }

    @Override
    public OpenCheck openReadWrite(Path path) {
        HostFixture.Device d = map(fx.devices()).get(key(path));
        if (d == null) {
            return OpenCheck.refused(key(path) + (exists(path) ? ": not a device in this fixture" : " does not exist"));
        }
        return d.openable() ? OpenCheck.ok() : OpenCheck.refused(d.reason());
    }

    @Override
    public Optional<String> env(String name) {
        return Optional.ofNullable(map(fx.env()).get(name));
    }

    @Override
    public Read runCommand(Duration timeout, String... command) {
        String joined = String.join(" ", command);
        for (Map.Entry<String, String> e : map(fx.commands()).entrySet()) {
            if (joined.contains(e.getKey())) {
                return Read.of(e.getValue());
            }
        }
        return Read.unknown("could not start '" + command[0] + "': not recorded in fixture " + fx.name());
    }

    @Override
    public HardwareSnapshot.Dmi dmi() {
        HostFixture.DmiSpec d = require(fx.dmi(), "dmi");
        return new HardwareSnapshot.Dmi(d.manufacturer(), d.model(), d.version(), d.firmwareVendor(),
                d.firmwareVersion(), d.baseboardManufacturer(), d.baseboardModel());
    }

    @Override
    public HardwareSnapshot.Cpu cpu() {
        HostFixture.CpuSpec c = require(fx.cpu(), "cpu");
        return new HardwareSnapshot.Cpu(c.vendor(), c.brand(), c.identifier(), c.family(), c.model(),
                c.microarchitecture(), c.physicalCores(), c.logicalCores(),
                c.flagLines() == null ? null : CpuFlags.parse(c.flagLines()));
    }

    @Override
    public HardwareSnapshot.Memory memory() {
        HostFixture.MemorySpec m = require(fx.memory(), "memory");
        return new HardwareSnapshot.Memory(m.totalBytes(), m.availableBytes());
    }

    @Override
    public List<HardwareSnapshot.FileStore> fileSystems() {
        return require(fx.fileSystems(), "fileSystems").stream()
                .map(s -> new HardwareSnapshot.FileStore(s.mount(), s.type(), s.name(), s.totalBytes(), s.freeBytes()))
                .toList();
    }

    @Override
    public HardwareSnapshot.OsInfo os() {
        HostFixture.OsSpec o = require(fx.osInfo(), "osInfo");
        return new HardwareSnapshot.OsInfo(osFamily(), o.distribution(), o.manufacturer(), o.version(), o.build(),
                o.codeName(), o.bitness(), o.uptimeSeconds(), o.elevated());
    }

    @Override
    public List<HardwareSnapshot.Nic> networkInterfaces() {
        return require(fx.nics(), "nics").stream()
                .map(n -> new HardwareSnapshot.Nic(n.name(), n.displayName(), n.mac())).toList();
    }

    private <T> T require(T section, String name) {
        if (section == null) {
            throw new UnsupportedOperationException("fixture '" + fx.name() + "' has no " + name + " section");
        }
        return section;
    }

    private static <K, V> Map<K, V> map(Map<K, V> m) {
        return m == null ? Map.of() : m;
    }

    private static String key(Path path) {
        return path.toString().replace('\\', '/');
    }
}
