package dev.tshoot.transcript.redact;

import java.util.ArrayList;
import java.util.List;

import dev.tshoot.playbook.SafeRegex;

/**
 * A redaction rule's compiled pattern and the checks around each match. Every rule, the defaults
 * shipped with tshoot and a user's alike, runs on {@link SafeRegex} (RE2/J): matching takes time
 * linear in the value whatever the value holds, and Ctrl-C stops it.
 *
 * <p>RE2 has no look-around, so what a look-around said is written as checks on a match
 * (docs/redaction.md):
 * <ul>
 * <li>{@code notAfter}: the match is dropped when the text just before it ends with a match of this
 * pattern (a negative look-behind, e.g. {@code [A-Za-z0-9]} so that a token starts where its run of
 * characters starts);</li>
 * <li>{@code notBefore}: dropped when the text just after it starts with a match (a negative look-ahead);</li>
 * <li>{@code except}: dropped when the secret starts with a match (values such as {@code none} or
 * {@code ${DB_PASSWORD}} that are not secrets);</li>
 * <li>{@code requires}: dropped when no part of the secret matches (e.g. a token must hold a digit).</li>
 * </ul>
 * After a dropped match the search goes on from the character after the dropped match's start, which
 * is what a look-around engine does at that position. The secret is the first of the rule's groups
 * that took part in the match.
 */
public final class RulePattern {

    /** How far before or after a match {@code notAfter} and {@code notBefore} look. */
    static final int CONTEXT = 256;

    /** The checks of a rule; any of them may be null. */
    public record Checks(String notAfter, String notBefore, String except, String requires) {
        static final Checks NONE = new Checks(null, null, null, null);

        boolean any() {
            return notAfter != null || notBefore != null || except != null || requires != null;
        }
    }

    private final SafeRegex pattern;
    private final SafeRegex notAfter;
    private final SafeRegex notBefore;
    private final SafeRegex except;
    private final SafeRegex requires;
    private final Checks checks;
    private final int[] groups;

    private RulePattern(SafeRegex pattern, int[] groups, Checks checks) {
        this.pattern = pattern;
        this.groups = groups.clone();
        this.checks = checks;
        this.notAfter = checks.notAfter() == null ? null : SafeRegex.compile("(?:" + checks.notAfter() + ")$");
        this.notBefore = checks.notBefore() == null ? null : SafeRegex.compile("^(?:" + checks.notBefore() + ")");
        this.except = checks.except() == null ? null : SafeRegex.compile("^(?:" + checks.except() + ")");
        this.requires = checks.requires() == null ? null : SafeRegex.compile(checks.requires());
    }

    /**
     * A rule's pattern with its checks; throws {@link SafeRegex.InvalidPattern} when the pattern or a
     * check does not compile on the linear-time engine (checks are validated one by one by the loader,
     * which names the key).
     */
    static RulePattern of(String regex, List<Integer> groups, Checks checks) {
        int[] g = groups == null || groups.isEmpty() ? new int[] {0} : groups.stream().mapToInt(Integer::intValue).toArray();
        return new RulePattern(SafeRegex.compile(regex), g, checks == null ? Checks.NONE : checks);
    }

    static RulePattern of(String regex) {
        return of(regex, List.of(0), Checks.NONE);
    }

    /** The groups that may hold the secret, in the order they are tried (0: the whole match). */
    public List<Integer> groups() {
        return java.util.Arrays.stream(groups).boxed().toList();
    }

    /** True: every rule runs on the linear-time engine (kept for callers that report the engine). */
    public boolean linear() {
        return true;
    }

    public Checks checks() { return checks; }

    public int groupCount() {
        return pattern.groupCount();
    }

    /** True when the pattern matches the empty string. */
    boolean matchesEmpty() {
        return pattern.matches("");
    }

    /** Every non-empty secret (the first of {@code groups} that took part) of every kept match, as {start, end}, in order. */
    List<int[]> spans(CharSequence input) {
        List<int[]> out = new ArrayList<>();
        SafeRegex.Scan m = pattern.scan(input);
        int from = 0;
        int length = input.length();
        while (from <= length && m.find(from)) {
            int start = m.start(0);
            int end = m.end(0);
            int s = -1;
            int e = -1;
            for (int g : groups) {
                if (m.start(g) >= 0) {
                    s = m.start(g);
                    e = m.end(g);
                    break;
                }
            }
            if (checks.any() && !kept(input, start, end, s, e)) {
                from = start + 1;
                continue;
            }
            if (s >= 0 && e > s) {
                out.add(new int[] {s, e});
            }
            from = end > start ? end : end + 1;
        }
        return out;
    }

    private boolean kept(CharSequence input, int start, int end, int s, int e) {
        if (notAfter != null && notAfter.found(input.subSequence(Math.max(0, start - CONTEXT), start))) {
            return false;
        }
        if (notBefore != null && notBefore.found(input.subSequence(end, Math.min(input.length(), end + CONTEXT)))) {
            return false;
        }
        if (s < 0) {
            return except == null && requires == null;
        }
        CharSequence secret = input.subSequence(s, e);
        if (except != null && except.found(secret)) {
            return false;
        }
        return requires == null || requires.found(secret);
    }

    @Override
    public String toString() {
        return pattern.source();
    }
}
