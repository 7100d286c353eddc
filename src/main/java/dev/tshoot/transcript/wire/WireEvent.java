package dev.tshoot.transcript.wire;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * An event line of a version-2 transcript, as written: one record per event type, named by its
 * {@link JsonTypeName}, with every property named explicitly. These records are the file format;
 * they are separate from the engine's events and from the playbook model, so that a change to
 * either cannot change the file silently. {@code type}, {@code redactions}, {@code prev} and
 * {@code hash} are the line's envelope, written and checked by {@link WireCodec}.
 */
public sealed interface WireEvent permits WireEvent.NodeEntered, WireEvent.PromptShown, WireEvent.AnswerGiven,
        WireEvent.CheckEvaluated, WireEvent.WentBack, WireEvent.Jumped, WireEvent.Restarted, WireEvent.NoteAdded,
        WireEvent.OutcomeReached, WireEvent.SessionEnded, WireEvent.ProbeRan, WireEvent.CommandRan {

    long seq();

    Instant at();

    <R> R accept(Visitor<R> v);

    /** The {@code type} written to the line. */
    @JsonIgnore
    default String type() {
        return getClass().getAnnotation(JsonTypeName.class).value();
    }

    /** One method per event type: the compiler checks that a mapping handles every one. */
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

    /** A menu option as shown. */
    record Option(
            @JsonProperty(value = "value", required = true) String value,
            @JsonProperty("label") String label) {}

    /** A command shown to the user to copy (tshoot never runs these). */
    record Snippet(
            @JsonProperty(value = "platform", required = true) String platform,
            @JsonProperty(value = "shell", required = true) String shell,
            @JsonProperty(value = "text", required = true) String text,
            @JsonProperty("note") String note) {}

    /** One condition as evaluated; {@code when} absent is the default branch. */
    record Condition(
            @JsonProperty("when") String when,
            @JsonProperty(value = "value", required = true) boolean value,
            @JsonProperty("error") String error) {}

    /** Where the case continues: another playbook, optionally at one of its nodes. */
    record Handover(
            @JsonProperty(value = "playbook", required = true) String playbook,
            @JsonProperty("node") String node) {}

    @JsonTypeName("node-entered")
    record NodeEntered(
            @JsonProperty(value = "seq", required = true) long seq,
            @JsonProperty(value = "at", required = true) Instant at,
            @JsonProperty(value = "node", required = true) String node,
            @JsonProperty(value = "nodeType", required = true) NodeType nodeType,
            @JsonProperty(value = "via", required = true) Via via) implements WireEvent {
        @Override public <R> R accept(Visitor<R> v) { return v.nodeEntered(this); }
    }

    @JsonTypeName("prompt-shown")
    record PromptShown(
            @JsonProperty(value = "seq", required = true) long seq,
            @JsonProperty(value = "at", required = true) Instant at,
            @JsonProperty(value = "node", required = true) String node,
            @JsonProperty(value = "kind", required = true) PromptKind kind,
            @JsonProperty("text") String text,
            @JsonProperty("help") String help,
            @JsonProperty(value = "choices", required = true) List<Option> choices,
            @JsonProperty("instructions") String instructions,
            @JsonProperty(value = "commands", required = true) List<Snippet> commands,
            @JsonProperty(value = "argv", required = true) List<String> argv) implements WireEvent {
        @Override public <R> R accept(Visitor<R> v) { return v.promptShown(this); }
    }

    @JsonTypeName("answer-given")
    record AnswerGiven(
            @JsonProperty(value = "seq", required = true) long seq,
            @JsonProperty(value = "at", required = true) Instant at,
            @JsonProperty(value = "node", required = true) String node,
            @JsonProperty(value = "kind", required = true) AnswerKind kind,
            @JsonProperty(value = "value", required = true) String value,
            @JsonProperty("label") String label,
            @JsonProperty(value = "secret", required = true) boolean secret,
            @JsonProperty("pasted") String pasted) implements WireEvent {
        @Override public <R> R accept(Visitor<R> v) { return v.answerGiven(this); }
    }

    @JsonTypeName("check-evaluated")
    record CheckEvaluated(
            @JsonProperty(value = "seq", required = true) long seq,
            @JsonProperty(value = "at", required = true) Instant at,
            @JsonProperty(value = "node", required = true) String node,
            @JsonProperty(value = "conditions", required = true) List<Condition> conditions,
            @JsonProperty(value = "target", required = true) String target) implements WireEvent {
        @Override public <R> R accept(Visitor<R> v) { return v.checkEvaluated(this); }
    }

    @JsonTypeName("back")
    record WentBack(
            @JsonProperty(value = "seq", required = true) long seq,
            @JsonProperty(value = "at", required = true) Instant at,
            @JsonProperty(value = "from", required = true) String from,
            @JsonProperty(value = "to", required = true) String to) implements WireEvent {
        @Override public <R> R accept(Visitor<R> v) { return v.wentBack(this); }
    }

    @JsonTypeName("goto")
    record Jumped(
            @JsonProperty(value = "seq", required = true) long seq,
            @JsonProperty(value = "at", required = true) Instant at,
            @JsonProperty(value = "from", required = true) String from,
            @JsonProperty(value = "to", required = true) String to) implements WireEvent {
        @Override public <R> R accept(Visitor<R> v) { return v.jumped(this); }
    }

    @JsonTypeName("restart")
    record Restarted(
            @JsonProperty(value = "seq", required = true) long seq,
            @JsonProperty(value = "at", required = true) Instant at,
            @JsonProperty(value = "from", required = true) String from) implements WireEvent {
        @Override public <R> R accept(Visitor<R> v) { return v.restarted(this); }
    }

    @JsonTypeName("note")
    record NoteAdded(
            @JsonProperty(value = "seq", required = true) long seq,
            @JsonProperty(value = "at", required = true) Instant at,
            @JsonProperty(value = "node", required = true) String node,
            @JsonProperty(value = "text", required = true) String text) implements WireEvent {
        @Override public <R> R accept(Visitor<R> v) { return v.noteAdded(this); }
    }

    @JsonTypeName("outcome")
    record OutcomeReached(
            @JsonProperty(value = "seq", required = true) long seq,
            @JsonProperty(value = "at", required = true) Instant at,
            @JsonProperty(value = "node", required = true) String node,
            @JsonProperty(value = "result", required = true) OutcomeResult result,
            @JsonProperty(value = "title", required = true) String title,
            @JsonProperty("message") String message,
            @JsonProperty(value = "references", required = true) List<String> references,
            @JsonProperty("handover") Handover handover) implements WireEvent {
        @Override public <R> R accept(Visitor<R> v) { return v.outcomeReached(this); }
    }

    @JsonTypeName("probe-ran")
    record ProbeRan(
            @JsonProperty(value = "seq", required = true) long seq,
            @JsonProperty(value = "at", required = true) Instant at,
            @JsonProperty(value = "node", required = true) String node,
            @JsonProperty(value = "probe", required = true) String probe,
            @JsonProperty(value = "facts", required = true) Map<String, Object> facts,
            @JsonProperty(value = "unknown", required = true) Map<String, String> unknown,
            @JsonProperty(value = "evidence", required = true) List<Map<String, String>> evidence,
            @JsonProperty(value = "durationMs", required = true) long durationMs,
            @JsonProperty("error") String error) implements WireEvent {
        @Override public <R> R accept(Visitor<R> v) { return v.probeRan(this); }
    }

    @JsonTypeName("command-ran")
    record CommandRan(
            @JsonProperty(value = "seq", required = true) long seq,
            @JsonProperty(value = "at", required = true) Instant at,
            @JsonProperty(value = "node", required = true) String node,
            @JsonProperty(value = "argv", required = true) List<String> argv,
            @JsonProperty(value = "shell", required = true) boolean shell,
            @JsonProperty(value = "mutating", required = true) boolean mutating,
            @JsonProperty(value = "consent", required = true) Consent consent,
            @JsonProperty("register") String register,
            @JsonProperty(value = "status", required = true) CommandStatus status,
            @JsonProperty("exitCode") Integer exitCode,
            @JsonProperty("stdout") String stdout,
            @JsonProperty("stderr") String stderr,
            @JsonProperty(value = "stdoutTruncated", required = true) boolean stdoutTruncated,
            @JsonProperty(value = "stderrTruncated", required = true) boolean stderrTruncated,
            @JsonProperty(value = "stdoutValidUtf8", required = true) boolean stdoutValidUtf8,
            @JsonProperty(value = "stderrValidUtf8", required = true) boolean stderrValidUtf8,
            @JsonProperty(value = "durationMs", required = true) long durationMs,
            @JsonProperty(value = "timedOut", required = true) boolean timedOut,
            @JsonProperty("error") String error) implements WireEvent {
        @Override public <R> R accept(Visitor<R> v) { return v.commandRan(this); }
    }

    @JsonTypeName("session-ended")
    record SessionEnded(
            @JsonProperty(value = "seq", required = true) long seq,
            @JsonProperty(value = "at", required = true) Instant at,
            @JsonProperty(value = "reason", required = true) EndReason reason,
            @JsonProperty("result") OutcomeResult result) implements WireEvent {
        @Override public <R> R accept(Visitor<R> v) { return v.sessionEnded(this); }
    }
}
