package dev.tshoot.shell;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * The exit status of the last one-shot command. Spring Shell 4.0.1 annotated commands always
 * report OK, so commands that have a meaningful status set it here and the runner exits with it.
 */
@Component
public class ExitCode {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int BAD_INPUT = 2;
    public static final int NOT_RESOLVED = 3;

    private final AtomicInteger code = new AtomicInteger();

    public void set(int value) { code.set(value); }

    /** Keeps the highest status seen, so a later success does not hide an earlier failure. */
    public void raise(int value) { code.accumulateAndGet(value, Math::max); }

    public int get() { return code.get(); }

    public void reset() { code.set(0); }
}
