package dev.tshoot.testing;

import java.nio.charset.StandardCharsets;

/**
 * Writes large valid playbooks for measurements and scale tests: a chain of segments of eleven nodes
 * each, with every kind of node and transition (choice, yes/no and text questions, command checks
 * that register their result and later checks that read it, probe checks, actions with sources,
 * outcomes). Segment {@code k} falls through to segment {@code k+1}, so every node is reachable
 * and every register is set by a check that runs before the condition that reads it.
 */
public final class PlaybookGenerator {

    /** Nodes per segment. */
    public static final int SEGMENT = 11;

    private PlaybookGenerator() {}

    /** A playbook with {@code nodes} nodes (rounded up to a multiple of eleven, plus one final outcome). */
    public static byte[] generate(String id, int nodes) {
        int segments = Math.max(1, (nodes + SEGMENT - 1) / SEGMENT);
        StringBuilder y = new StringBuilder(segments * 1800);
        y.append("apiVersion: tshoot/v1\nkind: Playbook\nmetadata:\n  id: ").append(id)
                .append("\n  version: 1.0.0\n  title: Generated playbook of ").append(segments * SEGMENT + 1)
                .append(" nodes\n  description: Generated for measurements.\n  sources: [https://example.org/generated]\n")
                .append("start: ask-0\nnodes:\n");
        for (int k = 0; k < segments; k++) {
            String next = k + 1 < segments ? "ask-" + (k + 1) : "escalate-all";
            y.append("  ask-").append(k).append(":\n")
                    .append("    type: question\n")
                    .append("    prompt: \"Step ").append(k).append(": which symptom do you see?\"\n")
                    .append("    help: Pick the closest one.\n")
                    .append("    answer: choice\n")
                    .append("    choices:\n")
                    .append("      - {value: a, label: \"Symptom A\", goto: run-").append(k).append("}\n")
                    .append("      - {value: b, label: \"Symptom B\", goto: fix-").append(k).append("}\n")
                    .append("      - {value: c, label: \"Symptom C\", goto: ok-").append(k).append("}\n")
                    .append("      - {value: d, label: \"None of these\", goto: ").append(next).append("}\n");
            y.append("  run-").append(k).append(":\n")
                    .append("    type: check\n")
                    .append("    title: Run the tool for step ").append(k).append('\n')
                    .append("    run:\n")
                    .append("      linux: [tool, --step, \"").append(k).append("\"]\n")
                    .append("      windows: [tool.exe, /step, \"").append(k).append("\"]\n")
                    .append("      timeout: 5s\n")
                    .append("    register: r").append(k).append('\n')
                    .append("    next:\n")
                    .append("      - when: \"r").append(k).append(".status == 'exited' and r").append(k)
                    .append(".exitCode == 0\"\n        goto: probe-").append(k).append('\n')
                    .append("      - goto: fix-").append(k).append('\n');
            y.append("  probe-").append(k).append(":\n")
                    .append("    type: check\n")
                    .append("    title: Read the CPU\n")
                    .append("    probe: cpu\n")
                    .append("    next:\n")
                    .append("      - when: \"facts['cpu'] != null\"\n        goto: yn-").append(k).append('\n')
                    .append("      - goto: yn-").append(k).append('\n');
            y.append("  yn-").append(k).append(":\n")
                    .append("    type: question\n")
                    .append("    prompt: \"Did step ").append(k).append(" print OK?\"\n")
                    .append("    answer: yesno\n")
                    .append("    yes: text-").append(k).append('\n')
                    .append("    no: fix-").append(k).append('\n');
            y.append("  text-").append(k).append(":\n")
                    .append("    type: question\n")
                    .append("    prompt: \"Type the code step ").append(k).append(" printed\"\n")
                    .append("    answer: text\n")
                    .append("    pattern: \"[A-Z]{2}[0-9]{1,4}\"\n")
                    .append("    next:\n")
                    .append("      - when: \"answer == 'OK0'\"\n        goto: ok-").append(k).append('\n')
                    .append("      - goto: decide-").append(k).append('\n');
            y.append("  decide-").append(k).append(":\n")
                    .append("    type: check\n")
                    .append("    title: Decide on the tool's output\n")
                    .append("    next:\n")
                    .append("      - when: \"r").append(k).append(".exitCode == 1 and answers['ask-").append(k)
                    .append("'] == 'a'\"\n        goto: fix-").append(k).append('\n')
                    .append("      - goto: verify-").append(k).append('\n');
            y.append("  fix-").append(k).append(":\n")
                    .append("    type: action\n")
                    .append("    title: Apply fix ").append(k).append('\n')
                    .append("    instructions: |\n      Open the settings and turn option ").append(k).append(" on.\n")
                    .append("      Then restart the service.\n")
                    .append("    sources: [https://example.org/fix/").append(k).append("]\n")
                    .append("    next: verify-").append(k).append('\n');
            y.append("  verify-").append(k).append(":\n")
                    .append("    type: question\n")
                    .append("    prompt: \"Does it work now (step ").append(k).append(")?\"\n")
                    .append("    answer: yesno\n")
                    .append("    yes: ok-").append(k).append('\n')
                    .append("    no: giveup-").append(k).append('\n');
            y.append("  giveup-").append(k).append(":\n")
                    .append("    type: question\n")
                    .append("    prompt: \"Try the next step?\"\n")
                    .append("    answer: yesno\n")
                    .append("    yes: ").append(next).append('\n')
                    .append("    no: stuck-").append(k).append('\n');
            y.append("  ok-").append(k).append(":\n")
                    .append("    type: outcome\n")
                    .append("    result: resolved\n")
                    .append("    title: Fixed at step ").append(k).append('\n')
                    .append("    message: The fix of step ").append(k).append(" worked.\n");
            y.append("  stuck-").append(k).append(":\n")
                    .append("    type: outcome\n")
                    .append("    result: unresolved\n")
                    .append("    title: Stuck at step ").append(k).append('\n')
                    .append("    message: Collect the logs and ask for help.\n");
        }
        y.append("  escalate-all:\n    type: outcome\n    result: escalate\n    title: Nothing helped\n")
                .append("    message: Escalate with this transcript.\n");
        return y.toString().getBytes(StandardCharsets.UTF_8);
    }
}
