package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher keys its start-up archive on the JDK build: a JDK whose base class-data archive
 * changed (as after an update) gets a new archive, and the launcher says so, instead of the JVM
 * silently ignoring the old one. The JDK here is a copy of the running one's launcher and base
 * archive, with the rest linked, so it can be changed without touching the real JDK.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LauncherIT {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    Run tshoot(Path javaHome) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("./tshoot", "version");
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().put("TSHOOT_TRANSCRIPTS", dir.resolve("t").toString());
        pb.redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new Run(p.exitValue(), Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
    }

    /** bin/java and lib/server/classes*.jsa copied, everything else linked to the running JDK. */
    Path jdkCopy() throws IOException {
        Path real = Path.of(System.getProperty("java.home")).toRealPath();
        assumeTrue(Files.isRegularFile(real.resolve("lib/server/classes.jsa")), "the running JDK has a base class-data archive");
        Path jdk = Files.createDirectories(dir.resolve("jdk"));
        Files.createDirectories(jdk.resolve("bin"));
        Files.copy(real.resolve("bin/java"), jdk.resolve("bin/java"));
        Files.createDirectories(jdk.resolve("lib/server"));
        try (Stream<Path> lib = Files.list(real.resolve("lib"))) {
            for (Path p : lib.toList()) {
                if (!p.getFileName().toString().equals("server")) {
                    Files.createSymbolicLink(jdk.resolve("lib").resolve(p.getFileName()), p);
                }
            }
        }
        try (Stream<Path> server = Files.list(real.resolve("lib/server"))) {
            for (Path p : server.toList()) {
                Path to = jdk.resolve("lib/server").resolve(p.getFileName());
                if (p.getFileName().toString().endsWith(".jsa")) {
                    Files.copy(p, to);
                } else {
                    Files.createSymbolicLink(to, p);
                }
            }
        }
        for (String f : List.of("release", "conf", "legal")) {
            if (Files.exists(real.resolve(f))) {
                Files.createSymbolicLink(jdk.resolve(f), real.resolve(f));
            }
        }
        return jdk;
    }

    @Test
    void aChangedJdkGetsANewArchiveAndTheLauncherSaysSo() throws Exception {
        assumeTrue(Files.isRegularFile(Path.of("target/tshoot.jar")), "the jar is built");
        Path jdk = jdkCopy();
        Run first = tshoot(jdk);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("tshoot ");
        assertThat(first.err()).contains("preparing the start-up archive for this JDK (once)");

        Run again = tshoot(jdk);
        assertThat(again.out()).isEqualTo(first.out());
        assertThat(again.err()).as("the archive is reused").doesNotContain("preparing");

        Path base = jdk.resolve("lib/server/classes.jsa");
        Files.setLastModifiedTime(base, FileTime.fromMillis(Files.getLastModifiedTime(base).toMillis() + 60_000));
        Run changed = tshoot(jdk);
        assertThat(changed.exit()).as(changed.err()).isZero();
        assertThat(changed.err()).contains("the JDK at " + jdk.toRealPath() + " changed")
                .contains("preparing the start-up archive again");
        assertThat(changed.out()).isEqualTo(first.out());
    }
}
