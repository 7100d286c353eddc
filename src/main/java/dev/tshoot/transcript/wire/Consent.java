package dev.tshoot.transcript.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether and how a command was allowed to run ({@code consent} of {@code command-ran}). */
public enum Consent implements WireValue {
    YES("yes"),
    ALWAYS("always"),
    PREAPPROVED("preapproved"),
    NO("no"),
    DRY_RUN("dry-run"),
    NOT_NEEDED("not-needed");

    private final String wire;

    Consent(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    /** The constant written as {@code name}; an unknown name is refused with the names this version knows. */
    @JsonCreator
    public static Consent fromWire(String name) {
        return WireValue.find(values(), name, "consent");
    }
}
