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
 */
public final class Conditions {

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();

    private Conditions() {}

    /** Parses an expression once; an expression that does not parse still compiles, to a condition that is false. */
    public static Compiled compile(String expression) {
        return new Compiled(expression);
    }

    /** A compiled condition, with what lint needs to know about it. */
    public static final class Compiled implements Condition {
        private final String source;
        private final Expression parsed;
        private final RuntimeException unparsable;
        private final String syntaxError;

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
            this.unparsable = failure;
            this.syntaxError = problem(source, e, failure);
        }

        @Override public String source() { return source; }

        /** Null when the expression is valid and allowed, else a message saying what is wrong. */
        public String syntaxError() { return syntaxError; }

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
            try {
                if (unparsable != null) {
                    throw unparsable;
                }
                EvaluationContext ctx = SimpleEvaluationContext
                        .forPropertyAccessors(new MapAccessor(false))
                        .withAssignmentDisabled()
                        .withRootObject(root)
                        .build();
                Object v = parsed.getValue(ctx);
                if (v instanceof Boolean b) {
                    return new Evaluation(b, null);
                }
                return new Evaluation(false, "the condition gave " + (v == null ? "null" : "'" + v + "'") + ", not true or false");
            } catch (RuntimeException e) {
                String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                if (e instanceof org.springframework.expression.spel.SpelEvaluationException se) {
                    msg = se.getMessage().replaceFirst("^EL\\d+E: ", "");
                }
                return new Evaluation(false, msg);
            }
        }

        @Override public String toString() { return source; }
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
}
