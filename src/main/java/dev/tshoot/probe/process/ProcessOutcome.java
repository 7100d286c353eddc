package dev.tshoot.probe.process;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What happened when a {@link ProcessSpec} was run. This is evidence in a support case, so every
 * field records what was observed, not what was expected.
 *
 * <p>Invariants (checked on construction): {@code exitCode} is non-null exactly when
 * {@code status == EXITED}; {@code timedOut} implies {@code status == TIMED_OUT}; {@code stdout}
 * and {@code stderr} are never {@code null} (a {@code null} argument becomes {@code ""}).
 *
 * @param argv            the argument vector that was run (or attempted)
 * @param status          how the run ended, see {@link Status}
 * @param exitCode        the exit code when {@code status == EXITED}, else {@code null} (never
 *                        started, or killed before it exited). On POSIX a process that died from
 *                        a signal it did not get from the runner reports {@code 128 + signal}.
 * @param stdout          captured standard output, decoded as UTF-8, at most
 *                        {@link ProcessSpec#maxOutputBytes()} bytes of it
 * @param stderr          captured standard error, same rules as {@code stdout}
 * @param stdoutTruncated {@code true} if stdout produced more than the cap; the excess was read
 *                        and discarded
 * @param stderrTruncated same for stderr
 * @param stdoutValidUtf8 {@code false} if the captured stdout bytes were not valid UTF-8 (each
 *                        malformed sequence then appears as U+FFFD). A multi-byte character cut
 *                        by the cap is dropped rather than counted as invalid.
 * @param stderrValidUtf8 same for stderr
 * @param durationMs      wall-clock milliseconds of the run, measured with {@link System#nanoTime()},
 *                        from just before the start attempt until the outcome was assembled
 * @param timedOut        {@code true} if the spec's timeout expired and the runner killed the tree
 * @param error           human-readable explanation when something went wrong (not found, failed
 *                        to start, timed out, output pipe held open, read failure), else {@code null}.
 *                        A plain non-zero exit code is not an error.
 * @param stdoutPastCap   when stdout was truncated, the text that followed the cap (up to 16 KiB of
 *                        it), else {@code ""}: only for the redactor, so that a secret the cap cuts
 *                        through is recognised whole. Never shown, recorded or seen by a condition.
 * @param stderrPastCap   same for stderr
 */
public record ProcessOutcome(List<String> argv, Status status, Integer exitCode,
                             String stdout, String stderr,
                             boolean stdoutTruncated, boolean stderrTruncated,
                             boolean stdoutValidUtf8, boolean stderrValidUtf8,
                             long durationMs, boolean timedOut, String error,
                             String stdoutPastCap, String stderrPastCap) {

    /** An outcome with nothing kept past the cap. */
    public ProcessOutcome(List<String> argv, Status status, Integer exitCode, String stdout, String stderr,
            boolean stdoutTruncated, boolean stderrTruncated, boolean stdoutValidUtf8, boolean stderrValidUtf8,
            long durationMs, boolean timedOut, String error) {
        this(argv, status, exitCode, stdout, stderr, stdoutTruncated, stderrTruncated, stdoutValidUtf8,
                stderrValidUtf8, durationMs, timedOut, error, "", "");
    }

    /** How a run ended. */
    public enum Status {
        /** The process started and exited by itself; {@code exitCode} holds its code (zero or not). */
        EXITED,
        /**
         * The runner killed the process tree before it exited: normally because the timeout expired
         * ({@code timedOut == true}); also when the calling thread was interrupted
         * ({@code timedOut == false}, {@code error} starts with {@code "interrupted"}).
         */
        TIMED_OUT,
        /** The program does not exist (not on {@code PATH}, or no such file); nothing ran. */
        NOT_FOUND,
        /** The program could not be started for another reason (permissions, bad interpreter, bad working directory...); nothing ran. */
        FAILED_TO_START
    }

    // Validates the invariants and normalises null strings to "".
    public ProcessOutcome {
        argv = List.copyOf(Objects.requireNonNull(argv, "argv"));
        Objects.requireNonNull(status, "status");
        if ((status == Status.EXITED) != (exitCode != null)) {
            throw new IllegalArgumentException("exitCode must be set exactly when status is EXITED (status "
                    + status + ", exitCode " + exitCode + ")");
        }
        if (timedOut && status != Status.TIMED_OUT) {
            throw new IllegalArgumentException("timedOut requires status TIMED_OUT, got " + status);
        }
        if (durationMs < 0) {
            throw new IllegalArgumentException("durationMs must not be negative: " + durationMs);
        }
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
        stdoutPastCap = stdoutPastCap == null || !stdoutTruncated ? "" : stdoutPastCap;
        stderrPastCap = stderrPastCap == null || !stderrTruncated ? "" : stderrPastCap;
    }

    /** A normal exit with complete, valid UTF-8 output. Handy for fakes. */
    public static ProcessOutcome exited(List<String> argv, int exitCode, String stdout, String stderr, long durationMs) {
        return new ProcessOutcome(argv, Status.EXITED, exitCode, stdout, stderr,
                false, false, true, true, durationMs, false, null);
    }

    /** A timeout: the tree was killed; whatever was printed before is kept. */
    public static ProcessOutcome timedOut(List<String> argv, String stdout, String stderr, long durationMs, String error) {
        return new ProcessOutcome(argv, Status.TIMED_OUT, null, stdout, stderr,
                false, false, true, true, durationMs, true, error);
    }

    /** The program was not found; the error uses the runner's wording. */
    public static ProcessOutcome notFound(List<String> argv, long durationMs) {
        String program = argv.isEmpty() ? "" : argv.get(0);
        return notFound(argv, durationMs, "command not found: " + program + " (not on PATH)");
    }

    /** The program was not found, with a specific message. */
    public static ProcessOutcome notFound(List<String> argv, long durationMs, String error) {
        return new ProcessOutcome(argv, Status.NOT_FOUND, null, "", "",
                false, false, true, true, durationMs, false, error);
    }

    /** The program exists (or might) but could not be started. */
    public static ProcessOutcome failedToStart(List<String> argv, long durationMs, String error) {
        return new ProcessOutcome(argv, Status.FAILED_TO_START, null, "", "",
                false, false, true, true, durationMs, false, error);
    }

    /** {@code true} if either stream was truncated at the cap. */
    public boolean truncated() {
        return stdoutTruncated || stderrTruncated;
    }

    /** {@code true} if the process started (status {@code EXITED} or {@code TIMED_OUT}). */
    public boolean started() {
        return status == Status.EXITED || status == Status.TIMED_OUT;
    }

    /** {@code true} if the process exited by itself with code 0. */
    public boolean succeeded() {
        return status == Status.EXITED && exitCode == 0;
    }
}
