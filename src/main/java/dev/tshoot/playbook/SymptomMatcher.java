package dev.tshoot.playbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Matches a pasted error message or log against the {@code symptoms} playbooks declare, and ranks
 * playbooks and entry nodes. The text is normalised first so the variations real messages show do
 * not matter: literal {@code \r\n} and {@code \n} escapes, line breaks, runs of white space,
 * quotes and case. Patterns run on {@link SafeRegex} (RE2/J), in time linear in the text, so a
 * hostile pattern in one playbook cannot stop {@code match} from answering for the others.
 */
public final class SymptomMatcher {

    /** One symptom that matched: where in the text and what it matched. */
    public record Hit(String symptom, String description, String matched) {}

    /** A candidate entry point: playbook, node (its start when the symptom names none), score and hits. */
    public record Candidate(Playbook playbook, String node, int score, List<Hit> hits) {}

    /** A playbook that matched nothing but shares words with one of its symptoms: why it comes close. */
    public record Near(Playbook playbook, String node, String symptom, String description, List<String> shared) {}

    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9_]{3,}");
    private static final java.util.Set<String> COMMON = java.util.Set.of("this", "that", "with", "from", "your", "have",
            "does", "when", "must", "will", "could", "there", "error", "failed", "enabled", "enable", "error:");

    private static final Pattern ESCAPES = Pattern.compile("\\\\[rnt]");
    private static final Pattern QUOTES = Pattern.compile("[\"'`\u2018\u2019\u201c\u201d]");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern WRAPPED = Pattern.compile("(\\p{L})-[ \\t]*\\r?\\n[ \\t]*(\\p{Ll})");
    private static final Pattern EMPHASIS = Pattern.compile("\\*{2,}|_{2,}");
    private static final Pattern BRITISH = Pattern.compile("(?i)\\b(virtuali|initiali|recogni|authori|optimi|initali)s(e|ed|es|ing|ation|ations)\\b");
    private static final Pattern LONG_HEX = Pattern.compile("\\b[0-9a-fA-F]{16,}\\b");
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\b\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern CLOCK = Pattern.compile("\\b\\d{1,2}:\\d{2}:\\d{2}[.,]\\d+\\b");
    private static final Pattern KERNEL_STAMP = Pattern.compile("\\[\\s*\\d+\\.\\d+\\]");
    private static final Pattern HOME = Pattern.compile("(?i)(?:\\b[a-z]:/users|/home|/users)/[^/\\s\"']+/");

    private SymptomMatcher() {}

    /**
     * The text as symptoms see it: a word broken over two lines by a hyphen joined, escapes and line
     * breaks as spaces, quotes and Markdown emphasis dropped, British {@code -ise/-isation} spelt
     * {@code -ize/-ization}, Windows path separators as {@code /}, long hex ids (container and
     * VM ids) as {@code #}, time stamps (ISO dates with times, clock times with fractions of a
     * second, kernel log stamps such as {@code [    0.394474]}) dropped, a user's home folder
     * ({@code C:\\Users\\<name>\\}, {@code /home/<name>/}, {@code /Users/<name>/}) as {@code ~/},
     * lower case, single spaces.
     */
    public static String normalise(String text) {
        String t = WRAPPED.matcher(text).replaceAll("$1$2");
        t = ESCAPES.matcher(t).replaceAll(" ");
        t = QUOTES.matcher(t).replaceAll("");
        t = EMPHASIS.matcher(t).replaceAll("");
        t = BRITISH.matcher(t).replaceAll("$1z$2");
        t = LONG_HEX.matcher(t).replaceAll("#");
        t = DATE_TIME.matcher(t).replaceAll(" ");
        t = CLOCK.matcher(t).replaceAll(" ");
        t = KERNEL_STAMP.matcher(t).replaceAll(" ");
        t = t.replace('\\', '/');
        t = HOME.matcher(t).replaceAll("~/");
        t = SPACE.matcher(t).replaceAll(" ");
        return t.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Compiles a symptom pattern for normalised text: case-insensitive; a space matches any run of
     * white space, and a space made optional ({@code " ?"}, {@code " *"}) matches none too.
     */
    public static SafeRegex compile(String pattern) {
        String p = pattern.replace(" ?", "\\s*").replace(" *", "\\s*").replace(" +", "\\s+").replace(" ", "\\s+");
        return SafeRegex.compile(p, SafeRegex.CASE_INSENSITIVE);
    }

    /** Candidates for the text, best first; empty when nothing matches. */
    public static List<Candidate> match(String text, List<Playbook> playbooks) {
        String norm = normalise(text);
        List<Candidate> out = new ArrayList<>();
        for (Playbook pb : playbooks) {
            Map<String, List<Hit>> byNode = new LinkedHashMap<>();
            for (Playbook.Symptom s : pb.symptoms()) {
                String found = find(s, norm);
                if (found != null) {
                    String node = s.node() != null ? s.node() : pb.start();
                    byNode.computeIfAbsent(node, k -> new ArrayList<>())
                            .add(new Hit(s.id(), s.description(), found));
                }
            }
            byNode.forEach((node, hits) -> {
                int score = hits.stream().mapToInt(h -> 10 + Math.min(h.matched().length(), 80)).sum();
                out.add(new Candidate(pb, node, score, List.copyOf(hits)));
            });
        }
        out.sort(Comparator.comparingInt(Candidate::score).reversed()
                .thenComparing(c -> c.playbook().id()).thenComparing(Candidate::node));
        return out;
    }

    /**
     * What of {@code norm} (normalised text) symptom {@code s} matches: the first of its phrasings
     * that matches, or else, when the weights of its keywords the text holds reach its
     * {@code minScore}, those keywords ({@code "keywords: a + b"}); null when neither.
     */
    static String find(Playbook.Symptom s, String norm) {
        for (String phrase : s.allPhrases()) {
            try {
                String found = compile(phrase).find(norm);
                if (found != null) {
                    return found;
                }
            } catch (SafeRegex.InvalidPattern e) {
                // lint reports it; one bad pattern must not break matching for every playbook
            }
        }
        if (s.keywords().isEmpty()) {
            return null;
        }
        int total = 0;
        List<String> held = new ArrayList<>();
        for (Playbook.Keyword k : s.keywords()) {
            if (holds(norm, k.word())) {
                total += k.weight();
                held.add(k.word());
            }
        }
        return total >= s.minScore() ? "keywords: " + String.join(" + ", held) : null;
    }

    /** Whether {@code norm} holds {@code word} with no letter or digit just before or after it. */
    static boolean holds(String norm, String word) {
        if (word.isEmpty()) {
            return false;
        }
        for (int i = norm.indexOf(word); i >= 0; i = norm.indexOf(word, i + 1)) {
            int end = i + word.length();
            boolean before = i > 0 && Character.isLetterOrDigit(norm.charAt(i - 1)) && Character.isLetterOrDigit(word.charAt(0));
            boolean after = end < norm.length() && Character.isLetterOrDigit(norm.charAt(end))
                    && Character.isLetterOrDigit(word.charAt(word.length() - 1));
            if (!before && !after) {
                return true;
            }
        }
        return false;
    }

    /**
     * When nothing matches: the playbooks whose symptoms share the most words (four letters or more,
     * taken from the symptom patterns) with the text, best first, at most {@code limit}, each with
     * the words it shares; two shared words at least.
     */
    public static List<Near> closest(String text, List<Playbook> playbooks, int limit) {
        java.util.Set<String> words = words(normalise(text));
        List<Near> out = new ArrayList<>();
        for (Playbook pb : playbooks) {
            Near best = null;
            for (Playbook.Symptom s : pb.symptoms()) {
                StringBuilder all = new StringBuilder(String.join(" ", s.allPhrases()));
                s.keywords().forEach(k -> all.append(' ').append(k.word()));
                java.util.Set<String> mine = words(all.toString().toLowerCase(Locale.ROOT));
                mine.retainAll(words);
                if (mine.size() >= 2 && (best == null || mine.size() > best.shared().size())) {
                    best = new Near(pb, s.node() != null ? s.node() : pb.start(), s.id(), s.description(),
                            List.copyOf(new java.util.TreeSet<>(mine)));
                }
            }
            if (best != null) {
                out.add(best);
            }
        }
        out.sort(Comparator.comparingInt((Near n) -> n.shared().size()).reversed().thenComparing(n -> n.playbook().id()));
        return List.copyOf(out.subList(0, Math.min(limit, out.size())));
    }

    private static java.util.Set<String> words(String s) {
        java.util.Set<String> out = new java.util.HashSet<>();
        java.util.regex.Matcher m = WORD.matcher(s);
        while (m.find()) {
            if (!COMMON.contains(m.group())) {
                out.add(m.group());
            }
        }
        return out;
    }
}
