package dev.tshoot.engine;

import java.time.Instant;
import java.util.List;

import dev.tshoot.playbook.Node;

/**
 * What happened in a session, in order. Events are immutable values: the transcript writes them
 * one per line, replay and export read them back. {@code seq} starts at 1 (the transcript header is 0).
 */
public sealed interface SessionEvent permits SessionEvent.NodeEntered, SessionEvent.PromptShown,
        SessionEvent.AnswerGiven, SessionEvent.CheckEvaluated, SessionEvent.WentBack, SessionEvent.Jumped,
        SessionEvent.Restarted, SessionEvent.NoteAdded, SessionEvent.OutcomeReached, SessionEvent.SessionEnded,
        SessionEvent.ProbeRan, SessionEvent.CommandRan {

    long seq();

    Instant at();

    /** The type name written to the transcript. */
    String type();

    /** Hands this event to the visitor method for its kind. */
    <R> R accept(Visitor<R> v);

    /**
     * What followed the output cap of a command's truncated streams, for the redactor only (never
     * written, shown or evaluated); {@link Diagnostics.CommandData.PastCap#NONE} for every other event.
     */
    default Diagnostics.CommandData.PastCap pastCap() { return Diagnostics.CommandData.PastCap.NONE; }

    /** One method per event kind; there are no defaults, so a new kind fails to compile until handled. */
    interface Visitor<R> {
        R nodeEntered(NodeEntered e);

        R promptShown(PromptShown e);

        R answerGiven(AnswerGiven e);

        R checkEvaluated(CheckEvaluated e);

        R wentBack(WentBack e);

        R jumped(Jumped e);

        R restarted(Restarted e);

        R noteAdded(NoteAdded e);

        R outcomeReached(OutcomeReached e);

        R sessionEnded(SessionEnded e);

        R probeRan(ProbeRan e);

        R commandRan(CommandRan e);
    }

    /** The walk arrived at a node. {@code via}: start, answer, check, action, back, goto, restart. */
    record NodeEntered(long seq, Instant at, String node, String nodeType, String via) implements SessionEvent {
        @Override public String type() { return "node-entered"; }

        @Override public <R> R accept(Visitor<R> v) { return v.nodeEntered(this); }
    }

    /** A menu option as shown. */
    record Option(String value, String label) {}

    /**
     * The user was shown a question, an action's instructions, or a request to run a command.
     * {@code kind}: choice, yesno, text, action or consent ({@code argv} is then the exact command).
     */
    record PromptShown(long seq, Instant at, String node, String kind, String text, String help,
            List<Option> choices, String instructions, List<Node.Snippet> commands, List<String> argv)
            implements SessionEvent {
        public PromptShown {
            choices = choices == null ? List.of() : List.copyOf(choices);
            commands = commands == null ? List.of() : List.copyOf(commands);
            argv = argv == null ? List.of() : List.copyOf(argv);
        }

        @Override public String type() { return "prompt-shown"; }

        @Override public <R> R accept(Visitor<R> v) { return v.promptShown(this); }
    }

    /** The user answered. {@code value} is the recorded value (a choice value, yes/no, text or "done"). */
    /**
     * The user answered. {@code pasted}: the register under which a pasted command output was kept
     * (a question with {@code paste}); null for any other answer, and for an empty paste.
     */
    record AnswerGiven(long seq, Instant at, String node, String kind, String value, String label, boolean secret,
            String pasted) implements SessionEvent {
        public AnswerGiven(long seq, Instant at, String node, String kind, String value, String label, boolean secret) {
            this(seq, at, node, kind, value, label, secret, null);
        }

        @Override public String type() { return "answer-given"; }

        @Override public <R> R accept(Visitor<R> v) { return v.answerGiven(this); }
    }

    /** One condition as evaluated; {@code when} null is the default branch. */
    record ConditionResult(String when, boolean value, String error) {}

    /** A node's transitions were evaluated and {@code target} was chosen. */
    record CheckEvaluated(long seq, Instant at, String node, List<ConditionResult> conditions, String target)
            implements SessionEvent {
        public CheckEvaluated {
            conditions = List.copyOf(conditions);
        }

        @Override public String type() { return "check-evaluated"; }

        @Override public <R> R accept(Visitor<R> v) { return v.checkEvaluated(this); }
    }

    /** {@code back}: the answer given at {@code to} is undone (it stays in the record). */
    record WentBack(long seq, Instant at, String from, String to) implements SessionEvent {
        @Override public String type() { return "back"; }

        @Override public <R> R accept(Visitor<R> v) { return v.wentBack(this); }
    }

    /** {@code goto}: a jump chosen by the user, outside the playbook's transitions. */
    record Jumped(long seq, Instant at, String from, String to) implements SessionEvent {
        @Override public String type() { return "goto"; }

        @Override public <R> R accept(Visitor<R> v) { return v.jumped(this); }
    }

    /** {@code restart}: all answers are set aside and the walk begins again at start. */
    record Restarted(long seq, Instant at, String from) implements SessionEvent {
        @Override public String type() { return "restart"; }

        @Override public <R> R accept(Visitor<R> v) { return v.restarted(this); }
    }

    /** A free-text note, attached to the node the user was at. */
    record NoteAdded(long seq, Instant at, String node, String text) implements SessionEvent {
        @Override public String type() { return "note"; }

        @Override public <R> R accept(Visitor<R> v) { return v.noteAdded(this); }
    }

    /** The walk reached an outcome. */
    record OutcomeReached(long seq, Instant at, String node, String result, String title, String message,
            List<String> references, Node.Handover handover) implements SessionEvent {
        public OutcomeReached {
            references = references == null ? List.of() : List.copyOf(references);
        }

        @Override public String type() { return "outcome"; }

        @Override public <R> R accept(Visitor<R> v) { return v.outcomeReached(this); }
    }

    /** A built-in probe ran at a check node: its facts, the reasons for unknown facts, its evidence. */
    record ProbeRan(long seq, Instant at, String node, String probe, java.util.Map<String, Object> facts,
            java.util.Map<String, String> unknown, List<java.util.Map<String, String>> evidence, long durationMs,
            String error) implements SessionEvent {
        @Override public String type() { return "probe-ran"; }

        @Override public <R> R accept(Visitor<R> v) { return v.probeRan(this); }
    }

    /**
     * A command at a check node: the exact argument list, the consent (yes, always, preapproved,
     * no, dry-run, not-needed), and its result, with outputs capped. {@code pastCap} (what followed
     * the cap, for the redactor) is not written: an event read back from a transcript has none.
     */
    record CommandRan(long seq, Instant at, String node, List<String> argv, boolean shell, boolean mutating,
            String consent, String register, String status, Integer exitCode, String stdout, String stderr,
            boolean stdoutTruncated, boolean stderrTruncated, boolean stdoutValidUtf8, boolean stderrValidUtf8,
            long durationMs, boolean timedOut, String error, Diagnostics.CommandData.PastCap pastCap)
            implements SessionEvent {
        public CommandRan {
            argv = argv == null ? List.of() : List.copyOf(argv);
            pastCap = pastCap == null ? Diagnostics.CommandData.PastCap.NONE : pastCap;
        }

        public CommandRan(long seq, Instant at, String node, List<String> argv, boolean shell, boolean mutating,
                String consent, String register, String status, Integer exitCode, String stdout, String stderr,
                boolean stdoutTruncated, boolean stderrTruncated, boolean stdoutValidUtf8, boolean stderrValidUtf8,
                long durationMs, boolean timedOut, String error) {
            this(seq, at, node, argv, shell, mutating, consent, register, status, exitCode, stdout, stderr,
                    stdoutTruncated, stderrTruncated, stdoutValidUtf8, stderrValidUtf8, durationMs, timedOut, error,
                    null);
        }

        @Override public String type() { return "command-ran"; }

        @Override public <R> R accept(Visitor<R> v) { return v.commandRan(this); }
    }

    /** The session was closed. {@code reason}: outcome, user, interrupted. {@code result} may be null. */
    record SessionEnded(long seq, Instant at, String reason, String result) implements SessionEvent {
        @Override public String type() { return "session-ended"; }

        @Override public <R> R accept(Visitor<R> v) { return v.sessionEnded(this); }
    }
}
