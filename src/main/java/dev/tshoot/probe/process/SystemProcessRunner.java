package dev.tshoot.probe.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tshoot.playbook.OsFamily;
import dev.tshoot.probe.process.ProcessOutcome.Status;

/**
 * The real {@link ProcessRunner}: starts the program with {@link ProcessBuilder} and reports what
 * it did. Built to run on broken machines, where commands hang, flood their output, print garbage,
 * leave background processes behind or do not exist at all.
 *
 * <h2>Behaviour</h2>
 * <ul>
 *   <li><b>No shell.</b> {@code argv} is executed directly; a shell runs only if {@code argv}
 *       names one ({@code sh -c ...}). Standard input is the null device (closed/empty), so a
 *       command that reads stdin sees end of file instead of hanging.</li>
 *   <li><b>Environment.</b> The inherited environment plus {@link ProcessSpec#extraEnv()}. On Linux
 *       one more variable, {@value ProcessTree#TOKEN_ENV}, carries a random per-run token used to
 *       find descendants that were re-parented, so they can be killed.</li>
 *   <li><b>Output.</b> stdout and stderr are drained concurrently by two daemon threads, so a
 *       process filling either pipe never blocks. Each stream keeps its first
 *       {@link ProcessSpec#maxOutputBytes()} bytes; the rest is read and discarded and the stream
 *       is marked truncated. Memory per stream is bounded by the cap. Bytes are decoded as UTF-8;
 *       malformed sequences become U+FFFD and mark the stream not valid UTF-8; a multi-byte
 *       character cut by the cap is dropped whole.</li>
 *   <li><b>Timeout.</b> When {@link ProcessSpec#timeout()} expires, the process tree is killed:
 *       descendants are snapshotted first (and periodically while the command runs), the process
 *       and its descendants get a polite termination signal, whatever still runs after the kill
 *       grace (500 ms) is killed forcibly, and descendants that show up afterwards are killed too.
 *       Result: {@link Status#TIMED_OUT}, {@code timedOut=true}, {@code exitCode=null}, and the
 *       output printed before the kill.</li>
 *   <li><b>Pipes held open.</b> If the process exits but a background descendant keeps its stdout
 *       or stderr open, the runner keeps reading (so the descendant's output is captured, within
 *       the cap) at most until the timeout deadline plus the drain grace (1 s), then kills the
 *       remaining descendants and returns what was read, with {@code error} saying so. The exit
 *       code is still recorded. Background processes that do not hold the pipes (daemons that
 *       redirected their output) are left alone: a playbook step may start a service on purpose.
 *       <br>JDK limitation: on POSIX the JDK closes the parent's end of the pipes when the direct
 *       child exits unless a reader is inside them at that moment. The reader threads are started
 *       before the process so they are practically always there first, but a command that exits
 *       within about a millisecond of starting can win that race; output its background
 *       descendants write <em>after</em> it exited is then lost (output written before the exit is
 *       never lost) and those descendants are not killed.</li>
 *   <li><b>Start failures.</b> A program that does not exist yields {@link Status#NOT_FOUND}
 *       ({@code "command not found: foo (not on PATH)"}); any other failure to start (permission
 *       denied, missing script interpreter, bad working directory...) yields
 *       {@link Status#FAILED_TO_START} with the system's message. Neither throws.</li>
 *   <li><b>Interruption.</b> If the calling thread is interrupted while waiting, the tree is killed,
 *       the outcome is {@link Status#TIMED_OUT} with {@code timedOut=false} and an {@code error}
 *       starting with {@code "interrupted"}, and the thread's interrupt flag is set again.</li>
 * </ul>
 *
 * <p>Thread-safe and stateless: one instance can serve many concurrent runs. Uses only the JDK (and {@link OsFamily}).
 */
public final class SystemProcessRunner implements ProcessRunner {

