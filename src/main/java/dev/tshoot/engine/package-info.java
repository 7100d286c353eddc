/**
 * The session state machine. It takes answers and diagnostic results and emits
 * {@link dev.tshoot.engine.SessionEvent}s (sealed, handled through
 * {@link dev.tshoot.engine.SessionEvent.Visitor}); it knows no terminal, no Spring, no JLine, no oshi and
 * no expression language. Clock and ids are injected.
 *
 * <ul>
 *   <li>{@link dev.tshoot.engine.Session} — state and navigation (answer, back, goto, restart, note, end,
 *       why); {@link dev.tshoot.engine.SessionEngine} starts sessions.</li>
 *   <li>{@link dev.tshoot.engine.NodeStep} picks the step for a node kind through the visitor:
 *       {@link dev.tshoot.engine.QuestionStep}, {@link dev.tshoot.engine.CheckStep},
 *       {@link dev.tshoot.engine.ActionStep}, {@link dev.tshoot.engine.OutcomeStep}; the walk's data is in
 *       {@link dev.tshoot.engine.Walk}.</li>
 *   <li>{@link dev.tshoot.engine.Diagnostics} — the port to probes and commands (implemented in
 *       {@code dev.tshoot.probe}, scripted in {@link dev.tshoot.engine.ScriptedDiagnostics});
 *       {@link dev.tshoot.engine.ConsentPolicy} — what may run without asking, decided with
 *       {@link dev.tshoot.engine.ReadOnlyCommands}, tshoot's own read-only list (never the playbook's word).</li>
 *   <li>{@link dev.tshoot.engine.ScriptedWalk}, {@link dev.tshoot.engine.PlaybookTests},
 *       {@link dev.tshoot.engine.CaseRunner} — walks driven by answers files and test cases.</li>
 * </ul>
 */
package dev.tshoot.engine;
