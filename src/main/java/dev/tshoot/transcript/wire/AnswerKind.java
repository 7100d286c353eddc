package dev.tshoot.transcript.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What was answered ({@code kind} of {@code answer-given}): a question of one of three kinds, or an action confirmed done. */
public enum AnswerKind implements WireValue {
    CHOICE("choice"),
    YESNO("yesno"),
    TEXT("text"),
    ACTION("action");

    private final String wire;

    AnswerKind(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    /** The constant written as {@code name}; an unknown name is refused with the names this version knows. */
    @JsonCreator
    public static AnswerKind fromWire(String name) {
        return WireValue.find(values(), name, "answer kind");
    }
}
