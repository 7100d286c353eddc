package dev.tshoot.probe.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Containment of a descendant that double-forks away and scrubs its environment: on JDK 22 or
 * later tshoot is the child subreaper and kills it with its command. The run happens in a JVM of
 * its own (so the subreaper flag does not leak into this one), on a JDK 22+ found on this machine:
 * {@code TSHOOT_JDK22} or {@code /usr/lib/jvm/*}. Under CI with {@code TSHOOT_REQUIRE_JDK22=1} a
 * missing JDK fails instead of skipping.
 */
@EnabledOnOs(OS.LINUX)
class SubreaperTest {

    @TempDir
    Path dir;

    @Test
    void onJdk22AndLaterADoubleForkedDescendantWithAScrubbedEnvironmentIsKilledAndReaped() throws Exception {
        Optional<Path> java = jdk22();
        if (java.isEmpty() && "1".equals(System.getenv("TSHOOT_REQUIRE_JDK22"))) {
            throw new AssertionError("TSHOOT_REQUIRE_JDK22=1 but no JDK 22 or later: set TSHOOT_JDK22 to its home");
        }
        assumeTrue(java.isPresent(), "no JDK 22 or later on this machine (set TSHOOT_JDK22)");
        for (String how : List.of("plain", "setsid")) {
            List<String> out = orphanRun(java.get(), "--enable-native-access=ALL-UNNAMED", how);
            assertThat(out).as(how).contains("status: TIMED_OUT", "orphan: killed", "reaped: true");
            assertThat(out.get(0)).startsWith("mode: subreaper");
        }
    }

    @Test
    void onThisJdkTheModeSaysWhatContainsTheCommands() throws Exception {
        String mode = Subreaper.mode();
        if (Runtime.version().feature() < 22) {
            assertThat(mode).isEqualTo("process tree, per-run environment token and process group (no subreaper: needs JDK 22 or later, this is "
                    + Runtime.version().feature() + ")");
        } else {
            assertThat(mode).startsWith("subreaper");
        }
        // without the subreaper: an orphan that stayed in tshoot's process group is found there and killed
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        assertThat(orphanRun(java, "-Dtshoot.no-subreaper=true", "plain")).contains("status: TIMED_OUT", "orphan: killed");
        // one that also left the group (setsid) escapes, unless a snapshot caught it in time: printed, not asserted
        List<String> out = orphanRun(java, "-Dtshoot.no-subreaper=true", "setsid");
        assertThat(out).contains("status: TIMED_OUT");
        System.out.println("without a subreaper, after setsid: " + out);
    }

    private List<String> orphanRun(Path java, String flag, String how) throws IOException, InterruptedException {
        Path pidFile = dir.resolve("orphan-" + System.nanoTime() + ".pid");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), flag, "-cp", System.getProperty("java.class.path"),
                OrphanRun.class.getName(), pidFile.toString(), how));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).as(text).isZero();
        return text.lines().filter(l -> !l.startsWith("WARNING")).toList();
    }

    /** A JDK of feature version 22 or later: TSHOOT_JDK22, or the newest under /usr/lib/jvm. */
    static Optional<Path> jdk22() throws IOException {
        String env = System.getenv("TSHOOT_JDK22");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env, "bin", "java"));
        }
        Path jvm = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvm)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvm)) {
            return homes.filter(h -> Files.isExecutable(h.resolve("bin/java")) && feature(h) >= 22)
                    .map(h -> h.resolve("bin/java")).findFirst();
        }
    }

    private static int feature(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(v.split("[.+-]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
