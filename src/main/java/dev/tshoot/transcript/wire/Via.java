package dev.tshoot.transcript.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the walk reached a node ({@code via} of {@code node-entered}). */
public enum Via implements WireValue {
    START("start"),
    ANSWER("answer"),
    CHECK("check"),
    ACTION("action"),
    BACK("back"),
    GOTO("goto"),
    RESTART("restart");

    private final String wire;

    Via(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    /** The constant written as {@code name}; an unknown name is refused with the names this version knows. */
    @JsonCreator
    public static Via fromWire(String name) {
        return WireValue.find(values(), name, "way a node was reached");
    }
}
