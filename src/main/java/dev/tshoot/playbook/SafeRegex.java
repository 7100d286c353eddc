package dev.tshoot.playbook;

/**
 * The one regular-expression engine for patterns tshoot does not write itself: question and symptom
 * patterns, {@code matches} in conditions and redaction rules. It runs RE2/J, whose matching time is
 * linear in the input for every pattern, so no playbook, redaction file or answer can make tshoot
 * hang; java.util.regex backtracks and takes exponential time on patterns such as {@code (a+)+$}.
 *
 * <p>RE2 syntax is Java's minus the constructs that need backtracking. {@link #check} names each of
 * them with a rewrite hint, so lint can say what to do instead of quoting an engine error.
 *
 * <p>Matching reads the input through a view that checks the thread's interrupt flag every
 * {@value #CHECK_EVERY} characters read and then stops with {@link Interrupted}: even a match over a
 * 16 MiB command output ends promptly when the user presses Ctrl-C.
 */
public final class SafeRegex {

    /** How many characters a match reads between two looks at the interrupt flag. */
    static final int CHECK_EVERY = 1 << 14;

    /** A pattern that the engine does not take: what is wrong, what to write instead, and where (0-based, or -1). */
    public record Problem(String message, String hint, int index) {
        /** The message with the place in the pattern, for a finding. */
        public String describe() {
            return message + (index < 0 ? "" : " (at character " + (index + 1) + " of the pattern)");
        }
    }

    /** Thrown by {@link #compile} for a pattern {@link #check} refuses. */
    public static final class InvalidPattern extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        InvalidPattern(Problem problem) {
            super(problem.describe());
            this.problem = problem;
        }

