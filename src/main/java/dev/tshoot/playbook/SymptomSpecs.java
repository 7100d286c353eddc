package dev.tshoot.playbook;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a playbook's {@code symptoms}: each with its id, pattern, other phrasings ({@code phrases}),
 * weighted {@code keywords} and the {@code minScore} they must reach, node and description. Every
 * phrasing is compiled as {@code match} reads it, so a pattern RE2 refuses is a finding at load time.
 */
final class SymptomSpecs {

    /** The most a keyword may weigh, and the most a symptom may ask for. */
    static final int MAX_WEIGHT = 100;

    private SymptomSpecs() {}

    static List<Playbook.Symptom> parse(List<YamlObject> list) {
        List<Playbook.Symptom> out = new ArrayList<>();
        for (YamlObject s : list) {
            String sid = s.str("id", true);
            String pattern = s.str("pattern", true);
            String node = s.str("node", false);
            String description = s.str("description", false);
            check(s, null, pattern);
            List<String> phrases = s.strList("phrases", false);
            for (int i = 0; i < phrases.size(); i++) {
                check(s, "/phrases/" + i, phrases.get(i));
            }
            List<Playbook.Keyword> keywords = new ArrayList<>();
            List<YamlObject> kws = s.objList("keywords", false);
            for (YamlObject k : kws) {
                String word = k.str("word", true);
                Integer weight = number(k, "weight", k.str("weight", true));
                k.finish(List.of("word", "weight"));
                if (word != null && weight != null) {
                    keywords.add(new Playbook.Keyword(SymptomMatcher.normalise(word), weight));
                }
            }
            String min = s.str("minScore", false);
            Integer minScore = min == null ? Integer.valueOf(0) : number(s, "minScore", min);
            if (!keywords.isEmpty() && min == null) {
                s.bad("keywords", "symptom '" + sid + "' has keywords but no minScore",
                        "add minScore: the total weight of the keywords a text must hold to match");
            }
            s.finish(List.of("id", "pattern", "phrases", "keywords", "minScore", "node", "description"));
            if (sid != null && pattern != null && minScore != null) {
                out.add(new Playbook.Symptom(sid, pattern, phrases, keywords, minScore, node, description));
            }
        }
        return out;
    }

    /** Reports a pattern RE2 refuses, at {@code pattern} ({@code relPtr} null) or at {@code relPtr}. */
    private static void check(YamlObject s, String relPtr, String pattern) {
        if (pattern == null) {
            return;
        }
        try {
            SymptomMatcher.compile(pattern);
        } catch (SafeRegex.InvalidPattern e) {
            String message = "symptom pattern '" + pattern + "' (as 'match' reads it, a space standing for any white space) "
                    + e.problem().describe().replaceFirst("^the pattern ", "");
            if (relPtr == null) {
                s.bad("pattern", message, e.problem().hint());
            } else {
                s.badAt(relPtr, message, e.problem().hint());
            }
        }
    }

    private static Integer number(YamlObject o, String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1 && n <= MAX_WEIGHT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        o.bad(field, "'" + field + "' is " + text, "give a whole number from 1 to " + MAX_WEIGHT);
        return null;
    }
}
