package dev.tshoot.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.Indexer;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.ast.StringLiteral;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.MapAccessor;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * The one expression language of playbooks: SpEL in a read-only sandbox, and the only class that
 * knows SpEL. {@link #compile} parses an expression once into a {@link Condition}; the context of each
 * evaluation is a {@link SimpleEvaluationContext} with only a read-only map accessor: no method calls,
 * no type references, no constructors, no bean references, no assignment. Data is plain maps and lists.
 *
 * <p>Variables: {@code answers['node-id']}, {@code answer} (the current question's answer),
 * {@code facts['probe']['name']} and registered command results by name.
 *
 * <p>{@code x matches 'p'} does not run on SpEL's own operator, which uses java.util.regex with a
 * budget of character reads and so yields false on outputs of about 500 KB and more, and backtracks
 * exponentially on hostile patterns. At compile time each {@code matches} operator is rewritten into a
 * call of one function, registered as a variable in the evaluation context, that runs the pattern on
 * {@link SafeRegex} (RE2/J, linear time, interruptible). The rewrite is checked against the original
 * syntax tree: an expression whose rewrite does not have the same shape is refused, never run
 * differently. Pattern literals are compiled at load, so lint reports what RE2 does not take.
 */
public final class Conditions {

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();

    /** The variable the rewritten {@code matches} calls; a playbook cannot name it (see {@link #forbidden}). */
    static final String MATCHES_FUNCTION = "tshoot_matches";

    /** Longest pattern {@code matches} takes, as SpEL's own operator. */
    static final int MAX_PATTERN_LENGTH = 1000;

    private static final java.lang.reflect.Method MATCHES_METHOD;
    static {
        try {
            MATCHES_METHOD = Conditions.class.getDeclaredMethod("regexMatches", String.class, Object.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Patterns compiled so far (the literals at load, others when first used), bounded. */
    private static final java.util.concurrent.ConcurrentHashMap<String, SafeRegex> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CACHED = 512;

    /** Why a {@code matches} could not be evaluated; its message is the condition's reason. */
    static final class MatchFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MatchFailure(String message) {
            super(message, null, false, false);
        }
    }

    private Conditions() {}

    /** Parses an expression once; an expression that does not parse still compiles, to a condition that is false. */
    public static Compiled compile(String expression) {
        return new Compiled(expression);
    }

    /** A compiled condition, with what lint needs to know about it. */
    public static final class Compiled implements Condition {
        private final String source;
        private final Expression parsed;
        private final Expression runnable;
        private final RuntimeException unparsable;
        private final String syntaxError;
        private final SafeRegex.Problem patternProblem;
        private final FastCondition.Node fast;

        private Compiled(String source) {
            this.source = source;
            Expression e = null;
            RuntimeException failure = null;
            try {
                e = PARSER.parseExpression(source);
            } catch (RuntimeException ex) {
                failure = ex;
            }
            this.parsed = e;
            String error = problem(source, e, failure);
            Expression run = null;
            SafeRegex.Problem pattern = null;
            if (error == null && e instanceof SpelExpression se) {
                try {
                    run = MatchesRewrite.rewrite(source, se, PARSER, MATCHES_FUNCTION);
                    pattern = literalPatterns(((SpelExpression) run).getAST());
                } catch (MatchesRewrite.Unsupported ex) {
                    error = ex.getMessage();
                    failure = new MatchFailure(ex.getMessage());
                }
                if (pattern != null) {
                    error = "its pattern " + pattern.describe().replaceFirst("^the pattern ", "");
                    failure = new MatchFailure(error);
                }
            }
            this.runnable = run;
            this.fast = error == null && run instanceof SpelExpression rs
                    ? FastCondition.compile(rs.getAST(), MATCHES_FUNCTION, Conditions::regexMatches) : null;
            this.unparsable = failure;
            this.syntaxError = error;
            this.patternProblem = pattern;
        }

        @Override public String source() { return source; }

        /** Null when the expression is valid and allowed, else a message saying what is wrong. */
        public String syntaxError() { return syntaxError; }

        /** When a {@code matches} pattern literal is one the linear-time engine refuses: what and how to rewrite it; else null. */
        public SafeRegex.Problem patternProblem() { return patternProblem; }

        /** The node ids the expression reads as {@code answers['id']}. Empty when it does not parse. */
        public List<String> answerReferences() {
            List<String> out = new ArrayList<>();
            if (parsed instanceof SpelExpression s) {
                collect(s.getAST(), out);
            }
            return out;
        }

        /**
         * The names the expression reads at its root, e.g. {@code lscpu} in {@code lscpu.stdout matches '…'}
         * or {@code facts} in {@code facts['os']['family']}. Empty when it does not parse.
         */
        public java.util.Set<String> rootNames() {
            java.util.Set<String> out = new java.util.LinkedHashSet<>();
            if (parsed instanceof SpelExpression s) {
                roots(s.getAST(), out);
            }
            return out;
        }

        /**
         * Evaluates against read-only data. A condition that fails to evaluate (a missing fact, a type
         * mismatch) counts as false, and the reason is returned for the record.
         */
        @Override
        public Evaluation evaluate(Map<String, Object> root) {
            return evaluate(root, true);
        }

        /** Whether the direct evaluator ({@link FastCondition}) covers this condition's shape. */
        boolean direct() {
            return fast != null;
        }

        /** {@code direct} false: SpEL alone (for the test that holds the two to each other). */
        Evaluation evaluate(Map<String, Object> root, boolean direct) {
            try {
                if (unparsable != null) {
                    throw unparsable;
                }
                if (direct && fast != null && fast.eval(root) instanceof Boolean b) {
                    return new Evaluation(b, null);
                }
                EvaluationContext ctx = SimpleEvaluationContext
                        .forPropertyAccessors(new MapAccessor(false))
                        .withAssignmentDisabled()
                        .withRootObject(root)
                        .build();
                ctx.setVariable(MATCHES_FUNCTION, MATCHES_METHOD);
                Object v = (runnable != null ? runnable : parsed).getValue(ctx);
                if (v instanceof Boolean b) {
                    return new Evaluation(b, null);
                }
                return new Evaluation(false, "the condition gave " + (v == null ? "null" : "'" + v + "'") + ", not true or false");
            } catch (RuntimeException e) {
                String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                if (e instanceof org.springframework.expression.spel.SpelEvaluationException se) {
                    msg = se.getMessage().replaceFirst("^EL\\d+E: ", "");
                }
                for (Throwable c = e; c != null; c = c.getCause()) {
                    if (c instanceof MatchFailure || c instanceof SafeRegex.Interrupted) {
                        msg = c.getMessage(); // the interrupt flag stays set for the caller
                        break;
                    }
                }
                return new Evaluation(false, msg);
            }
        }

        @Override public String toString() { return source; }
    }

    /**
     * {@code text matches regex} on the linear-time engine: the function the rewritten operator calls.
     * The text arrives converted as SpEL's operator converts it (a list as its items joined with
     * commas); the pattern must be a string, as for the operator.
     */
    static boolean regexMatches(String text, Object regex) {
        if (text == null) {
            throw new MatchFailure("the left side of 'matches' is null, not text");
        }
        if (!(regex instanceof String r)) {
            throw new MatchFailure("the right side of 'matches' must be a pattern in quotes, not "
                    + (regex == null ? "null" : "'" + regex + "'"));
        }
        return pattern(r).matches(text);
    }

    private static SafeRegex pattern(String r) {
        SafeRegex p = PATTERNS.get(r);
        if (p != null) {
            return p;
        }
        if (r.length() > MAX_PATTERN_LENGTH) {
            throw new MatchFailure("the pattern of 'matches' is " + r.length() + " characters long; at most "
                    + MAX_PATTERN_LENGTH + " are allowed");
        }
        try {
            p = SafeRegex.compile(r);
        } catch (SafeRegex.InvalidPattern e) {
            throw new MatchFailure("the pattern '" + r + "' of 'matches' " + e.problem().describe().replaceFirst("^the pattern ", ""));
        }
        if (PATTERNS.size() >= MAX_CACHED) {
            PATTERNS.clear();
        }
        PATTERNS.put(r, p);
        return p;
    }

    /** Compiles each pattern literal of the rewritten {@code matches}; the first problem, or null. */
    private static SafeRegex.Problem literalPatterns(SpelNode node) {
        if (node instanceof org.springframework.expression.spel.ast.FunctionReference f
                && f.toStringAST().startsWith("#" + MATCHES_FUNCTION + "(") && f.getChildCount() == 2
                && f.getChild(1) instanceof StringLiteral lit) {
            String r = String.valueOf(lit.getLiteralValue().getValue());
            if (r.length() > MAX_PATTERN_LENGTH) {
                return new SafeRegex.Problem("the pattern is " + r.length() + " characters long; at most "
                        + MAX_PATTERN_LENGTH + " are allowed", "shorten the pattern: match a distinctive part of the text", -1);
            }
            try {
                pattern(r);
            } catch (MatchFailure e) {
                return SafeRegex.check(r);
            }
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            SafeRegex.Problem p = literalPatterns(node.getChild(i));
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static String problem(String expression, Expression parsed, RuntimeException failure) {
        if (expression == null || expression.isBlank()) {
            return "the condition is empty";
        }
        if (failure instanceof ParseException e) {
            return e.getSimpleMessage().replaceFirst("^EL\\d+E: ", "") + " (at character " + Math.max(e.getPosition(), 0) + ")";
        }
        if (failure != null) {
            return String.valueOf(failure.getMessage());
        }
        if (parsed instanceof SpelExpression se) {
            String forbidden = forbidden(se.getAST());
            if (forbidden != null) {
                return forbidden + " is not allowed: conditions only read answers, facts and registers";
            }
        }
        return null;
    }
    /** The first construct the sandbox would refuse at run time, named for a lint message; null when none. */
    private static String forbidden(SpelNode node) {
        String what = null;
        if (node instanceof org.springframework.expression.spel.ast.MethodReference m) {
            what = "calling a method (" + m.getName() + "(...))";
        } else if (node instanceof org.springframework.expression.spel.ast.TypeReference) {
            what = "a type reference T(...)";
        } else if (node instanceof org.springframework.expression.spel.ast.ConstructorReference) {
            what = "'new'";
        } else if (node instanceof org.springframework.expression.spel.ast.Assign) {
            what = "assignment (=)";
        } else if (node instanceof org.springframework.expression.spel.ast.BeanReference) {
            what = "a bean reference (@...)";
        } else if (node instanceof org.springframework.expression.spel.ast.FunctionReference) {
            what = "a function call (#name(...))";
        } else if (node instanceof org.springframework.expression.spel.ast.VariableReference v
                && MATCHES_FUNCTION.equals(v.toStringAST().replaceFirst("^#", ""))) {
            what = "the variable #" + MATCHES_FUNCTION;
        }
        if (what != null) {
            return what;
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            String f = forbidden(node.getChild(i));
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static void roots(SpelNode node, java.util.Set<String> out) {
        if (node instanceof PropertyOrFieldReference ref) {
            out.add(ref.getName());
            return;
        }
        if (node instanceof org.springframework.expression.spel.ast.CompoundExpression) {
            roots(node.getChild(0), out);
            for (int i = 1; i < node.getChildCount(); i++) {
                SpelNode c = node.getChild(i);
                if (c instanceof org.springframework.expression.spel.ast.Selection
                        || c instanceof org.springframework.expression.spel.ast.Projection) {
                    continue; // names inside .?[...] / .![...] are the elements' own fields, not registers
                }
                for (int j = 0; j < c.getChildCount(); j++) {
                    roots(c.getChild(j), out); // index expressions, e.g. answers[foo]
                }
            }
            return;
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            roots(node.getChild(i), out);
        }
    }

    private static void collect(SpelNode node, List<String> out) {
        int n = node.getChildCount();
        for (int i = 0; i < n; i++) {
            SpelNode child = node.getChild(i);
            if (child instanceof PropertyOrFieldReference ref && "answers".equals(ref.getName()) && i + 1 < n
                    && node.getChild(i + 1) instanceof Indexer idx && idx.getChildCount() == 1
                    && idx.getChild(0) instanceof StringLiteral lit) {
                out.add(String.valueOf(lit.getLiteralValue().getValue()));
            }
            collect(child, out);
        }
    }

    /**
     * Rewrites each {@code L matches R} of an expression into {@code #fn(L, R)}, working on the source
     * text (the operator's token position is exact; an operand's extent is found from its nodes and the
     * brackets around them), and checks that the result has the original's shape with each
     * {@code matches} replaced by the call.
     */
    private static final class MatchesRewrite {

        /** The expression cannot be rewritten safely; the message is a lint message. */
        static final class Unsupported extends Exception {
            private static final long serialVersionUID = 1L;

            Unsupported(String message) {
                super(message, null, false, false);
            }
        }

        private static final String REFUSED = "this use of 'matches' could not be prepared for the linear-time"
                + " regular-expression engine; write it as text matches 'pattern', with parentheses around a complex left side";

        static Expression rewrite(String source, SpelExpression original, SpelExpressionParser parser, String fn)
                throws Unsupported {
            String cur = source;
            SpelExpression e = original;
            for (int guard = 0; guard < 256; guard++) {
                org.springframework.expression.spel.ast.OperatorMatches m = first(e.getAST());
                if (m == null) {
                    if (!sameShape(original.getAST(), e.getAST(), fn)) {
                        throw new Unsupported(REFUSED);
                    }
                    return e;
                }
                cur = rewriteOne(cur, m, fn);
                try {
                    e = (SpelExpression) parser.parseExpression(cur);
                } catch (RuntimeException ex) {
                    throw new Unsupported(REFUSED);
                }
            }
            throw new Unsupported("the condition has too many 'matches'");
        }

        private static org.springframework.expression.spel.ast.OperatorMatches first(SpelNode n) {
            if (n instanceof org.springframework.expression.spel.ast.OperatorMatches m) {
                return m;
            }
            for (int i = 0; i < n.getChildCount(); i++) {
                org.springframework.expression.spel.ast.OperatorMatches m = first(n.getChild(i));
                if (m != null) {
                    return m;
                }
            }
            return null;
        }

        private static String rewriteOne(String src, SpelNode m, String fn) throws Unsupported {
            int opStart = m.getStartPosition();
            int opEnd = m.getEndPosition();
            if (opStart < 0 || opEnd > src.length() || !"matches".equals(src.substring(opStart, opEnd))) {
                throw new Unsupported(REFUSED);
            }
            int ls = minStart(m.getChild(0));
            int[] left = depths(src, ls, opStart);
            for (int need = -left[1]; need > 0; need--) {
                ls--;
                while (ls >= 0 && Character.isWhitespace(src.charAt(ls))) {
                    ls--;
                }
                if (ls < 0 || "([{".indexOf(src.charAt(ls)) < 0) {
                    throw new Unsupported(REFUSED);
                }
            }
            int re = maxEnd(m.getChild(1));
            int[] right = depths(src, opEnd, re);
            if (right[1] < 0 || re > src.length()) {
                throw new Unsupported(REFUSED);
            }
            for (int need = right[0]; need > 0; need--) {
                while (re < src.length() && Character.isWhitespace(src.charAt(re))) {
                    re++;
                }
                if (re >= src.length() || ")]}".indexOf(src.charAt(re)) < 0) {
                    throw new Unsupported(REFUSED);
                }
                re++;
            }
            return src.substring(0, ls) + "#" + fn + "(" + src.substring(ls, opStart).strip() + ", "
                    + src.substring(opEnd, re).strip() + ")" + src.substring(re);
        }

        /** {final depth, lowest depth} of the brackets in {@code src[from, to)}, string literals skipped. */
        private static int[] depths(String src, int from, int to) throws Unsupported {
            if (from < 0 || to > src.length() || from > to) {
                throw new Unsupported(REFUSED);
            }
            int depth = 0;
            int min = 0;
            for (int i = from; i < to; i++) {
                char c = src.charAt(i);
                if (c == '\'' || c == '"') {
                    int j = i + 1;
                    while (j < to && !(src.charAt(j) == c && (j + 1 >= to || src.charAt(j + 1) != c))) {
                        j += src.charAt(j) == c ? 2 : 1;
                    }
                    i = j;
                } else if ("([{".indexOf(c) >= 0) {
                    depth++;
                } else if (")]}".indexOf(c) >= 0) {
                    depth--;
                    min = Math.min(min, depth);
                }
            }
            return new int[] {depth, min};
        }

        private static int minStart(SpelNode n) {
            int v = n.getStartPosition();
            for (int i = 0; i < n.getChildCount(); i++) {
                v = Math.min(v, minStart(n.getChild(i)));
            }
            return v;
        }

        private static int maxEnd(SpelNode n) {
            int v = n.getEndPosition();
            for (int i = 0; i < n.getChildCount(); i++) {
                v = Math.max(v, maxEnd(n.getChild(i)));
            }
            return v;
        }

        /** The rewritten tree is the original with each matches operator replaced by a call of fn on the same operands. */
        private static boolean sameShape(SpelNode o, SpelNode r, String fn) {
            if (o instanceof org.springframework.expression.spel.ast.OperatorMatches) {
                return r instanceof org.springframework.expression.spel.ast.FunctionReference f && f.toStringAST().startsWith("#" + fn + "(")
                        && f.getChildCount() == 2 && sameShape(o.getChild(0), r.getChild(0), fn)
                        && sameShape(o.getChild(1), r.getChild(1), fn);
            }
            if (o.getClass() != r.getClass() || o.getChildCount() != r.getChildCount()) {
                return false;
            }
            if (o.getChildCount() == 0) {
                return o.toStringAST().equals(r.toStringAST());
            }
            for (int i = 0; i < o.getChildCount(); i++) {
                if (!sameShape(o.getChild(i), r.getChild(i), fn)) {
                    return false;
                }
            }
            return true;
        }
    }
}
