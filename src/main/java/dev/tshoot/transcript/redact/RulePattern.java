package dev.tshoot.transcript.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tshoot.playbook.SafeRegex;

/**
 * A redaction rule's compiled pattern. A user's rule runs on {@link SafeRegex} (RE2/J, linear time in
 * the value, stopped by Ctrl-C); a rule that RE2/J refuses is an error in the user's file. A default
 * rule runs on RE2/J too when it compiles there; the default rules that need lookaround or possessive
 * quantifiers stay on java.util.regex, which is safe for them because they ship with tshoot and are
 * tested for speed on large values.
 */
public final class RulePattern {

    private final SafeRegex linear;
    private final Pattern backtracking;

    private RulePattern(SafeRegex linear, Pattern backtracking) {
        this.linear = linear;
        this.backtracking = backtracking;
    }

    /** A user's pattern, on the linear-time engine only; throws {@link SafeRegex.InvalidPattern} when it does not compile there. */
    static RulePattern untrusted(String regex) {
        return new RulePattern(SafeRegex.compile(regex), null);
    }

    /** A default rule's pattern: on RE2/J when it compiles there, else on java.util.regex. */
    static RulePattern builtin(String regex) {
        if (SafeRegex.check(regex) == null) {
            return new RulePattern(SafeRegex.compile(regex), null);
        }
        return new RulePattern(null, Pattern.compile(regex));
    }

    /** True when the pattern runs on the linear-time engine. */
    public boolean linear() {
        return linear != null;
    }

    public int groupCount() {
        return linear != null ? linear.groupCount() : backtracking.matcher("").groupCount();
    }

    /** True when the pattern matches the empty string. */
    boolean matchesEmpty() {
        return linear != null ? linear.matches("") : backtracking.matcher("").matches();
    }

    /** Every non-empty match of group {@code group} as {start, end}, in order. */
    List<int[]> spans(CharSequence input, int group) {
        if (linear != null) {
            return linear.spans(input, group);
        }
        List<int[]> out = new ArrayList<>();
        Matcher m = backtracking.matcher(input);
        while (m.find()) {
            int s = m.start(group);
            int e = m.end(group);
            if (s >= 0 && e > s) {
                out.add(new int[] {s, e});
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return linear != null ? linear.source() : backtracking.pattern();
    }
}
