package dev.tshoot.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.tshoot.engine.SessionEvent;
import dev.tshoot.text.Words;

/**
 * One session as stats see it, gathered from its events as they stream by and added to its
 * playbook's {@link PlaybookStats} only once the file verified ({@link #addTo}): a broken file
 * counts as broken and nothing of it reaches the figures.
 *
 * <p>Time at a node runs from its {@code node-entered} to the next one (or the end of the session,
 * or, in a session that was not closed, its last event). The path is the nodes walked, a
 * {@code back} removing what it undid and a {@code restart} starting it again.
 */
final class SessionTally implements SessionEvent.Visitor<Void> {

    /** How the note that {@code match} writes begins (app.Steering#startAt). */
    static final String MATCH_NOTE = "Started from the error text (symptom ";
    /** How the note that {@code continue} writes begins (app.Steering#continueAt). */
    static final String CONTINUED_NOTE = "Continued from ";

    record Visit(String node, long ms) {}

    record Link(String from, String to, String via) {}

    final List<Visit> visits = new ArrayList<>();
    final List<Link> links = new ArrayList<>();
    final List<Link> backs = new ArrayList<>();
    /** The command (as words) and its consent, for each command a user was asked about. */
    final List<String[]> consents = new ArrayList<>();
    final List<String> symptoms = new ArrayList<>();
    final List<String[]> handovers = new ArrayList<>();
    String continuedFrom;
    final List<String> path = new ArrayList<>();

    private String current;
    private Instant enteredAt;
    private Instant lastAt;
    private String endReason;
    private String endResult;
    private boolean ended;

    @Override
    public Void nodeEntered(SessionEvent.NodeEntered e) {
        closeVisit(e.at());
        if (current != null && !"back".equals(e.via()) && !"goto".equals(e.via()) && !"restart".equals(e.via())) {
            links.add(new Link(current, e.node(), e.via()));
        }
        if ("restart".equals(e.via())) {
            path.clear();
        } else if ("back".equals(e.via())) {
            int i = path.lastIndexOf(e.node());
            if (i >= 0) {
                path.subList(i, path.size()).clear();
            }
        }
        path.add(e.node());
        current = e.node();
        enteredAt = e.at();
        return seen(e.at());
    }

    private void closeVisit(Instant until) {
        if (current != null && enteredAt != null && until != null) {
            visits.add(new Visit(current, Math.max(0, Duration.between(enteredAt, until).toMillis())));
        }
        enteredAt = null;
    }

    private Void seen(Instant at) {
        if (at != null) {
            lastAt = at;
        }
        return null;
    }

    @Override public Void promptShown(SessionEvent.PromptShown e) { return seen(e.at()); }

    @Override public Void answerGiven(SessionEvent.AnswerGiven e) { return seen(e.at()); }

    @Override public Void checkEvaluated(SessionEvent.CheckEvaluated e) { return seen(e.at()); }

    @Override
    public Void wentBack(SessionEvent.WentBack e) {
        backs.add(new Link(e.from(), e.to(), "back"));
        return seen(e.at());
    }

    @Override
    public Void jumped(SessionEvent.Jumped e) {
        links.add(new Link(e.from(), e.to(), "goto"));
        return seen(e.at());
    }

    @Override public Void restarted(SessionEvent.Restarted e) { return seen(e.at()); }

    @Override
    public Void noteAdded(SessionEvent.NoteAdded e) {
        String t = e.text() == null ? "" : e.text();
        if (t.startsWith(MATCH_NOTE)) {
            int close = t.indexOf("):", MATCH_NOTE.length());
            if (close > 0) {
                for (String s : t.substring(MATCH_NOTE.length(), close).split(", ")) {
                    symptoms.add(s);
                }
            }
        } else if (t.startsWith(CONTINUED_NOTE) && continuedFrom == null) {
            int sp = t.indexOf(' ', CONTINUED_NOTE.length());
            continuedFrom = sp > 0 ? t.substring(CONTINUED_NOTE.length(), sp) : t.substring(CONTINUED_NOTE.length());
        }
        return seen(e.at());
    }

    @Override
    public Void outcomeReached(SessionEvent.OutcomeReached e) {
        if (e.handover() != null) {
            handovers.add(new String[] {e.node(), e.handover().playbook()});
        }
        return seen(e.at());
    }

    @Override
    public Void sessionEnded(SessionEvent.SessionEnded e) {
        closeVisit(e.at());
        ended = true;
        endReason = e.reason();
        endResult = e.result();
        return seen(e.at());
    }

    @Override public Void probeRan(SessionEvent.ProbeRan e) { return seen(e.at()); }

    @Override
    public Void commandRan(SessionEvent.CommandRan e) {
        String c = e.consent();
        if ("yes".equals(c) || "always".equals(c) || "no".equals(c)) {
            consents.add(new String[] {Words.argv(e.argv()), c});
        }
        return seen(e.at());
    }

    /** resolved, unresolved, escalated, abandoned or interrupted (a session not closed counts as interrupted). */
    String outcome() {
        if (!ended) {
            return "interrupted";
        }
        if (endResult != null) {
            return "escalate".equals(endResult) ? "escalated" : endResult;
        }
        return "interrupted".equals(endReason) ? "interrupted" : "abandoned";
    }

    boolean closed() { return ended; }

    /** The node the session stood at when it ended. */
    String lastNode() { return current; }

    void addTo(PlaybookStats p) {
        if (!ended) {
            closeVisit(lastAt);
        }
        p.add(this);
    }
}
