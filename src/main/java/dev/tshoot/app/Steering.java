package dev.tshoot.app;

import dev.tshoot.engine.RouteStep;
import dev.tshoot.engine.Session;
import dev.tshoot.engine.SessionException;
import dev.tshoot.playbook.Node;
import dev.tshoot.playbook.SymptomMatcher;

/**
 * Steering a running session from the prompt: where {@code back} lands, and how a session is
 * entered somewhere other than its first question (from a match, or continued from another
 * playbook's hand-over). Each returns an error message, or null when it went well.
 */
public final class Steering {

    private Steering() {}

    /** The node {@code back} returns to: the last one reached by an answer, not a check. */
    public static String backTarget(Session s) {
        return s.route().stream().filter(r -> !"check".equals(r.how())).reduce((a, b) -> b)
                .map(RouteStep::node).orElse(s.current().id());
    }

    /** A hand-over to follow with {@code continue}, or why there is none. */
    public record Handover(Node.Outcome outcome, String refusal) {}

    /** The outcome {@code s} stands at and its hand-over, or (in {@code refusal}) why 'continue' cannot follow it. */
    public static Handover handover(Session s) {
        Node.Outcome o = s.outcome();
        if (o == null || o.handover() == null) {
            return new Handover(null, "'continue' follows an outcome that hands the case to another playbook, and '"
                    + s.current().id() + "' does not. Use 'resume' to go on with this session.");
        }
        return new Handover(o, null);
    }

    /** How the session that hands over is named in the next one. */
    public static String from(Session s, Node.Outcome o) {
        return s.playbook().id() + " session " + s.id() + " (outcome '" + o.id() + "')";
    }

    /** Notes where {@code next} came from and goes to the node the hand-over names. */
    public static String continueAt(Session next, Node.Outcome o, String from) {
        try {
            next.note("Continued from " + from + ".");
            if (o.handover().node() != null && !o.handover().node().equals(next.current().id())) {
                next.jump(o.handover().node());
            }
            return null;
        } catch (SessionException e) {
            return e.getMessage();
        }
    }

    /** Notes the symptoms that matched and goes to the candidate's entry node. */
    public static String startAt(Session s, SymptomMatcher.Candidate c, String text) {
        try {
            s.note("Started from the error text (symptom " + String.join(", ", c.hits().stream()
                    .map(SymptomMatcher.Hit::symptom).toList()) + "): " + MatchSymptoms.shorten(SymptomMatcher.normalise(text)));
            if (!c.node().equals(s.current().id())) {
                s.jump(c.node());
            }
            return null;
        } catch (SessionException e) {
            return e.getMessage();
        }
    }
}
