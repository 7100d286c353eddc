package dev.tshoot.playbook;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "Did you mean": the one way tshoot suggests a name for a mistyped one (commands, playbook ids,
 * node ids, probes, export formats, options, keys). Case is ignored.
 *
 * <p>A candidate is suggested when
 * <ul>
 *   <li>the typed word is a prefix of it and of no other candidate ({@code virt} suggests
 *       {@code virtualization}; score 0), or</li>
 *   <li>its edit distance to the word, counting an adjacent transposition as one edit (optimal string
 *       alignment), is at most {@code max(2, length / 3)} and smaller than the longer of the two
 *       ({@code dsik} suggests {@code disks} at 2; score: the distance), or</li>
 *   <li>the word has three or more characters and the candidate contains it (score: the distance).</li>
 * </ul>
 * At most three are given, best score first, then in alphabetical order, so the answer never depends on
 * the order of the candidates.
 */
public final class Suggest {

    /** At most this many suggestions. */
    static final int MAX_SUGGESTIONS = 3;

    private Suggest() {
    }

    /** The closest candidates to {@code word}, best first, at most three; empty for a blank word. */
    public static List<String> closest(String word, Collection<String> candidates) {
        if (word == null || word.isBlank() || candidates == null) {
            return List.of();
        }
        String w = word.strip().toLowerCase(Locale.ROOT);
        Set<String> unique = new LinkedHashSet<>();
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                unique.add(c);
            }
        }
        List<String> prefixed = unique.stream().filter(c -> lower(c).startsWith(w)).toList();
        String onlyPrefixed = prefixed.size() == 1 ? prefixed.get(0) : null;
        int limit = Math.max(2, w.length() / 3);
        List<Scored> scored = new ArrayList<>();
        for (String c : unique) {
            String lc = lower(c);
            int d = distance(w, lc);
            if (c.equals(onlyPrefixed)) {
                scored.add(new Scored(c, 0));
            } else if (d <= limit && d < Math.max(w.length(), lc.length()) || w.length() >= 3 && lc.contains(w)) {
                scored.add(new Scored(c, d));
            }
        }
        return scored.stream()
                .sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::name))
                .limit(MAX_SUGGESTIONS)
                .map(Scored::name)
                .toList();
    }

    /** {@code " Did you mean 'a' or 'b'?"}, or the empty string when nothing is close. */
    public static String didYouMean(String word, Collection<String> candidates) {
        return phrase(closest(word, candidates));
    }

    /** {@code " Did you mean 'a' or 'b'?"} for suggestions already found, or the empty string for none. */
    public static String phrase(List<String> suggestions) {
        if (suggestions.isEmpty()) {
            return "";
        }
        return " Did you mean " + String.join(" or ", suggestions.stream().map(s -> "'" + s + "'").toList()) + "?";
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private record Scored(String name, int score) {
    }
}
