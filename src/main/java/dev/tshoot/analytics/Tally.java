package dev.tshoot.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts per key, for keys that come from transcripts (node ids, commands, paths): at most
 * {@link #MAX_KEYS} distinct keys are kept, and anything past them is counted under
 * {@link #OTHERS}, so a folder of hostile or endlessly varied transcripts cannot make stats hold
 * more than that.
 */
final class Tally {

    static final int MAX_KEYS = 5000;
    static final String OTHERS = "(other keys past " + MAX_KEYS + ")";

    /** A key and its count. */
    record Entry(String key, long count) {}

    private final Map<String, long[]> counts = new HashMap<>();

    void add(String key) {
        add(key, 1);
    }

    void add(String key, long by) {
        long[] c = counts.get(key);
        if (c == null) {
            c = counts.computeIfAbsent(counts.size() < MAX_KEYS ? key : OTHERS, k -> new long[1]);
        }
        c[0] += by;
    }

    long get(String key) {
        long[] c = counts.get(key);
        return c == null ? 0 : c[0];
    }

    long total() {
        return counts.values().stream().mapToLong(c -> c[0]).sum();
    }

    /** Every key, most counted first, then by key. */
    List<Entry> sorted() {
        List<Entry> out = new ArrayList<>(counts.size());
        counts.forEach((k, c) -> out.add(new Entry(k, c[0])));
        out.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.key().compareTo(b.key()));
        return out;
    }

    Map<String, Long> asMap() {
        Map<String, Long> m = new HashMap<>();
        counts.forEach((k, c) -> m.put(k, c[0]));
        return m;
    }
}
