package dev.tshoot.transcript.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why a session was closed ({@code reason} of {@code session-ended}). */
public enum EndReason implements WireValue {
    OUTCOME("outcome"),
    USER("user"),
    INTERRUPTED("interrupted");

    private final String wire;

    EndReason(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    /** The constant written as {@code name}; an unknown name is refused with the names this version knows. */
    @JsonCreator
    public static EndReason fromWire(String name) {
        return WireValue.find(values(), name, "end reason");
    }
}
