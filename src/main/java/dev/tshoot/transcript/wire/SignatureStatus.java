package dev.tshoot.transcript.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What tshoot found of the playbook's signature when the session started ({@code playbook.signature.status}). */
public enum SignatureStatus implements WireValue {
    SIGNED("signed"),
    SHIPPED("shipped"),
    UNSIGNED("unsigned"),
    NOT_TRUSTED("not-trusted"),
    ALTERED("altered"),
    MALFORMED("malformed");

    private final String wire;

    SignatureStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    /** The constant written as {@code name}; an unknown name is refused with the names this version knows. */
    @JsonCreator
    public static SignatureStatus fromWire(String name) {
        return WireValue.find(values(), name, "signature status");
    }
}
