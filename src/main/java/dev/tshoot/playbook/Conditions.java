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
 * The one expression language of playbooks: SpEL in a read-only sandbox. The context is a
 * {@link SimpleEvaluationContext} with only a read-only map accessor: no method calls, no type
 * references, no constructors, no bean references, no assignment. Data is plain maps and lists.
 *
 * <p>Variables: {@code answers['node-id']}, {@code answer} (the current question's answer),
 * {@code facts['probe']['name']} and registered command results by name.
 */
public final class Conditions {

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();

    private Conditions() {}

    /** The outcome of evaluating one condition. */
    public record Evaluation(String expression, boolean value, String error) {}

    /** Parses without evaluating; returns null when valid, else a message saying what is wrong. */
    public static String syntaxError(String expression) {
        if (expression == null || expression.isBlank()) {
            return "the condition is empty";
        }
        try {
            Expression parsed = PARSER.parseExpression(expression);
            if (parsed instanceof SpelExpression se) {
                String forbidden = forbidden(se.getAST());
                if (forbidden != null) {
                    return forbidden + " is not allowed: conditions only read answers, facts and registers";
                }
            }
            return null;
        } catch (ParseException e) {
            return e.getSimpleMessage().replaceFirst("^EL\\d+E: ", "") + " (at character " + Math.max(e.getPosition(), 0) + ")";
        } catch (RuntimeException e) {
            return String.valueOf(e.getMessage());
        }
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

    /** The node ids an expression reads as {@code answers['id']}. Empty when it does not parse. */
    public static List<String> answerReferences(String expression) {
        List<String> out = new ArrayList<>();
        try {
            Expression e = PARSER.parseExpression(expression);
            if (e instanceof SpelExpression s) {
                collect(s.getAST(), out);
            }
        } catch (RuntimeException ignored) {
            // syntax errors are reported by syntaxError
        }
        return out;
    }

    /**
     * The names an expression reads at its root, e.g. {@code lscpu} in {@code lscpu.stdout matches '…'}
     * or {@code facts} in {@code facts['os']['family']}. Empty when it does not parse.
     */
    public static java.util.Set<String> rootNames(String expression) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        try {
            Expression e = PARSER.parseExpression(expression);
            if (e instanceof SpelExpression s) {
                roots(s.getAST(), out);
            }
        } catch (RuntimeException ignored) {
            // syntax errors are reported by syntaxError
        }
        return out;
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
     * Evaluates a condition against read-only data. A condition that fails to evaluate (a missing
     * fact, a type mismatch) counts as false, and the reason is returned for the record.
     */
    public static Evaluation evaluate(String expression, Map<String, Object> root) {
        try {
            EvaluationContext ctx = SimpleEvaluationContext
                    .forPropertyAccessors(new MapAccessor(false))
                    .withAssignmentDisabled()
                    .withRootObject(root)
                    .build();
            Object v = PARSER.parseExpression(expression).getValue(ctx);
            if (v instanceof Boolean b) {
                return new Evaluation(expression, b, null);
            }
            return new Evaluation(expression, false,
                    "the condition gave " + (v == null ? "null" : "'" + v + "'") + ", not true or false");
        } catch (RuntimeException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e instanceof org.springframework.expression.spel.SpelEvaluationException se) {
                msg = se.getMessage().replaceFirst("^EL\\d+E: ", "");
            }
            return new Evaluation(expression, false, msg);
        }
    }
}
