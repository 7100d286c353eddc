package dev.tshoot.engine;

import java.util.ArrayList;
import java.util.List;

import dev.tshoot.engine.SessionEvent.ConditionResult;

/** The "why" of a session: how the route reached the current node, in words. */
final class Explanation {

    private Explanation() {}

    /** Each answer given and each condition that decided, from start to {@code current}. */
    static List<String> of(List<RouteStep> route, String current) {
        List<String> out = new ArrayList<>();
        if (route.isEmpty()) {
            out.add("You are at the start node '" + current + "': nothing has been answered yet.");
            return out;
        }
        for (RouteStep s : route) {
            switch (s.how()) {
                case "answer" -> {
                    String line = "'" + s.node() + "' asked \"" + s.headline() + "\": you answered "
                            + quote(s.answerLabel() != null ? s.answerLabel() : s.answerValue());
                    if (!s.conditions().isEmpty()) {
                        line += "; " + describeDecision(s.conditions());
                    }
                    out.add(line + " -> '" + s.target() + "'");
                }
                case "action" -> out.add("'" + s.node() + "' (" + s.headline() + "): you confirmed it was done -> '"
                        + s.target() + "'");
                case "check" -> out.add("'" + s.node() + "' checked: " + describeDecision(s.conditions()) + " -> '"
                        + s.target() + "'");
                case "goto" -> out.add("at '" + s.node() + "' you jumped with goto -> '" + s.target() + "'");
                case "consent" -> out.add("'" + s.node() + "' (" + s.headline() + "): you answered '" + s.answerValue()
                        + "' to running its command; " + describeDecision(s.conditions()) + " -> '" + s.target() + "'");
                default -> out.add(s.node() + " -> " + s.target());
            }
        }
        return out;
    }

    private static String describeDecision(List<ConditionResult> rs) {
        List<String> parts = new ArrayList<>();
        for (ConditionResult r : rs) {
            if (r.when() == null) {
                parts.add(parts.isEmpty() ? "default" : "no condition held, so the default");
            } else if (r.value()) {
                parts.add("`" + r.when() + "` was true");
            } else {
                parts.add("`" + r.when() + "` was false" + (r.error() != null ? " (" + r.error() + ")" : ""));
            }
        }
        return String.join(", ", parts);
    }

    private static String quote(String s) {
        return "'" + s + "'";
    }
}
