package dev.tshoot.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How the end-to-end tests start the packaged jar quickly: the layout {@code ./tshoot} runs (the jar
 * extracted with Spring Boot's {@code -Djarmode=tools extract}), a class-data archive made once per
 * jar and JDK, C1 only and the serial collector. None of this changes what the application does; it
 * only makes each JVM start in about a third of the time. A test that must run the plain fat jar
 * exactly as a user types it uses {@link JarRunner#asPlainJar()}.
 *
 * <p>Everything lives under {@code target/it-jvm/}: {@code app/} (the extracted jar, made again when
 * {@code target/tshoot.jar} is newer) and {@code <jdk>.jsa} (the archive, made by a training run with
 * {@code -XX:ArchiveClassesAtExit}; never {@code -Xshare:dump}). The archive is used only if a
 * checked run with it prints exactly what a run without it prints; otherwise the tests run without
 * it and say why once. A file lock makes concurrent test JVMs prepare it once.
 * {@code -Dtshoot.it.fastStart=false} turns all of it off.
 */
final class FastStart {

    /** The JVM options and the jar a test run uses. */
    record Launch(List<String> jvmOptions, Path jar) {}

    static final List<String> JIT = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData");
    static final Path DIR = Path.of("target/it-jvm");

    private static Launch launch;

    private FastStart() {}

    /** The fast launch, prepared on first use. */
    static synchronized Launch get(Path fatJar) {
        if (launch == null) {
            launch = Boolean.parseBoolean(System.getProperty("tshoot.it.fastStart", "true"))
                    ? prepare(fatJar) : new Launch(List.of(), fatJar);
        }
        return launch;
    }

    private static Launch prepare(Path fatJar) {
        try {
            Files.createDirectories(DIR);
            try (FileChannel ch = FileChannel.open(DIR.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = ch.lock()) {
                Path app = DIR.resolve("app");
                Path appJar = app.resolve(fatJar.getFileName());
                if (!Files.isRegularFile(appJar)
                        || Files.getLastModifiedTime(fatJar).compareTo(Files.getLastModifiedTime(appJar)) > 0) {
                    deleteTree(DIR, DIR.resolve("lock"));
                    int exit = java(List.of("-Djarmode=tools", "-jar", fatJar.toAbsolutePath().toString(), "extract",
                            "--destination", app.toAbsolutePath().toString()), "", DIR.resolve("extract.log"));
                    if (exit != 0 || !Files.isRegularFile(appJar)) {
                        return fallback(fatJar, "extracting the jar failed (exit " + exit + "), see " + DIR.resolve("extract.log"));
                    }
                    Files.setLastModifiedTime(appJar, Files.getLastModifiedTime(fatJar));
                }
                return withArchive(appJar);
            }
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return fallback(fatJar, "preparing " + DIR + " failed: " + e);
        }
    }

    private static Launch withArchive(Path appJar) throws IOException, InterruptedException {
        String jdk = Integer.toHexString((System.getProperty("java.home") + " " + System.getProperty("java.vm.version")).hashCode());
        Path archive = DIR.resolve(jdk + ".jsa").toAbsolutePath();
        Path refused = DIR.resolve(jdk + ".refused");
        List<String> without = new ArrayList<>(JIT);
        without.add("-Xshare:auto");
        List<String> with = new ArrayList<>(without);
        with.add("-XX:SharedArchiveFile=" + archive);
        if (Files.exists(refused)) {
            return new Launch(without, appJar);
        }
        if (!Files.isRegularFile(archive)) {
            Path work = Files.createDirectories(DIR.resolve("training"));
            List<String> train = new ArrayList<>(JIT);
            train.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:disable",
                    "-Dtshoot.playbooks=" + Path.of("playbooks").toAbsolutePath(), "-Dtshoot.transcripts=" + work.toAbsolutePath(),
                    "-Dtshoot.transcript.fsync=false", "-jar", appJar.toAbsolutePath().toString()));
            // the shell path and a session, so that the classes of both are in the archive; it ends by itself
            java(train, "playbook list\nprobe list\nstatus\nstart docker-desktop-nested-virtualization\n2\n1\nend\nexit\n",
                    DIR.resolve("training.log"));
        }
        if (Files.isRegularFile(archive) && sameOutput(without, with, appJar)) {
            return new Launch(with, appJar);
        }
        Files.writeString(refused, "the class-data archive " + archive + " was not made or changed the output\n");
        System.out.println("FastStart: running the jar without a class-data archive: " + archive
                + " was not made or changed what the jar prints (see " + DIR + ")");
        return new Launch(without, appJar);
    }

    /** Whether {@code version} prints the same with and without the archive (no JVM warning mixed in). */
    private static boolean sameOutput(List<String> without, List<String> with, Path appJar) throws IOException, InterruptedException {
        List<String> a = new ArrayList<>(without);
        a.addAll(List.of("-jar", appJar.toAbsolutePath().toString(), "version"));
        List<String> b = new ArrayList<>(with);
        b.addAll(List.of("-jar", appJar.toAbsolutePath().toString(), "version"));
        Path outA = DIR.resolve("check-without.log");
        Path outB = DIR.resolve("check-with.log");
        return java(a, "", outA) == 0 && java(b, "", outB) == 0 && Files.readString(outA).equals(Files.readString(outB));
    }

    /** Runs {@code java} with these arguments, the input given and output and errors to the log; at most 5 minutes. */
    private static int java(List<String> args, String stdin, Path log) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("TERM", "dumb");
        pb.environment().put("NO_COLOR", "1");
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the process ended before it read its input; its exit status tells
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return -1;
        }
        return p.exitValue();
    }

    private static Launch fallback(Path fatJar, String why) {
        System.out.println("FastStart: running the plain jar: " + why);
        return new Launch(List.of(), fatJar);
    }

    private static void deleteTree(Path dir, Path keep) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir) && !p.equals(keep)) {
                    Files.delete(p);
                }
            }
        }
    }
}
