package dev.tshoot.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the packaged jar as a real process, the way a user runs it, with its own transcripts folder.
 *
 * <p>Every wait is bounded: a run that does not end within {@link #TIMEOUT} ({@code
 * -Dtshoot.it.timeout=<seconds>}, 240 by default) is killed and fails with the output it printed so
 * far, so a hung jar fails the build instead of hanging it. The JVM starts the way {@link FastStart}
 * describes (the extracted jar with a class-data archive); {@link #asPlainJar()} runs {@code java -jar
 * target/tshoot.jar} itself.
 */
public final class JarRunner {

    public record Run(int exit, String out) {}

    /** How long one run of the jar, or one wait for its output, may take. */
    public static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("tshoot.it.timeout", 240));

    /** What the shell shows when it waits for a line: its own prompt, or a numbered menu's. */
    static final Pattern PROMPT = Pattern.compile("tshoot(\\[[^\\]\\n]*\\])?> |choose \\d+-\\d+> ");

    private static final Path JAR = Path.of("target/tshoot.jar");

    private final Path transcripts;
    private final Path playbooks;
    private final List<String> jvmOptions;
    private final FastStart.Launch launch;

    public JarRunner(Path transcripts) {
        this(transcripts, Path.of("playbooks"), List.of("-Dtshoot.transcript.fsync=false"));
    }

    /** With another playbooks folder and JVM options (e.g. fsync on, as users run it). */
    public JarRunner(Path transcripts, Path playbooks, List<String> jvmOptions) {
        this(transcripts, playbooks, jvmOptions, false);
    }

    private JarRunner(Path transcripts, Path playbooks, List<String> jvmOptions, boolean plainJar) {
        this.transcripts = transcripts;
        this.playbooks = playbooks;
        this.jvmOptions = List.copyOf(jvmOptions);
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("target/tshoot.jar is missing: end-to-end tests run after 'mvn package'");
        }
        this.launch = plainJar ? new FastStart.Launch(List.of(), JAR) : FastStart.get(JAR); // prepared here, not in a timed run
    }

    /** The same runner starting {@code java -jar target/tshoot.jar} with no start-up options, as a user types it. */
    public JarRunner asPlainJar() {
        return new JarRunner(transcripts, playbooks, jvmOptions, true);
    }

    /** The command line that runs the jar with these arguments. */
    public List<String> command(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(launch.jvmOptions());
        cmd.add("-Dtshoot.playbooks=" + playbooks.toAbsolutePath());
        cmd.add("-Dtshoot.transcripts=" + transcripts.toAbsolutePath());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", launch.jar().toAbsolutePath().toString()));
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

    /** Starts the jar and reads its output as it comes, for a test that drives it line by line. */
    public Interactive interactive(String... args) throws IOException {
        return new Interactive(start(args), String.join(" ", args));
    }

    /** Runs the jar with this standard input (null: none) to its end; fails after {@link #TIMEOUT}. */
    public Run run(String stdin, String... args) throws IOException, InterruptedException {
        try (Interactive p = interactive(args)) {
            p.feed(stdin == null ? "" : stdin);
            int exit = p.awaitExit(TIMEOUT);
            return new Run(exit, p.output());
        }
    }

    public List<Path> transcripts() throws IOException {
        try (var s = Files.list(transcripts)) {
            return s.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList();
        }
    }

    /**
     * A running jar: its output collected as it comes, waits for text, a prompt or the exit with a
     * deadline, each failing with the output so far. Closing it kills a jar still running.
     */
    public static final class Interactive implements AutoCloseable {

        private final Process process;
        private final String what;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final Thread reader;
        private final OutputStream in;
        private boolean ended;

        Interactive(Process process, String args) {
            this.process = process;
            this.what = "tshoot" + (args.isEmpty() ? "" : " " + args) + " (pid " + process.pid() + ")";
            this.in = process.getOutputStream();
            this.reader = new Thread(this::read, "output of " + what);
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            byte[] buf = new byte[8192];
            try (InputStream s = process.getInputStream()) {
                int n;
                while ((n = s.read(buf)) > 0) {
                    synchronized (this) {
                        out.write(buf, 0, n);
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process was killed or closed its output
            } finally {
                synchronized (this) {
                    ended = true;
                    notifyAll();
                }
            }
        }

        /** Everything the jar printed so far (output and errors). */
        public synchronized String output() {
            return out.toString(StandardCharsets.UTF_8);
        }

        public Process process() {
            return process;
        }

        /** Sends one line of input. */
        public void send(String line) throws IOException {
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        /** Writes all this input from a separate thread (so a full output pipe cannot block it), then closes it. */
        void feed(String stdin) {
            Thread t = new Thread(() -> {
                try (OutputStream s = in) {
                    s.write(stdin.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // the jar ended before it read all its input; its output and exit status tell
                }
            }, "input of " + what);
            t.setDaemon(true);
            t.start();
        }

        /** Closes the jar's standard input (end of input). */
        public void closeInput() throws IOException {
            in.close();
        }

        /** How many prompts the jar has shown so far. */
        public synchronized int prompts() {
            Matcher m = PROMPT.matcher(output());
            int n = 0;
            while (m.find()) {
                n++;
            }
            return n;
        }

        /** Waits until the jar has shown at least {@code count} prompts in all. */
        public void awaitPrompts(int count, Duration within) throws InterruptedException {
            await(() -> prompts() >= count, "prompt number " + count, within);
        }

        /** Waits until the output holds this text. */
        public void awaitOutput(String text, Duration within) throws InterruptedException {
            await(() -> output().contains(text), "'" + text + "'", within);
        }

        private synchronized void await(BooleanSupplier condition, String what, Duration within)
                throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (!condition.getAsBoolean()) {
                if (ended) {
                    throw new AssertionError(this.what + " ended before it showed " + what + "; its output:\n" + output());
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(this.what + " did not show " + what + " within " + time(within)
                            + "; its output so far:\n" + output());
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }

        /**
         * Waits for the jar to exit and its output to end; returns the exit status. Past the deadline it
         * kills the jar and fails with the output so far.
         */
        public int awaitExit(Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            if (!process.waitFor(within.toNanos(), TimeUnit.NANOSECONDS)) {
                kill();
                process.waitFor(10, TimeUnit.SECONDS);
                reader.join(TimeUnit.SECONDS.toMillis(10));
                throw new AssertionError(what + " did not exit within " + time(within) + " and was killed;"
                        + " its output so far:\n" + output());
            }
            reader.join(Math.max(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()), 1000));
            if (reader.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                throw new AssertionError(what + " exited " + process.exitValue() + " but a process it started keeps its"
                        + " output open; its output so far:\n" + output());
            }
            return process.exitValue();
        }

        private static String time(Duration d) {
            return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
        }

        /** Kills the jar and everything it started (SIGKILL). */
        public void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                kill();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
