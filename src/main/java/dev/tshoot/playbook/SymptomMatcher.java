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

    private static final Pattern ESCAPES = Pattern.compile("\\\\[rnt]");
    private static final Pattern QUOTES = Pattern.compile("[\"'`\u2018\u2019\u201c\u201d]");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private SymptomMatcher() {}

    /** The text as symptoms see it: escapes and line breaks as spaces, quotes dropped, lower case, single spaces. */
    public static String normalise(String text) {
        String t = ESCAPES.matcher(text).replaceAll(" ");
        t = QUOTES.matcher(t).replaceAll("");
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
                String found;
                try {
                    found = compile(s.pattern()).find(norm);
                } catch (SafeRegex.InvalidPattern e) {
                    continue; // lint reports it; one bad pattern must not break matching for every playbook
                }
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
}
