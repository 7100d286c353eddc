package dev.tshoot.transcript.redact;

import java.util.List;
import java.util.Locale;

/**
 * One redaction rule: what its matches are called in placeholders and counts ({@code name}), what it
 * looks for ({@code pattern}) and which capture group is the secret ({@code group}, 0 for the whole
 * match; when the pattern names several, the first of {@link RulePattern#groups} that took part). {@code keywords}, when there are any, are literal pieces of which every match holds at
 * least one (compared in lower case): a value holding none of them is not searched at all, which is
 * what keeps a 1 MiB command output cheap. {@code origin} says where the rule was defined, for
 * messages; {@code builtin} rules ship with tshoot and are tested for speed, so only user rules run
 * under a time budget. User rules run on the linear-time engine (see {@link RulePattern}).
 */
public record RedactionRule(String name, String description, RulePattern pattern, int group, List<String> keywords,
        String origin, boolean builtin) {

    public RedactionRule {
        for (int g : pattern.groups()) {
            if (g < 0 || g > pattern.groupCount()) {
                throw new IllegalArgumentException("rule '" + name + "': group " + g + " does not exist in its pattern");
            }
        }
        if (group != pattern.groups().get(0)) {
            throw new IllegalArgumentException("rule '" + name + "': group " + group + " is not the pattern's first group");
        }
        keywords = keywords == null ? List.of() : keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    }

    /** False when the rule cannot match {@code lower} (the value in lower case) because no keyword occurs in it. */
    boolean mayMatch(String lower) {
        if (keywords.isEmpty()) {
            return true;
        }
        for (String k : keywords) {
            if (lower.contains(k)) {
                return true;
            }
        }
        return false;
    }
}
