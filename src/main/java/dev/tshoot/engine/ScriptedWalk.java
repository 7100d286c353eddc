package dev.tshoot.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tshoot.playbook.Node;
import dev.tshoot.playbook.Nodes;
import dev.tshoot.text.Words;

/**
 * Walks a session without prompts, answering from a script: node id to one answer, or to a list
 * of answers used in turn when the walk comes back to the node (for example a verification asked
 * twice). Actions without a scripted answer are confirmed as done.
 */
public final class ScriptedWalk {

    /** How the walk ended: at an outcome, or stopped at {@code node} for {@code problem}. */
    public record Result(Node.Outcome outcome, String node, String problem) {
        public boolean completed() { return outcome != null; }
    }

    private ScriptedWalk() {}

    public static Result walk(Session session, Map<String, List<String>> script) {
        Map<String, Deque<String>> left = new LinkedHashMap<>();
        script.forEach((k, v) -> left.put(k, new ArrayDeque<>(v)));
        Map<String, Integer> actionVisits = new HashMap<>();
        while (true) {
            Session.State st = session.state();
            Node node = session.current();
            if (st == Session.State.AT_OUTCOME) {
                return new Result(session.outcome(), node.id(), null);
            }
            if (st == Session.State.ENDED) {
                return new Result(null, node.id(), "the session ended before reaching an outcome");
            }
            Deque<String> answers = left.get(node.id());
            String answer;
            if (st == Session.State.WAITING_FOR_CONSENT) {
                // consent comes from the command line only, never from an answers file
                Diagnostics.CommandRequest req = session.pendingCommand();
                return new Result(null, node.id(), "the command at '" + node.id() + "' needs consent before it runs: "
                        + Words.argv(req.shown()) + (req.readOnly() ? " (" + (req.verdict().declared() ? req.verdict().reason() : "on tshoot's read-only list") + ")"
                                : req.mutating() ? " (it CHANGES the system)" : " (" + req.verdict().reason() + ")")
                        + ". Pass " + (req.readOnly() ? "--yes" : "--yes-mutating") + " to approve it, or --dry-run to run nothing.");
            }
            if (answers != null) {
                if (answers.isEmpty()) {
                    return loop(node);
                }
                answer = answers.poll();
            } else if (Nodes.kind(node) == Nodes.Kind.ACTION) {
                if (actionVisits.merge(node.id(), 1, Integer::sum) > 100) {
                    return loop(node);
                }
                answer = "done";
            } else {
                return new Result(null, node.id(), "the answers file does not answer node '" + node.id() + "' (\""
                        + node.headline() + "\"). Add '" + node.id() + ": <answer>' where the answer is " + expected(node)
                        + ".");
            }
            try {
                session.answer(answer);
            } catch (SessionException e) {
                return new Result(null, node.id(), "the answer for '" + node.id() + "' does not fit: " + e.getMessage());
            }
        }
    }

    private static Result loop(Node node) {
        return new Result(null, node.id(), "the walk came back to '" + node.id() + "' and the answers file has no further"
                + " answer for it. Give a list of answers to use in turn, e.g. '" + node.id() + ": [no, yes]'.");
    }

    /** What a node accepts, for messages. */
    public static String expected(Node node) {
        return NodeStep.of(node).expected();
    }
}
