package dev.tshoot.playbook;

import java.util.Map;
import java.util.function.BiPredicate;

import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.BooleanLiteral;
import org.springframework.expression.spel.ast.CompoundExpression;
import org.springframework.expression.spel.ast.FunctionReference;
import org.springframework.expression.spel.ast.Indexer;
import org.springframework.expression.spel.ast.IntLiteral;
import org.springframework.expression.spel.ast.NullLiteral;
import org.springframework.expression.spel.ast.OpAnd;
import org.springframework.expression.spel.ast.OpEQ;
import org.springframework.expression.spel.ast.OpNE;
import org.springframework.expression.spel.ast.OpOr;
import org.springframework.expression.spel.ast.OperatorNot;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.ast.StringLiteral;

/**
 * A direct evaluator for the shapes nearly every playbook condition has:
 * {@code facts['os']['family'] == 'linux'}, {@code lscpu.status == 'exited' and lscpu.stdout matches '…'},
 * {@code !(…)}, {@code or}, comparisons with text, booleans, {@code null} and whole numbers. It
 * walks the already parsed (and {@code matches}-rewritten) SpEL tree, without SpEL's evaluation
 * context, type descriptors and converters, which is most of a re-walk's time.
 *
 * <p>It gives an answer only where SpEL's is certain to be the same: map keys that exist (or a
 * missing key read by an index, which SpEL also reads as {@code null}), equality between text,
 * booleans, {@code null} and {@code Integer}/{@code Long}, {@code and}/{@code or}/{@code !} on
 * booleans, {@code matches} on text. Anything else (a missing property, a type SpEL would convert,
 * a number of another kind) returns {@link #UNSURE}, and the caller evaluates with SpEL, so every
 * result and every message stays SpEL's. {@code FastConditionTest} holds the two to each other.
 */
final class FastCondition {

    /** Returned when this evaluator cannot be sure of SpEL's answer. */
    static final Object UNSURE = new Object() {
        @Override public String toString() { return "UNSURE"; }
    };

    interface Node {
        Object eval(Map<String, Object> root);
    }

    private FastCondition() {}

    /** The evaluator for {@code ast}, or null when some part of it is not a shape this class handles. */
    static Node compile(SpelNode ast, String matchesFunction, BiPredicate<String, Object> matches) {
        try {
            return node(ast, matchesFunction, matches);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Node node(SpelNode n, String fn, BiPredicate<String, Object> matches) {
        if (n instanceof StringLiteral s) {
            Object v = s.getLiteralValue().getValue();
            return root -> v;
        }
        if (n instanceof BooleanLiteral b) {
            Object v = b.getLiteralValue().getValue();
            return root -> v;
        }
        if (n instanceof NullLiteral) {
            return root -> null;
        }
        if (n instanceof IntLiteral i) {
            Object v = i.getLiteralValue().getValue();
            return root -> v;
        }
        if (n instanceof OpEQ || n instanceof OpNE) {
            Node l = node(n.getChild(0), fn, matches);
            Node r = node(n.getChild(1), fn, matches);
            boolean eq = n instanceof OpEQ;
            return root -> {
                Object a = l.eval(root);
                if (a == UNSURE) {
                    return UNSURE;
                }
                Object b = r.eval(root);
                if (b == UNSURE) {
                    return UNSURE;
                }
                Object same = equal(a, b);
                return same == UNSURE ? UNSURE : (Boolean) same == eq;
            };
        }
        if (n instanceof OpAnd || n instanceof OpOr) {
            Node l = node(n.getChild(0), fn, matches);
            Node r = node(n.getChild(1), fn, matches);
            boolean and = n instanceof OpAnd;
            return root -> {
                Object a = l.eval(root);
                if (!(a instanceof Boolean ab)) {
                    return UNSURE;
                }
                if (ab != and) {
                    return ab; // false and …, true or …: SpEL does not look at the right side either
                }
                Object b = r.eval(root);
                return b instanceof Boolean ? b : UNSURE;
            };
        }
        if (n instanceof OperatorNot) {
            Node o = node(n.getChild(0), fn, matches);
            return root -> {
                Object a = o.eval(root);
                return a instanceof Boolean ab ? !ab : UNSURE;
            };
        }
        if (n instanceof FunctionReference f && f.getChildCount() == 2
                && f.toStringAST().startsWith("#" + fn + "(")) {
            Node text = node(f.getChild(0), fn, matches);
            Node regex = node(f.getChild(1), fn, matches);
            return root -> {
                Object t = text.eval(root);
                if (!(t instanceof String s)) {
                    return UNSURE;
                }
                Object r = regex.eval(root);
                return r == UNSURE ? UNSURE : matches.test(s, r);
            };
        }
        if (n instanceof PropertyOrFieldReference p && !p.isNullSafe()) {
            return property(p.getName());
        }
        if (n instanceof CompoundExpression c && c.getChildCount() >= 2
                && c.getChild(0) instanceof PropertyOrFieldReference first && !first.isNullSafe()) {
            String[] steps = new String[c.getChildCount()];
            boolean[] index = new boolean[steps.length];
            steps[0] = first.getName();
            for (int i = 1; i < steps.length; i++) {
                SpelNode s = c.getChild(i);
                if (s instanceof PropertyOrFieldReference p && !p.isNullSafe()) {
                    steps[i] = p.getName();
                } else if (s instanceof Indexer x && !x.isNullSafe() && x.getChildCount() == 1
                        && x.getChild(0) instanceof StringLiteral key) {
                    steps[i] = String.valueOf(key.getLiteralValue().getValue());
                    index[i] = true;
                } else {
                    throw new IllegalArgumentException("not a path");
                }
            }
            return root -> path(root, steps, index);
        }
        throw new IllegalArgumentException("not a shape this evaluator handles: " + n.getClass().getSimpleName());
    }

    private static Node property(String name) {
        return root -> root.containsKey(name) ? root.get(name) : UNSURE;
    }

    /** Follows a path of properties ({@code a.b}: the key must exist) and string indexes ({@code a['b']}: a missing key is null). */
    private static Object path(Map<String, Object> root, String[] steps, boolean[] index) {
        Object cur = root;
        for (int i = 0; i < steps.length; i++) {
            if (!(cur instanceof Map<?, ?> m)) {
                return UNSURE;
            }
            if (index[i]) {
                cur = m.get(steps[i]);
            } else if (m.containsKey(steps[i])) {
                cur = m.get(steps[i]);
            } else {
                return UNSURE;
            }
        }
        return cur;
    }

    /** SpEL's equality for text, booleans, null and whole numbers; UNSURE for any other pair. */
    private static Object equal(Object a, Object b) {
        if (a == null || b == null) {
            if (a == null && b == null) {
                return true;
            }
            Object other = a == null ? b : a;
            return simple(other) ? (Object) false : UNSURE;
        }
        if (a instanceof String && b instanceof String) {
            return a.equals(b);
        }
        if (a instanceof Boolean && b instanceof Boolean) {
            return a.equals(b);
        }
        if (whole(a) && whole(b)) {
            return ((Number) a).longValue() == ((Number) b).longValue();
        }
        if (simple(a) && simple(b) && (a instanceof String || b instanceof String || a instanceof Boolean || b instanceof Boolean)) {
            return false; // text, a boolean or a whole number against another of those kinds: never equal in SpEL
        }
        return UNSURE;
    }

    private static boolean whole(Object o) {
        return o instanceof Integer || o instanceof Long;
    }

    private static boolean simple(Object o) {
        return o instanceof String || o instanceof Boolean || whole(o);
    }
}
