package dev.tshoot.transcript.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What was shown ({@code kind} of {@code prompt-shown}): a question of one of three kinds, an action's instructions, or a request to run a command. */
public enum PromptKind implements WireValue {
    CHOICE("choice"),
    YESNO("yesno"),
    TEXT("text"),
    ACTION("action"),
    CONSENT("consent");

    private final String wire;

    PromptKind(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    /** The constant written as {@code name}; an unknown name is refused with the names this version knows. */
    @JsonCreator
    public static PromptKind fromWire(String name) {
        return WireValue.find(values(), name, "prompt kind");
    }
}
