package dev.tshoot.engine;

import dev.tshoot.playbook.Node;

/** What the walk does at one kind of node: on entering it, and with the user's answer there. */
interface NodeStep {

    /**
     * Called right after the node was entered. Returns the node to go on to at once (a check), or
     * null when the walk now waits: {@link Walk#state} then says for what.
     */
    String enter(Walk w);

    /** Takes the user's answer (stripped) at this node and returns where the walk goes next. */
    Next answer(Walk w, String text) throws SessionException;

    /** What the node accepts as an answer, for messages. */
    String expected();

    /** The node to enter next, and how it is reached ({@code via} of the node-entered event). */
    record Next(String node, String via) {}

    /** The step for a node's kind. */
    static NodeStep of(Node node) {
        return node.accept(KINDS);
    }

    Node.Visitor<NodeStep> KINDS = new Node.Visitor<>() {
        @Override public NodeStep question(Node.Question q) { return new QuestionStep(q); }

        @Override public NodeStep check(Node.Check c) { return new CheckStep(c); }

        @Override public NodeStep action(Node.Action a) { return new ActionStep(a); }

        @Override public NodeStep outcome(Node.Outcome o) { return new OutcomeStep(o); }
    };
}
