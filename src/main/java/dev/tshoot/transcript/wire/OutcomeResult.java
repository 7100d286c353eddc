package dev.tshoot.transcript.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How an outcome closes the case ({@code result} of {@code outcome} and {@code session-ended}). */
public enum OutcomeResult implements WireValue {
    RESOLVED("resolved"),
    UNRESOLVED("unresolved"),
    ESCALATE("escalate");

    private final String wire;

    OutcomeResult(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    /** The constant written as {@code name}; an unknown name is refused with the names this version knows. */
    @JsonCreator
    public static OutcomeResult fromWire(String name) {
        return WireValue.find(values(), name, "outcome result");
    }
}
