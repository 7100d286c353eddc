/**
 * Built-in probes: read-only questions to the host that need no user input.
 *
 * <ul>
 *   <li>{@link dev.tshoot.probe.Probe} — name, description, declared fact names, {@code run(HostReader)},
 *       optional {@code verdicts(ProbeResult)} for the {@code diag} summary.</li>
 *   <li>{@link dev.tshoot.probe.ProbeResult} — plain-JSON facts, {@code "unknown"} facts with reasons,
 *       {@link dev.tshoot.probe.Evidence}, duration.</li>
 *   <li>{@link dev.tshoot.probe.ProbeRegistry} — list, look-up with "did you mean", safe running via
 *       {@link dev.tshoot.probe.ProbeRunner} (exceptions become unknown facts).</li>
 *   <li>{@link dev.tshoot.probe.HostReader} — every host access goes through it; the real implementation is
 *       {@code dev.tshoot.probe.oshi.OshiHostReader}, tests use recorded fixtures.</li>
 *   <li>{@link dev.tshoot.probe.ProbeJson} — JSON rendering that is valid even on failure.</li>
 *   <li>{@link dev.tshoot.probe.HostDiagnostics} — the engine's {@code Diagnostics} on a host: probes from a
 *       registry over a host reader, commands through a {@link dev.tshoot.probe.process.ProcessRunner}; its
 *       collaborators come in through the constructor (the shell wires the real ones).</li>
 * </ul>
 *
 * The OS family is {@link dev.tshoot.playbook.OsFamily}. Nothing here imports oshi, Spring or JLine.
 */
package dev.tshoot.probe;
