package dev.tshoot.engine;

import java.util.List;
import java.util.Map;

/**
 * One step of the route taken so far: a node that was left, and how. {@code how} is
 * {@code answer}, {@code action}, {@code check}, {@code consent} or {@code goto}. {@code before}
 * is what {@code back} restores when it undoes this step.
 */
public record RouteStep(String node, String nodeType, String headline, String how, String answerValue,
        String answerLabel, List<SessionEvent.ConditionResult> conditions, String target, Snapshot before) {

    public RouteStep {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** The session's data before a step: answers, probe facts, registers, the "always run read-only" consent. */
    public record Snapshot(Map<String, Object> answers, Map<String, Object> facts, Map<String, Object> registers,
            boolean alwaysReadOnly) {}
}
