/**
 * Playbooks: the model, the loader and the validator. The lowest layer: it depends on nothing else of
 * tshoot (only {@code dev.tshoot.text} may be used, as by everyone).
 *
 * <ul>
 *   <li>{@link dev.tshoot.playbook.Node} — the sealed node kinds (question, check, action, outcome), each
 *       handled through {@link dev.tshoot.playbook.Node.Visitor}, so a new kind is a compile error wherever it
 *       is not handled. {@link dev.tshoot.playbook.Nodes} answers single-kind questions.</li>
 *   <li>{@link dev.tshoot.playbook.PlaybookLoader}, {@link dev.tshoot.playbook.LocatedYaml},
 *       {@link dev.tshoot.playbook.PlaybookParser}, {@link dev.tshoot.playbook.PlaybookValidator} — YAML with a
 *       location for every value, every finding at once as {@link dev.tshoot.playbook.Finding}
 *       ({@code file:line:col}, rule, field, message, fix).</li>
 *   <li>{@link dev.tshoot.playbook.Condition} — a transition's {@code when}, compiled once at load time by
 *       {@link dev.tshoot.playbook.Conditions}, the only class that imports the expression language.</li>
 *   <li>{@link dev.tshoot.playbook.OsFamily} — the one OS-family type; {@link dev.tshoot.playbook.Suggest} — the
 *       one "did you mean".</li>
 *   <li>{@link dev.tshoot.playbook.AnswersFile}, {@link dev.tshoot.playbook.CaseFile} — scripted answers and
 *       playbook test cases; {@link dev.tshoot.playbook.SymptomMatcher} — error text to playbook.</li>
 * </ul>
 */
package dev.tshoot.playbook;
