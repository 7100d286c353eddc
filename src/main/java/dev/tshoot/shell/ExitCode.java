package dev.tshoot.shell;

import java.util.concurrent.atomic.AtomicInteger;


/**
 * The exit status of the last one-shot command (the numbers are {@link dev.tshoot.app.ExitStatus}).
 *
 * <p>Works around Spring Shell 4.0.1: an annotated command's method cannot report an exit status
 * (the executor reports OK whatever the command did), and the non-interactive runner exits 0 even
 * when a command fails (spring-projects/spring-shell#1339, "Exit code is always 0 for
 * non-interactive runner"). Commands that have a meaningful status set it here, and
 * {@link OneShotRunner} exits with it.
 */
public class ExitCode {
    public static final int OK = dev.tshoot.app.ExitStatus.OK;
    public static final int FINDINGS = dev.tshoot.app.ExitStatus.FINDINGS;
    public static final int BAD_INPUT = dev.tshoot.app.ExitStatus.BAD_INPUT;
    public static final int NOT_RESOLVED = dev.tshoot.app.ExitStatus.NOT_RESOLVED;

    private final AtomicInteger code = new AtomicInteger();

    public void set(int value) { code.set(value); }

    /** Keeps the highest status seen, so a later success does not hide an earlier failure. */
    public void raise(int value) { code.accumulateAndGet(value, Math::max); }

    public int get() { return code.get(); }

    public void reset() { code.set(0); }
}