    /** How long a process gets between the polite termination signal and the forcible kill. */
    public static final Duration DEFAULT_KILL_GRACE = Duration.ofMillis(500);

    /** Extra time, beyond the timeout deadline, to wait for the output pipes to close. */
    public static final Duration DEFAULT_DRAIN_GRACE = Duration.ofSeconds(1);

    private static final boolean WINDOWS = OsFamily.current() == OsFamily.WINDOWS;
    private static final File NULL_FILE = new File(WINDOWS ? "NUL" : "/dev/null");
    /** First and largest interval between descendant snapshots while waiting for the process. */
    private static final long FIRST_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(25);
    private static final long MAX_POLL_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** "error=2, No such file or directory" (POSIX) / "CreateProcess error=2, ..." (Windows). */
    private static final Pattern ERRNO = Pattern.compile("error=(\\d+),");

    private final long killGraceNanos;
    private final long drainGraceNanos;

    /** A runner with the default grace periods (kill: 500 ms, drain: 1 s). */
    public SystemProcessRunner() {
        this(DEFAULT_KILL_GRACE, DEFAULT_DRAIN_GRACE);
    }

    /**
     * A runner with custom grace periods.
     *
     * @param killGrace  time between the polite termination signal and the forcible kill
     * @param drainGrace time, beyond the timeout deadline, to wait for output pipes to close after
     *                   the process exited (and, after a kill, for the last output to arrive)
     */
    public SystemProcessRunner(Duration killGrace, Duration drainGrace) {
        this.killGraceNanos = nonNegativeNanos(killGrace, "killGrace");
        this.drainGraceNanos = nonNegativeNanos(drainGrace, "drainGrace");
    }

