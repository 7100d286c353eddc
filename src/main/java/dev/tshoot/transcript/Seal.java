package dev.tshoot.transcript;

import java.util.Locale;

import dev.tshoot.text.SafeText;

/**
 * The seal of a session: the head of its hash chain, that is the {@code hash} of its last line
 * (the {@code session-ended} event), shown to the user when the session closes as a short code
 * to paste into the ticket. Whoever holds the code can tell a transcript whose chain was
 * recomputed after an edit, or whose last lines were removed, from the one that was sealed:
 * either changes the head of the chain.
 *
 * <p>The code is the first {@value #HEX_DIGITS} hex digits (96 bits) of that SHA-256, in groups of
 * four: {@code 3f9a-01bc-77d2-e450-9b1c-0a6e}. A forger who has the code must find a different
 * transcript whose last hash starts with the same 96 bits, a second preimage that costs about 2^96
 * hash evaluations; 64 bits (2^64, within reach of a large GPU farm) would be the least that
 * resists, and 96 keeps a wide margin while staying short enough to read out and paste.
 */
public final class Seal {

    /** Hex digits in a seal code: 96 bits. */
    public static final int HEX_DIGITS = 24;

    private Seal() {}

    /** The code for a chain head (a 64-digit lower-case hex SHA-256). */
    public static String code(String head) {
        if (head == null || head.length() < HEX_DIGITS) {
            throw new IllegalArgumentException("not a hash: " + head);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < HEX_DIGITS; i += 4) {
            if (i > 0) {
                sb.append('-');
            }
            sb.append(head, i, i + 4);
        }
        return sb.toString();
    }

    /**
     * The hex digits of a code as a user gives it (case, spaces and dashes do not matter; the full
     * 64-digit hash is accepted too), or null when it is not a seal code: fewer than
     * {@value #HEX_DIGITS} or more than 64 hex digits, or another character.
     */
    public static String digits(String code) {
        if (code == null) {
            return null;
        }
        String d = code.strip().replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
        if (d.length() < HEX_DIGITS || d.length() > 64 || !d.matches("[0-9a-f]+")) {
            return null;
        }
        return d;
    }

    /** True when the chain head {@code head} is the one the code (as {@link #digits} gives it) seals. */
    public static boolean matches(String digits, String head) {
        return digits != null && head != null && head.startsWith(digits);
    }

    /** What to say when a code given on the command line is not one. */
    public static String refused(String code) {
        return "'" + SafeText.shorten(code, 80) + "' is not a seal code: a seal code has " + HEX_DIGITS + " hex digits in groups of four"
                + " (such as 3f9a-01bc-77d2-e450-9b1c-0a6e), as tshoot shows it when a session ends.";
    }
}
