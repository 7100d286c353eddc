package dev.tshoot.transcript.redact;

import java.text.Normalizer;
import java.util.Map;

/**
 * The text the rules are matched against: each character in Unicode compatibility form (NFKC, so
 * full-width {@code ｐａｓｓｗｏｒｄ} reads {@code password}) and then folded through a small table of
 * look-alike letters (Cyrillic and Greek letters that look like Latin ones, so {@code pаsswоrd} with
 * Cyrillic {@code а} and {@code о} reads {@code password}). Each folded character remembers the span
 * of the original text it came from, so that what is replaced is always the original text's span.
 *
 * <p>Normalisation is per character: it never joins or reorders characters, so the map back to the
 * original stays exact. Characters that show as nothing (zero-width space and the like) are left out
 * of the folded text, so {@code pass\u200Bword} reads {@code password}. Plain ASCII text is its own
 * folded form and costs nothing.
 */
final class Folded {

    /** Look-alikes of Latin letters and of the ASCII punctuation keys use (not a full confusables table). */
    private static final Map<Character, Character> CONFUSABLES = Map.ofEntries(
            // Cyrillic lower case
            Map.entry('\u0430', 'a'), Map.entry('\u0435', 'e'), Map.entry('\u043E', 'o'), Map.entry('\u0440', 'p'),
            Map.entry('\u0441', 'c'), Map.entry('\u0443', 'y'), Map.entry('\u0445', 'x'), Map.entry('\u0455', 's'),
            Map.entry('\u0456', 'i'), Map.entry('\u0458', 'j'), Map.entry('\u04BB', 'h'), Map.entry('\u0501', 'd'),
            Map.entry('\u051B', 'q'), Map.entry('\u051D', 'w'), Map.entry('\u043A', 'k'), Map.entry('\u0432', 'b'),
            Map.entry('\u043D', 'h'), Map.entry('\u0442', 't'), Map.entry('\u043C', 'm'),
            // Cyrillic upper case
            Map.entry('\u0410', 'A'), Map.entry('\u0412', 'B'), Map.entry('\u0415', 'E'), Map.entry('\u041A', 'K'),
            Map.entry('\u041C', 'M'), Map.entry('\u041D', 'H'), Map.entry('\u041E', 'O'), Map.entry('\u0420', 'P'),
            Map.entry('\u0421', 'C'), Map.entry('\u0422', 'T'), Map.entry('\u0425', 'X'), Map.entry('\u0405', 'S'),
            Map.entry('\u0406', 'I'), Map.entry('\u0408', 'J'), Map.entry('\u0423', 'Y'), Map.entry('\u051C', 'W'),
            // Greek
            Map.entry('\u03B1', 'a'), Map.entry('\u03BF', 'o'), Map.entry('\u03C1', 'p'), Map.entry('\u03B5', 'e'),
            Map.entry('\u03B9', 'i'), Map.entry('\u03BA', 'k'), Map.entry('\u03BD', 'v'), Map.entry('\u03C4', 't'),
            Map.entry('\u03C5', 'u'), Map.entry('\u03C7', 'x'), Map.entry('\u0391', 'A'), Map.entry('\u0392', 'B'),
            Map.entry('\u0395', 'E'), Map.entry('\u0396', 'Z'), Map.entry('\u0397', 'H'), Map.entry('\u0399', 'I'),
            Map.entry('\u039A', 'K'), Map.entry('\u039C', 'M'), Map.entry('\u039D', 'N'), Map.entry('\u039F', 'O'),
            Map.entry('\u03A1', 'P'), Map.entry('\u03A4', 'T'), Map.entry('\u03A5', 'Y'), Map.entry('\u03A7', 'X'),
            // Latin look-alikes outside ASCII that NFKC keeps
            Map.entry('\u0131', 'i'), Map.entry('\u0251', 'a'), Map.entry('\u0261', 'g'), Map.entry('\u01C3', '!'),
            // dashes and the like between key parts
            Map.entry('\u2010', '-'), Map.entry('\u2011', '-'), Map.entry('\u2012', '-'), Map.entry('\u2013', '-'),
            Map.entry('\u2212', '-'), Map.entry('\u02D7', '-'));

    /** Characters that show as nothing (zero-width space, joiners, word joiner, BOM, soft hyphen): dropped. */
    private static final String INVISIBLE = "\u200B\u200C\u200D\u2060\uFEFF\u00AD";

    /** The folded text. */
    final String text;
    private final int[] start;
    private final int[] end;

    private Folded(String text, int[] start, int[] end) {
        this.text = text;
        this.start = start;
        this.end = end;
    }

    /** The folded form of {@code original}, or null when it is the same text (all ASCII, or nothing to fold). */
    static Folded of(String original) {
        if (ascii(original)) {
            return null;
        }
        StringBuilder sb = new StringBuilder(original.length());
        int[] s = new int[original.length() + 16];
        int[] e = new int[original.length() + 16];
        boolean changed = false;
        for (int i = 0; i < original.length(); ) {
            int cp = original.codePointAt(i);
            int n = Character.charCount(cp);
            String one = original.substring(i, i + n);
            String folded = cp < 0x80 ? one : INVISIBLE.indexOf(cp) >= 0 ? "" : fold(Normalizer.normalize(one, Normalizer.Form.NFKC));
            if (!folded.equals(one)) {
                changed = true;
            }
            for (int k = 0; k < folded.length(); k++) {
                int at = sb.length();
                if (at >= s.length) {
                    s = java.util.Arrays.copyOf(s, s.length * 2);
                    e = java.util.Arrays.copyOf(e, e.length * 2);
                }
                sb.append(folded.charAt(k));
                s[at] = i;
                e[at] = i + n;
            }
            i += n;
        }
        return changed ? new Folded(sb.toString(), s, e) : null;
    }

    /** Where folded character {@code i} starts in the original. */
    int originalStart(int i) { return start[i]; }

    /** Where the folded span ending (exclusively) at {@code i} ends in the original. */
    int originalEnd(int i) { return i == 0 ? 0 : end[i - 1]; }

    private static String fold(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            Character c = CONFUSABLES.get(s.charAt(i));
            if (c != null) {
                if (sb == null) {
                    sb = new StringBuilder(s);
                }
                sb.setCharAt(i, c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
