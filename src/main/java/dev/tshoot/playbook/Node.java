package dev.tshoot.playbook;

import java.util.List;

/** One step of a playbook. Code that acts on the kind of node does so through {@link Visitor}. */
public sealed interface Node permits Node.Question, Node.Check, Node.Action, Node.Outcome {

    String id();

    /** The type name used in YAML and in transcripts. */
    String type();

    /** A one-line text for menus, breadcrumbs and diagrams. */
    String headline();

    /** Node ids this node can lead to, in declaration order. */
    List<String> targets();

    /** Hands this node to the visitor method for its kind. */
    <R> R accept(Visitor<R> v);

    /** One method per node kind; there are no defaults, so a new kind fails to compile until handled. */
    interface Visitor<R> {
        R question(Question q);

        R check(Check c);

        R action(Action a);

        R outcome(Outcome o);
    }

    /**
     * An ordered, guarded transition; a null {@code when} is the default. {@code condition} is
     * {@code when} compiled when the playbook was loaded (null exactly when {@code when} is).
     */
    record Transition(String when, String target, Condition condition) {
        public Transition {
            if ((when == null) != (condition == null)) {
                throw new IllegalArgumentException("a transition has a condition exactly when it has 'when'");
            }
        }

        public boolean isDefault() { return when == null; }
    }

    /** One option of a single-choice question. */
    record Choice(String value, String label, String target) {}

    enum AnswerKind { CHOICE, YESNO, TEXT;
        public String yamlName() { return name().toLowerCase(); }
    }

    enum Result { RESOLVED, UNRESOLVED, ESCALATE;
        public String yamlName() { return name().toLowerCase(); }
    }

    /** Where a case continues: a playbook id and, optionally, the node to start at. */
    record Handover(String playbook, String node) {}

    /** A command shown to the user to copy; tshoot never runs these. */
    record Snippet(String platform, String shell, String text, String note) {}

    /** Asks the user something: a single choice, yes/no, or free text (with an optional pattern). */
    record Question(String id, String prompt, String help, AnswerKind answer, List<Choice> choices, String yes,
            String no, String pattern, List<Transition> next, boolean secret, String paste, List<Snippet> commands)
            implements Node {
        public Question {
            choices = List.copyOf(choices);
            next = List.copyOf(next);
            commands = List.copyOf(commands);
        }

        /** A question whose answer is not a pasted command output, with no commands to show. */
        public Question(String id, String prompt, String help, AnswerKind answer, List<Choice> choices, String yes,
                String no, String pattern, List<Transition> next, boolean secret) {
            this(id, prompt, help, answer, choices, yes, no, pattern, next, secret, null, List.of());
        }

        /**
         * Whether the answer is a command's output pasted by the user ({@code paste}: the register it
         * is kept under, exactly as a check with {@code run} and {@code register} would keep it).
         */
        public boolean pasted() { return paste != null; }

        @Override public String type() { return "question"; }

        @Override public <R> R accept(Visitor<R> v) { return v.question(this); }

        @Override public String headline() { return prompt; }

        @Override public List<String> targets() {
            return switch (answer) {
                case CHOICE -> choices.stream().map(Choice::target).toList();
                case YESNO -> java.util.stream.Stream.of(yes, no).filter(java.util.Objects::nonNull).toList();
                case TEXT -> next.stream().map(Transition::target).toList();
            };
        }
    }

    /**
     * Branches without asking: on answers so far, on a built-in probe's facts ({@code probe}), or on
     * the result of a command ({@code run}, kept under the {@code register} name).
     */
    record Check(String id, String title, String probe, RunSpec run, String register, List<Transition> next)
            implements Node {
        public Check {
            next = List.copyOf(next);
        }

        @Override public String type() { return "check"; }

        @Override public <R> R accept(Visitor<R> v) { return v.check(this); }

        @Override public String headline() { return title != null ? title : "check " + id; }

        @Override public List<String> targets() { return next.stream().map(Transition::target).toList(); }
    }

    /**
     * A command a check runs: an argument list per OS (windows, linux, macos), run without a shell
     * unless {@code shell} is set (then each OS has one command string). An element written
     * {@code {answer:<question-id>}} is replaced by that answer, as one separate argument.
     */
    record RunSpec(java.util.Map<String, List<String>> argv, boolean shell, java.time.Duration timeout,
            long maxOutputBytes, boolean mutating) {
        public static final java.time.Duration DEFAULT_TIMEOUT = java.time.Duration.ofSeconds(30);
        public static final long DEFAULT_MAX_OUTPUT = 1024 * 1024;

        public RunSpec {
            argv = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(argv));
        }

        /** The pattern of an answer placeholder in an argument list. */
        public static final java.util.regex.Pattern ANSWER_ARG = java.util.regex.Pattern.compile("\\{answer:([a-z0-9]+(-[a-z0-9]+)*)\\}");
    }

    /** Instructions for the user; when they confirm, the walk goes on to {@code next}. */
    record Action(String id, String title, String instructions, List<Snippet> commands, List<String> sources,
            String next) implements Node {
        public Action {
            commands = List.copyOf(commands);
            sources = List.copyOf(sources);
        }

        @Override public String type() { return "action"; }

        @Override public <R> R accept(Visitor<R> v) { return v.action(this); }

        @Override public String headline() { return title; }

        @Override public List<String> targets() { return next == null ? List.of() : List.of(next); }
    }

    /**
     * The end of a walk. {@code handover} (optional) names another playbook (and node) where the
     * case continues, so playbooks can pass a case on without repeating each other's content.
     */
    record Outcome(String id, Result result, String title, String message, List<String> references,
            Handover handover) implements Node {
        public Outcome {
            references = List.copyOf(references);
        }

        @Override public String type() { return "outcome"; }

        @Override public <R> R accept(Visitor<R> v) { return v.outcome(this); }

        @Override public String headline() { return title; }

        @Override public List<String> targets() { return List.of(); }
    }
}
