package dev.tshoot.engine;

import java.util.List;
import java.util.Map;

/**
 * One step of the route taken so far: a node that was left, and how. {@code how} is
 * {@code answer}, {@code action}, {@code check}, {@code consent} or {@code goto}. The "before" members
 * are what {@code back} restores: the answers in force and the "always run" consents.
 */
public record RouteStep(String node, String nodeType, String headline, String how, String answerValue,
        String answerLabel, List<SessionEvent.ConditionResult> conditions, String target,
        Map<String, Object> answersBefore, boolean alwaysReadOnlyBefore, boolean alwaysMutatingBefore) {
    public RouteStep {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
}
