/**
 * Runs the external diagnostic commands that playbooks declare ({@code lscpu},
 * {@code systemd-detect-virt}, PowerShell {@code Get-CimInstance ...}) and records what happened.
 *
 * <p>{@link dev.tshoot.probe.process.ProcessSpec} says what to run and under which limits,
 * {@link dev.tshoot.probe.process.ProcessRunner} runs it, and
 * {@link dev.tshoot.probe.process.ProcessOutcome} is the evidence: status, exit code, capped and
 * UTF-8-checked output, duration, timeout and a human-readable error.
 * {@link dev.tshoot.probe.process.SystemProcessRunner} is the real implementation; tests use
 * {@code dev.tshoot.testing.FakeProcessRunner}.
 *
 * <p>This package depends on the JDK only (no Spring, JLine or oshi), so it can be used and tested
 * on its own.
 */
package dev.tshoot.probe.process;