        public Problem problem() { return problem; }
    }

    /** Thrown when the matching thread was interrupted (Ctrl-C); the interrupt flag stays set. */
    public static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super("the match was interrupted");
        }
    }

    /** Flags, as RE2/J names them. */
    public static final int CASE_INSENSITIVE = com.google.re2j.Pattern.CASE_INSENSITIVE;
    public static final int DOTALL = com.google.re2j.Pattern.DOTALL;

    /** A counted repeat ({@code {2}}, {@code {2,}}, {@code {2,5}}) at the end of the text. */
    private static final com.google.re2j.Pattern REPEAT_END = com.google.re2j.Pattern.compile("\\{[0-9]+(,[0-9]*)?\\}$");

    private final String source;
    private final com.google.re2j.Pattern pattern;
    /** For the idiom {@code (?s).*R.*}: {@code (?s)R}, whose {@link #find} is the same test as a whole match, and faster. */
    private final com.google.re2j.Pattern search;

    private SafeRegex(String source, com.google.re2j.Pattern pattern, com.google.re2j.Pattern search) {
        this.source = source;
        this.pattern = pattern;
        this.search = search;
    }

    /** Compiles a pattern, or throws {@link InvalidPattern} saying why not and what to write instead. */
    public static SafeRegex compile(String regex) {
        return compile(regex, 0);
    }

    /** As {@link #compile(String)}, with RE2/J flags ({@link #CASE_INSENSITIVE}, {@link #DOTALL}). */
    public static SafeRegex compile(String regex, int flags) {
        Problem p = unsupported(regex);
        if (p != null) {
            throw new InvalidPattern(p);
        }
        try {
            return new SafeRegex(regex, com.google.re2j.Pattern.compile(regex, flags), search(regex, flags));
        } catch (com.google.re2j.PatternSyntaxException e) {
            throw new InvalidPattern(syntax(regex, e));
        }
    }

    /** Null when {@link #compile} takes the pattern, else what is wrong with it. */
    public static Problem check(String regex) {
        try {
            compile(regex, 0);
            return null;
        } catch (InvalidPattern e) {
            return e.problem();
        }
    }

    public String source() { return source; }

    /** Whether the pattern matches the whole input. */
    public boolean matches(CharSequence input) {
        if (search != null) {
            return search.matcher(new Watched(input)).find();
        }
        return pattern.matcher(new Watched(input)).matches();
    }

    /**
     * {@code (?s)R} when the pattern is {@code (?s).*R.*} with R balanced, without a top-level
     * {@code |} and not starting with a quantifier: the whole text matches {@code (?s).*R.*} exactly when
     * some part of it matches R, and RE2/J finds a part with a literal prefix by skipping ahead.
     * Null for any other pattern.
     */
    static com.google.re2j.Pattern search(String regex, int flags) {
        String head = "(?s).*";
        if (!regex.startsWith(head) || !regex.endsWith(".*") || regex.length() < head.length() + 2 || regex.contains("\\Q")) {
            return null;
        }
        String mid = regex.substring(head.length(), regex.length() - 2);
        int slashes = 0;
        for (int i = mid.length() - 1; i >= 0 && mid.charAt(i) == '\\'; i--) {
            slashes++;
        }
        if (slashes % 2 == 1 || (!mid.isEmpty() && "?*+{".indexOf(mid.charAt(0)) >= 0)) {
            return null;
        }
        int depth = 0;
        for (int i = 0; i < mid.length(); i++) {
            char c = mid.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(mid, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (--depth < 0) {
                    return null;
                }
            } else if (c == '|' && depth == 0) {
                return null;
            }
        }
        if (depth != 0) {
            return null;
        }
        try {
            return com.google.re2j.Pattern.compile("(?s)" + mid, flags);
        } catch (com.google.re2j.PatternSyntaxException e) {
            return null;
        }
    }

    /** The first part of the input the pattern matches, or null when there is none. */
    public String find(CharSequence input) {
        com.google.re2j.Matcher m = pattern.matcher(new Watched(input));
        return m.find() ? input.subSequence(m.start(), m.end()).toString() : null;
    }

    /** Every match of group {@code group} (0: the whole match) as {start, end}, in order; empty groups are left out. */
    public java.util.List<int[]> spans(CharSequence input, int group) {
        com.google.re2j.Matcher m = pattern.matcher(new Watched(input));
        java.util.List<int[]> out = new java.util.ArrayList<>();
        while (m.find()) {
            int s = m.start(group);
            int e = m.end(group);
            if (s >= 0 && e > s) {
                out.add(new int[] {s, e});
            }
        }
        return out;
    }

    /** Whether some part of the input matches. */
    public boolean found(CharSequence input) {
        return pattern.matcher(new Watched(input)).find();
    }

    /** A cursor over the matches in {@code input}, for callers that decide where the next search starts. */
    public Scan scan(CharSequence input) {
        return new Scan(pattern.matcher(new Watched(input)));
    }

    /** Matches found one at a time from a chosen position; group -1 start means the group took no part. */
    public static final class Scan {
        private final com.google.re2j.Matcher m;

        Scan(com.google.re2j.Matcher m) {
            this.m = m;
        }

        /** Finds the first match that starts at {@code from} or later. */
        public boolean find(int from) { return m.find(from); }

        public int start(int group) { return m.start(group); }

        public int end(int group) { return m.end(group); }
    }

    /** The number of capture groups. */
    public int groupCount() {
        return pattern.groupCount();
    }

    @Override public String toString() { return source; }

    /** The constructs RE2 refuses because they need backtracking, each with a rewrite hint; null when none. */
    static Problem unsupported(String r) {
        boolean quantified = false; // the previous token was a quantifier: a '+' after it makes it possessive
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '\\' && i + 1 < r.length()) {
                char n = r.charAt(i + 1);
                if (n >= '1' && n <= '9') {
                    return new Problem("the pattern uses a backreference '\\" + n + "', which a linear-time engine cannot run",
                            "match the repeated text itself (e.g. '(ab)\\1' as '(ab)ab'), or compare the parts in a condition", i);
                }
                if (n == 'k' && i + 2 < r.length() && r.charAt(i + 2) == '<') {
                    return new Problem("the pattern uses a named backreference '\\k<...>', which a linear-time engine cannot run",
                            "match the repeated text itself, or compare the parts in a condition", i);
                }
                if (n == 'Q') {
                    int end = r.indexOf("\\E", i + 2);
                    i = end < 0 ? r.length() : end + 1;
                } else {
                    i++;
                }
                quantified = false;
                continue;
            }
            if (c == '[') {
                i = classEnd(r, i);
                quantified = false;
                continue;
            }
            if (c == '(' && r.startsWith("?", i + 1)) {
                String rest = r.substring(i + 2, Math.min(r.length(), i + 4));
                if (rest.startsWith("=") || rest.startsWith("!")) {
                    return new Problem("the pattern uses a lookahead '" + r.substring(i, i + 3) + "...)', which a linear-time engine cannot run",
                            "match the text itself instead of looking ahead, or split the test: 'x matches ...' and !(x matches ...)", i);
                }
                if (rest.startsWith("<=") || rest.startsWith("<!")) {
                    return new Problem("the pattern uses a lookbehind '" + r.substring(i, i + 4) + "...)', which a linear-time engine cannot run",
                            "match the text before it as part of the pattern, or split the test into two conditions", i);
                }
                if (rest.startsWith(">")) {
                    return new Problem("the pattern uses an atomic group '(?>...)', which RE2 does not support",
                            "write a plain group (?:...): the engine never backtracks, so the atomic group is not needed", i);
                }
            }
            if (c == '+' && quantified) {
                return new Problem("the pattern uses a possessive quantifier '" + r.charAt(i - 1) + "+', which RE2 does not support",
                        "drop the last '+' (e.g. 'a*+' as 'a*'): the engine never backtracks, so it is not needed", i - 1);
            }
            if (c == '*' || c == '+' || c == '?') {
                quantified = !(c == '?' && i > 0 && isQuantifierEnd(r, i - 1)) && !(c == '?' && i > 0 && r.charAt(i - 1) == '(');
                continue;
            }
            if (c == '}') {
                quantified = REPEAT_END.matcher(r.substring(0, i + 1)).find();
                continue;
            }
            quantified = false;
        }
        return null;
    }

    /** True when the character at {@code i} ends a quantifier, so a '?' after it makes it lazy. */
    private static boolean isQuantifierEnd(String r, int i) {
        char c = r.charAt(i);
        return (c == '*' || c == '+' || c == '?' || c == '}') && (i == 0 || r.charAt(i - 1) != '\\');
    }

    /** The index of the ']' that closes the class opened at {@code open} (the last index when none does). */
    private static int classEnd(String r, int open) {
        int i = open + 1;
        if (i < r.length() && r.charAt(i) == '^') {
            i++;
        }
        if (i < r.length() && r.charAt(i) == ']') {
            i++; // a ']' first in a class is literal
        }
        int depth = 0;
        for (; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return r.length() - 1;
    }

    private static Problem syntax(String regex, com.google.re2j.PatternSyntaxException e) {
        String what = e.getDescription();
        String bad = e.getPattern();
        if (bad != null && (bad.isEmpty() || bad.equals(regex))) {
            bad = null; // the whole pattern: nothing more precise to point at
        }
        int at = bad == null ? -1 : regex.indexOf(bad);
        String hint = "fix the pattern; tshoot reads RE2 syntax, Java's without lookaround, backreferences,"
                + " possessive or atomic groups (see playbooks/README.md)";
        if (what != null && what.contains("invalid or unsupported Perl syntax")) {
            hint = "RE2 does not know this construct: write it with plain groups, classes and quantifiers (see playbooks/README.md)";
        } else if (what != null && what.contains("invalid character class range") && bad != null && bad.startsWith("\\p")) {
            hint = "write the class as RE2 names it: POSIX [[:alpha:]], [[:digit:]], or a Unicode class such as \\pL or \\p{Greek}";
        } else if (what != null && what.contains("invalid escape sequence")) {
            hint = "RE2 has no \\h, \\R, \\Z or \\G: write [ \\t] for \\h, \\r?\\n for \\R, \\z for the end of the text";
        } else if (what != null && what.contains("invalid repeat count")) {
            hint = "repeat counts go up to 1000; use '+' or '*' for longer runs";
        }
        return new Problem("the pattern is not a valid regular expression: " + what
                + (bad == null ? "" : " '" + bad + "'"), hint, at);
    }

    /** The input as the engine reads it, checking the interrupt flag every {@value #CHECK_EVERY} characters. */
    private static final class Watched implements CharSequence {
        private final CharSequence in;
        private int reads;

        Watched(CharSequence in) {
            this.in = in;
        }

        @Override
        public char charAt(int index) {
            if (++reads >= CHECK_EVERY) {
                reads = 0;
                if (Thread.currentThread().isInterrupted()) {
                    throw new Interrupted();
                }
            }
            return in.charAt(index);
        }

        @Override public int length() { return in.length(); }

        @Override public CharSequence subSequence(int start, int end) { return in.subSequence(start, end); }

        @Override public String toString() { return in.toString(); }
    }
}
