package dev.tshoot.playbook;

/**
 * Questions about a node's kind, for code that only needs one kind ("is this a question?", "the
 * outcome, if it is one"). Each answer here lists every kind, so a new kind of node fails to compile
 * here until it is decided. Code that does something different per kind implements
 * {@link Node.Visitor} itself.
 */
public final class Nodes {

    private Nodes() {}

    /**
     * The kinds of node, with the {@code type} names playbooks use. The parser switches over these
     * exhaustively, so a new kind here fails to compile there until it is parsed.
     */
    public enum Kind {
        QUESTION, CHECK, ACTION, OUTCOME;

        /** The name in YAML and in transcripts. */
        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The kind a playbook's {@code type} names, or null. */
        public static Kind fromYaml(String type) {
            for (Kind k : values()) {
                if (k.yamlName().equals(type)) {
                    return k;
                }
            }
            return null;
        }

        /** Every {@code type} name, in declaration order. */
        public static java.util.List<String> yamlNames() {
            return java.util.Arrays.stream(values()).map(Kind::yamlName).toList();
        }
    }

    /** The kind of {@code node}; null for null (a node id the playbook does not have). */
    public static Kind kind(Node node) {
        return node == null ? null : node.accept(KIND);
    }

    /** The node when it is a question, else null. */
    public static Node.Question question(Node node) {
        return node == null ? null : node.accept(QUESTION);
    }

    /** The node when it is an outcome, else null. */
    public static Node.Outcome outcome(Node node) {
        return node == null ? null : node.accept(OUTCOME);
    }

    /**
     * Why {@code node} cannot be answered (from an answers file or at the prompt); null for the kinds
     * that take an answer (questions, and actions, which take "done").
     */
    public static String whyNoAnswer(Node node) {
        return node == null ? null : node.accept(NO_ANSWER);
    }

    private static final Node.Visitor<String> NO_ANSWER = new Node.Visitor<>() {
        @Override public String question(Node.Question q) { return null; }

        @Override public String check(Node.Check c) {
            return "'" + c.id() + "' is a " + c.type() + "; it takes no answer"
                    + " (commands are approved with --yes or --yes-mutating, not in the answers file)";
        }

        @Override public String action(Node.Action a) { return null; }

        @Override public String outcome(Node.Outcome o) { return "'" + o.id() + "' is a " + o.type() + "; it takes no answer"; }
    };

    private static final Node.Visitor<Kind> KIND = new Node.Visitor<>() {
        @Override public Kind question(Node.Question q) { return Kind.QUESTION; }

        @Override public Kind check(Node.Check c) { return Kind.CHECK; }

        @Override public Kind action(Node.Action a) { return Kind.ACTION; }

        @Override public Kind outcome(Node.Outcome o) { return Kind.OUTCOME; }
    };

    private static final Node.Visitor<Node.Question> QUESTION = new Node.Visitor<>() {
        @Override public Node.Question question(Node.Question q) { return q; }

        @Override public Node.Question check(Node.Check c) { return null; }

        @Override public Node.Question action(Node.Action a) { return null; }

        @Override public Node.Question outcome(Node.Outcome o) { return null; }
    };

    private static final Node.Visitor<Node.Outcome> OUTCOME = new Node.Visitor<>() {
        @Override public Node.Outcome question(Node.Question q) { return null; }

        @Override public Node.Outcome check(Node.Check c) { return null; }

        @Override public Node.Outcome action(Node.Action a) { return null; }

        @Override public Node.Outcome outcome(Node.Outcome o) { return o; }
    };
}
