package dev.tshoot.probe.process;

/**
 * Runs one external command to completion (or until its timeout) and reports what happened.
 *
 * <p>Contract for every implementation:
 * <ul>
 *   <li>{@link #run} never throws for anything the command or the machine does: a missing program,
 *       a failure to start, a timeout, a crash, unreadable output are all reported in the returned
 *       {@link ProcessOutcome}. Only programming errors (e.g. a {@code null} spec) throw.</li>
 *   <li>It blocks the calling thread until the outcome is known, for at most about the spec's
 *       timeout plus a few seconds of clean-up.</li>
 *   <li>It is safe to call from several threads at once.</li>
 * </ul>
 *
 * @see SystemProcessRunner the real implementation
 */
public interface ProcessRunner {

    /**
     * Runs {@code spec} and returns its outcome.
     *
     * @param spec what to run; not {@code null}
     * @return the outcome; never {@code null}
     */
    ProcessOutcome run(ProcessSpec spec);
}
