package dev.tshoot.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged jar as a real process, the way a user runs it, with its own transcripts folder. */
public final class JarRunner {

    public record Run(int exit, String out) {}

    private final Path transcripts;
    private final Path playbooks;
    private final List<String> jvmOptions;

    public JarRunner(Path transcripts) {
        this(transcripts, Path.of("playbooks"), List.of("-Dtshoot.transcript.fsync=false"));
    }

    /** With another playbooks folder and JVM options (e.g. fsync on, as users run it). */
    public JarRunner(Path transcripts, Path playbooks, List<String> jvmOptions) {
        this.transcripts = transcripts;
        this.playbooks = playbooks;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** The command line that runs the jar with these arguments. */
    public List<String> command(String... args) {
        Path jar = Path.of("target/tshoot.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("target/tshoot.jar is missing: end-to-end tests run after 'mvn package'");
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dtshoot.playbooks=" + playbooks.toAbsolutePath(),
                "-Dtshoot.transcripts=" + transcripts.toAbsolutePath()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts the jar on a dumb terminal (output and errors merged); the caller drives and ends it. */
    public Process start(String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(args)).redirectErrorStream(true);
        pb.environment().put("TERM", "dumb");
        pb.environment().put("NO_COLOR", "1");
        return pb.start();
    }

    public Run run(String stdin, String... args) throws IOException, InterruptedException {
        Process p = start(args);
        p.getOutputStream().write((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("tshoot did not exit: " + new String(out, StandardCharsets.UTF_8));
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    public List<Path> transcripts() throws IOException {
        try (var s = Files.list(transcripts)) {
            return s.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList();
        }
    }
}
