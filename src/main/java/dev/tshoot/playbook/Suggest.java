package dev.tshoot.playbook;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** "Did you mean" suggestions by edit distance. */
public final class Suggest {
    private Suggest() {}

    /** The closest candidates to {@code word}, at most three, within a distance that still makes sense. */
    public static List<String> closest(String word, Collection<String> candidates) {
        if (word == null) {
            return List.of();
        }
        int limit = Math.max(2, word.length() / 3);
        return candidates.stream()
                .filter(c -> distance(word.toLowerCase(), c.toLowerCase()) <= limit
                        || (word.length() >= 3 && c.toLowerCase().contains(word.toLowerCase())))
                .sorted(Comparator.comparingInt((String c) -> distance(word, c)).thenComparing(c -> c))
                .limit(3)
                .toList();
    }

    /** " Did you mean 'a' or 'b'?" or the empty string. */
    public static String didYouMean(String word, Collection<String> candidates) {
        List<String> c = closest(word, candidates);
        if (c.isEmpty()) {
            return "";
        }
        return " Did you mean " + String.join(" or ", c.stream().map(s -> "'" + s + "'").toList()) + "?";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
