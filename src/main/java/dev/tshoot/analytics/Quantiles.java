package dev.tshoot.analytics;

import java.util.Arrays;

/**
 * Durations in milliseconds, kept as counts per bucket so that memory does not grow with the number
 * of samples: exact below one second, three significant digits above (an error under 1%, always
 * rounding down). Quantiles are nearest-rank: the smallest kept value with at least {@code p} of
 * the samples at or below it.
 */
final class Quantiles {

    private static final int EXACT = 1000;
    private static final int PER_DECADE = 900;

    private long[] counts = new long[EXACT];
    private long n;

    void add(long ms) {
        int i = index(Math.max(0, ms));
        if (i >= counts.length) {
            counts = Arrays.copyOf(counts, Math.max(i + 1, counts.length + PER_DECADE));
        }
        counts[i]++;
        n++;
    }

    long count() { return n; }

    /** The p-quantile (0 < p <= 1) in ms, or -1 without samples. */
    long quantile(double p) {
        if (n == 0) {
            return -1;
        }
        long rank = Math.max(1, (long) Math.ceil(p * n));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return value(i);
            }
        }
        return value(counts.length - 1);
    }

    /** The bucket of {@code ms}; values past 10^18 ms share the last bucket. */
    static int index(long ms) {
        if (ms < EXACT) {
            return (int) ms;
        }
        int decade = (int) Math.floor(Math.log10(ms));
        long scale = pow10(decade - 2);
        long mantissa = ms / scale;
        if (mantissa >= 1000) { // log10 rounded down a power of ten too far
            decade++;
            scale *= 10;
            mantissa = ms / scale;
        } else if (mantissa < 100) {
            decade--;
            scale /= 10;
            mantissa = ms / scale;
        }
        return EXACT + (Math.min(decade, 18) - 3) * PER_DECADE + (int) (mantissa - 100);
    }

    /** The smallest value of bucket {@code i} (what a quantile reports). */
    static long value(int i) {
        if (i < EXACT) {
            return i;
        }
        int decade = 3 + (i - EXACT) / PER_DECADE;
        long mantissa = 100 + (i - EXACT) % PER_DECADE;
        return mantissa * pow10(decade - 2);
    }

    private static long pow10(int e) {
        long r = 1;
        for (int i = 0; i < e; i++) {
            r *= 10;
        }
        return r;
    }
}