    @Override
    public ProcessOutcome run(ProcessSpec spec) {
        Objects.requireNonNull(spec, "spec");
        long t0 = System.nanoTime();
        List<String> argv = spec.argv();

        Path workDir = spec.workDir();
        if (workDir != null && !Files.isDirectory(workDir)) {
            return ProcessOutcome.failedToStart(argv, millisSince(t0),
                    "cannot run " + argv.get(0) + ": working directory does not exist or is not a directory: " + workDir);
        }

        // Reader threads first, so they are already running when the process starts (see StreamCapture).
        StreamCapture out = new StreamCapture(spec.maxOutputBytes());
        StreamCapture err = new StreamCapture(spec.maxOutputBytes());
        try {
            out.startThread("tshoot-proc-stdout");
            err.startThread("tshoot-proc-stderr");
        } catch (RuntimeException | Error e) { // e.g. "unable to create native thread" on a starved machine
            out.abandon();
            err.abandon();
            return ProcessOutcome.failedToStart(argv, millisSince(t0),
                    "cannot run " + argv.get(0) + ": could not start an output reader thread: " + e);
        }

        String token = ProcessTree.newToken();
        Subreaper.active(); // become the subreaper before the first process starts, not after
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(NULL_FILE));
            if (workDir != null) {
                builder.directory(workDir.toFile());
            }
            Map<String, String> env = builder.environment();
            env.putAll(spec.extraEnv());
            if (token != null) {
                env.put(ProcessTree.TOKEN_ENV, token);
            }
            process = builder.start();
        } catch (IOException e) {
            out.abandon();
            err.abandon();
            return startFailure(spec, e, millisSince(t0));
        } catch (RuntimeException e) {
            out.abandon();
            err.abandon();
            return ProcessOutcome.failedToStart(argv, millisSince(t0), "cannot run " + argv.get(0) + ": " + e);
        }
        out.attach(process.getInputStream(), "tshoot-proc-" + process.pid() + "-stdout");
        err.attach(process.getErrorStream(), "tshoot-proc-" + process.pid() + "-stderr");

        ProcessTree tree = new ProcessTree(process.toHandle(), token);
        Subreaper.started(process.pid());
        try {
            return supervise(spec, process, tree, out, err, t0);
        } catch (RuntimeException | Error e) {
            // A bug or a starved JVM: never leave the tree running behind an exception.
            tree.kill(true, killGraceNanos);
            throw e;
        } finally {
            Subreaper.finished(process.pid());
        }
    }

    private ProcessOutcome supervise(ProcessSpec spec, Process process, ProcessTree tree,
                                     StreamCapture out, StreamCapture err, long t0) {
        long deadline = t0 + saturatedNanos(spec.timeout());
        List<String> notes = new ArrayList<>();
        boolean interrupted = false;
        boolean exited;
        try {
            exited = waitForExit(process, tree, deadline);
        } catch (InterruptedException e) {
            interrupted = true;
            exited = false;
        }

        Status status;
        Integer exitCode = null;
        boolean timedOut = false;
        if (exited) {
            status = Status.EXITED;
            exitCode = process.exitValue();
            long now = System.nanoTime();
            long drainDeadline = (deadline - now > 0 ? deadline : now) + drainGraceNanos; // remaining timeout + grace
            boolean drained;
            try {
                drained = awaitBoth(out, err, drainDeadline);
            } catch (InterruptedException e) {
                interrupted = true;
                drained = false;
            }
            if (!drained) {
                long heldMs = millisSince(t0);
                int killed = tree.kill(false, killGraceNanos);
                boolean nowDrained = awaitQuietly(out, err, System.nanoTime() + drainGraceNanos, tree);
                notes.add("exited with code " + exitCode + " but its output stayed open (held by a background process)"
                        + (interrupted ? " when the run was interrupted" : " until " + heldMs + " ms")
                        + "; killed " + killed + " leftover process(es)"
                        + (nowDrained ? "" : "; output may be incomplete"));
            }
        } else {
            status = Status.TIMED_OUT;
            timedOut = !interrupted;
            long elapsedMs = millisSince(t0);
            int killed = tree.kill(true, killGraceNanos);
            boolean rootGone = waitQuietly(process, killGraceNanos, tree);
            boolean drained = awaitQuietly(out, err, System.nanoTime() + drainGraceNanos, tree);
            notes.add((interrupted ? "interrupted after " + elapsedMs + " ms" : "timed out after " + format(spec.timeout()))
                    + "; killed the process tree (" + killed + " process(es))");
            if (!rootGone) {
                notes.add("process " + process.pid() + " still alive after being killed (stuck in the kernel?)");
            }
            if (!drained) {
                notes.add("output still open after the kill; output may be incomplete");
            }
        }
        interrupted |= tree.wasInterrupted();

        StreamCapture.Snapshot o = out.snapshot();
        StreamCapture.Snapshot e = err.snapshot();
        if (o.failure() != null) {
            notes.add("reading stdout failed: " + o.failure().getMessage());
        }
        if (e.failure() != null) {
            notes.add("reading stderr failed: " + e.failure().getMessage());
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new ProcessOutcome(spec.argv(), status, exitCode, o.text(), e.text(),
                o.truncated(), e.truncated(), o.validUtf8(), e.validUtf8(),
                millisSince(t0), timedOut, notes.isEmpty() ? null : String.join("; ", notes), o.pastCap(), e.pastCap());
    }

    /**
     * Waits for the process to exit until {@code deadline}, snapshotting its descendants at growing
     * intervals meanwhile (the snapshots find children that a dying parent would orphan).
     */
    private static boolean waitForExit(Process process, ProcessTree tree, long deadline) throws InterruptedException {
        long poll = FIRST_POLL_NANOS;
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return !process.isAlive();
            }
            if (process.waitFor(Math.min(poll, remaining), TimeUnit.NANOSECONDS)) {
                return true;
            }
            tree.remember();
            poll = Math.min(poll * 2, MAX_POLL_NANOS);
        }
    }

    private static boolean awaitBoth(StreamCapture out, StreamCapture err, long deadline) throws InterruptedException {
        return out.await(deadline - System.nanoTime()) && err.await(deadline - System.nanoTime());
    }

    /** Like {@link #awaitBoth} but, when interrupted, records it on the tree and stops waiting. */
    private static boolean awaitQuietly(StreamCapture out, StreamCapture err, long deadline, ProcessTree tree) {
        try {
            return awaitBoth(out, err, deadline);
        } catch (InterruptedException e) {
            tree.markInterrupted();
            return out.finished() && err.finished();
        }
    }

    private static boolean waitQuietly(Process process, long nanos, ProcessTree tree) {
        try {
            return process.waitFor(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            tree.markInterrupted();
            return !process.isAlive();
        }
    }

    /** Turns a {@link ProcessBuilder#start()} failure into NOT_FOUND or FAILED_TO_START. */
    static ProcessOutcome startFailure(ProcessSpec spec, IOException e, long durationMs) {
        List<String> argv = spec.argv();
        String program = argv.get(0);
        String reason = e.getCause() != null && e.getCause().getMessage() != null
                ? e.getCause().getMessage() : String.valueOf(e.getMessage());
        Matcher m = ERRNO.matcher(reason);
        int errno = m.find() ? Integer.parseInt(m.group(1)) : -1;
        boolean noSuchFile = errno == 2 || (WINDOWS && errno == 3);
        if (noSuchFile) {
            if (!hasSeparator(program)) {
                Path found = findOnPath(program);
                if (found == null) {
                    return ProcessOutcome.notFound(argv, durationMs, "command not found: " + program + " (not on PATH)");
                }
                return ProcessOutcome.failedToStart(argv, durationMs, "cannot run " + program + ": found " + found
                        + " but starting it failed (" + reason + "): missing script interpreter or dynamic loader?");
            }
            Path path = resolve(program, spec.workDir());
            if (path == null || !Files.exists(path)) {
                return ProcessOutcome.notFound(argv, durationMs, "command not found: " + program + " (no such file)");
            }
            return ProcessOutcome.failedToStart(argv, durationMs, "cannot run " + program
                    + ": the file exists but starting it failed (" + reason + "): missing script interpreter or dynamic loader?");
        }
        return ProcessOutcome.failedToStart(argv, durationMs, "cannot run " + program + ": " + reason);
    }

    private static boolean hasSeparator(String program) {
        return program.indexOf('/') >= 0 || (WINDOWS && program.indexOf('\\') >= 0);
    }

    private static Path resolve(String program, Path workDir) {
        try {
            Path p = Paths.get(program);
            return p.isAbsolute() || workDir == null ? p : workDir.resolve(p);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** The first regular file called {@code program} on this JVM's {@code PATH} (the one the JDK searches), or null. */
    private static Path findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        List<String> suffixes = new ArrayList<>();
        suffixes.add("");
        if (WINDOWS) {
            String pathext = System.getenv("PATHEXT");
            for (String ext : (pathext == null ? ".COM;.EXE;.BAT;.CMD" : pathext).split(";")) {
                if (!ext.isEmpty()) {
                    suffixes.add(ext);
                }
            }
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String suffix : suffixes) {
                try {
                    Path candidate = Paths.get(dir, program + suffix);
                    if (Files.isRegularFile(candidate)) {
                        return candidate;
                    }
                } catch (InvalidPathException ignored) {
                    // odd PATH entry
                }
            }
        }
        return null;
    }

    private static long millisSince(long t0) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    private static long saturatedNanos(Duration d) {
        try {
            return Math.min(d.toNanos(), Long.MAX_VALUE / 4); // keep deadline arithmetic far from overflow
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }

    private static long nonNegativeNanos(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + d);
        }
        return saturatedNanos(d);
    }

    private static String format(Duration d) {
        try {
            long ms = d.toMillis();
            return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
        } catch (ArithmeticException e) {
            return d.toString();
        }
    }
}
