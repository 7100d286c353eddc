package dev.tshoot.transcript.wire;

/** A name outside one of the format's closed vocabularies (see {@link WireValue}). */
public final class UnknownWireValueException extends IllegalArgumentException {
    public UnknownWireValueException(String message) {
        super(message);
    }
}
