package dev.tshoot.playbook;

/**
 * The kind of a node, for code that only asks "is this a question?". Code that does something
 * different per kind uses {@link Node.Visitor} instead, so that a new kind is handled everywhere.
 */
public enum NodeKind {
    QUESTION, CHECK, ACTION, OUTCOME;

    /** The kind of {@code node}; null for null (a node id the playbook does not have). */
    public static NodeKind of(Node node) {
        return node == null ? null : node.accept(KIND);
    }

    private static final Node.Visitor<NodeKind> KIND = new Node.Visitor<>() {
        @Override public NodeKind question(Node.Question q) { return QUESTION; }

        @Override public NodeKind check(Node.Check c) { return CHECK; }

        @Override public NodeKind action(Node.Action a) { return ACTION; }

        @Override public NodeKind outcome(Node.Outcome o) { return OUTCOME; }
    };
}
