package dev.tshoot.probe;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of reading one host value (a file, a command's output): either a {@code value} or,
 * when it could not be obtained, an {@code unknownReason} in plain words. Exactly one is non-null.
 */
public record Read(String value, String unknownReason) {

    public Read {
        if ((value == null) == (unknownReason == null)) {
            throw new IllegalArgumentException("exactly one of value and unknownReason must be set");
        }
    }

    public static Read of(String value) {
        return new Read(Objects.requireNonNull(value, "value"), null);
    }

    public static Read unknown(String reason) {
        return new Read(null, reason == null || reason.isBlank() ? "no reason given" : reason);
    }

    public boolean known() {
        return value != null;
    }

    public Optional<String> optional() {
        return Optional.ofNullable(value);
    }

    /** The value with surrounding white space removed, or {@code null} when unknown or blank. */
    public String trimmedOrNull() {
        if (value == null) {
            return null;
        }
        String t = value.strip();
        return t.isEmpty() ? null : t;
    }

    public String orElse(String other) {
        return value != null ? value : other;
    }
}
