package dev.tshoot.transcript.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kind of node the walk entered ({@code nodeType} of {@code node-entered}). */
public enum NodeType implements WireValue {
    QUESTION("question"),
    CHECK("check"),
    ACTION("action"),
    OUTCOME("outcome");

    private final String wire;

    NodeType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    /** The constant written as {@code name}; an unknown name is refused with the names this version knows. */
    @JsonCreator
    public static NodeType fromWire(String name) {
        return WireValue.find(values(), name, "node type");
    }
}
