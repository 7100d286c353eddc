package dev.tshoot.transcript.wire;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A closed vocabulary of the transcript format: an enum whose constants are written as fixed
 * lower-case names. Reading a name outside the vocabulary is refused, never mapped to a default.
 */
public interface WireValue {

    /** The name written to the transcript. */
    String wire();

    /**
     * The constant written as {@code name}, or {@link UnknownWireValueException} naming the
     * vocabulary ({@code what}) and the names it holds.
     */
    static <E extends Enum<E> & WireValue> E find(E[] values, String name, String what) {
        for (E v : values) {
            if (v.wire().equals(name)) {
                return v;
            }
        }
        throw new UnknownWireValueException("'" + name + "' is not a known " + what + " (expected one of "
                + Arrays.stream(values).map(WireValue::wire).collect(Collectors.joining(", ")) + ")");
    }

    /** The wire name of {@code v}, or null for null. */
    static String wireOf(WireValue v) {
        return v == null ? null : v.wire();
    }
}
