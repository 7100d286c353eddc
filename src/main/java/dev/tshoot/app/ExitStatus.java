package dev.tshoot.app;

/** The exit statuses of tshoot's commands (the same numbers the README documents). */
public final class ExitStatus {
    /** Done: clean, resolved, intact, written. */
    public static final int OK = 0;
    /** Done, and something was found: lint findings, a diverged replay, a broken chain, no match. */
    public static final int FINDINGS = 1;
    /** The input cannot be used: unknown playbook, unreadable file, missing argument. */
    public static final int BAD_INPUT = 2;
    /** A walk ended at an unresolved or escalate outcome. */
    public static final int NOT_RESOLVED = 3;
    /** {@code replay --verify}: the transcript's hash chain is broken, so its events cannot be trusted. */
    public static final int TAMPERED = dev.tshoot.transcript.ReplayVerifier.TAMPERED;

    /** A one-shot {@code run} whose transcript could not be written whole to its folder. */
    public static final int NOT_RECORDED = 5;

    private ExitStatus() {}
}
