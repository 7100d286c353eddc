package dev.tshoot.transcript.wire;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The instants of a transcript ({@code at}, {@code startedAt}), read as {@link Instant#parse} reads
 * them. The form tshoot writes, {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} with four-digit years (what
 * {@link Instant#toString()} gives), is read on a short path that builds the instant from its digits;
 * anything else (offsets, leap seconds, other years, errors) goes to {@link Instant#parse}, so both give
 * the same instant or the same refusal.
 */
public final class WireTime {

    private static final long SECONDS_PER_DAY = 86_400;

    private WireTime() {}

    /** As {@link Instant#parse}. */
    public static Instant parse(CharSequence s) {
        Instant i = fast(s);
        return i != null ? i : Instant.parse(s);
    }

    /** As {@link #parse}, or null where {@link Instant#parse} refuses the text. */
    static Instant parseOrNull(String s) {
        Instant i = fast(s);
        if (i != null) {
            return i;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The instant of the writer's form, or null for any other text (which may still be an instant). */
    static Instant fast(CharSequence s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int digits = n - 21;
            if (s.charAt(19) != '.' || digits < 1 || digits > 9) {
                return null;
            }
            int f = digits(s, 20, digits);
            if (f < 0) {
                return null;
            }
            for (int i = digits; i < 9; i++) {
                f *= 10;
            }
            nanos = f;
        }
        long epochSecond = epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** The number the {@code count} ASCII digits from {@code at} make, or -1 when one is not a digit. */
    private static int digits(CharSequence s, int at, int count) {
        int v = 0;
        for (int i = at; i < at + count; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static int monthLength(int year, int month) {
        return switch (month) {
            case 2 -> leap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean leap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** Days from 1970-01-01 in the proleptic Gregorian calendar (as {@code LocalDate.toEpochDay}). */
    private static long epochDay(int year, int month, int day) {
        long y = year;
        long total = 365 * y;
        if (y >= 0) {
            total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        } else {
            total -= y / -4 - y / -100 + y / -400;
        }
        total += (367L * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!leap(year)) {
                total--;
            }
        }
        return total - 719_528; // days from year 0 to 1970
    }
}
