package dev.tshoot.engine;

import java.util.List;
import java.util.Map;

/**
 * One step of the route taken so far: a node that was left, and how. {@code how} is
 * {@code answer}, {@code action}, {@code check} or {@code goto}.
 */
public record RouteStep(String node, String nodeType, String headline, String how, String answerValue,
        String answerLabel, List<SessionEvent.ConditionResult> conditions, String target,
        Map<String, Object> answersBefore) {
    public RouteStep {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
}
