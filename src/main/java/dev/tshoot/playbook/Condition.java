package dev.tshoot.playbook;

import java.util.Map;

/**
 * A playbook condition (a transition's {@code when}), compiled once when the playbook is loaded.
 * The engine evaluates conditions only through this interface; {@link Conditions} makes them.
 */
public interface Condition {

    /** The expression as written in the playbook. */
    String source();

    /**
     * Evaluates against read-only data: registers by name, {@code answers}, {@code answer} and
     * {@code facts}. Never throws: a condition that cannot be evaluated is false, with the reason.
     */
    Evaluation evaluate(Map<String, Object> data);

    /** The outcome of evaluating one condition; {@code error} (nullable) says why it could not be evaluated. */
    record Evaluation(boolean value, String error) {}
}
