package dev.tshoot.transcript.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tshoot.engine.Events;
import dev.tshoot.engine.SessionEvent;
import dev.tshoot.transcript.TranscriptHeader;

/**
 * A transcript arranged for reading: one {@link Step} per node entered, holding what happened there,
 * and the route as edges between consecutive nodes labelled with what moved the walk on.
 */
public record Report(ExportSource source, List<Step> steps, List<RouteEdge> route, SessionEvent.OutcomeReached outcome,
        SessionEvent.SessionEnded ended, Map<String, String> headlines) {

    /** A visit to one node (the node is null for events recorded before the first node). */
    public record Step(int number, String node, String nodeType, String via, Instant at, long seq,
            List<SessionEvent> events) {
        public Step {
            events = List.copyOf(events);
        }

        /** The highest sequence number in this step (the node entry's when nothing else happened there). */
        public long lastSeq() {
            return events.isEmpty() ? seq : Math.max(seq, events.get(events.size() - 1).seq());
        }
    }

    /** The walk moved from {@code from} to {@code to} ({@code via}: answer, check, action, back, goto, restart). */
    public record RouteEdge(int number, String from, String to, String via, String label) {}

    public TranscriptHeader header() { return source.transcript().header(); }

    public Integrity integrity() { return source.integrity(); }

    /** The node the walk ended at (or stands at), or null when no node was entered. */
    public String lastNode() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).node() != null) {
                return steps.get(i).node();
            }
        }
        return null;
    }

    public static Report of(ExportSource source) {
        Arrange a = new Arrange();
        for (SessionEvent e : source.transcript().events()) {
            e.accept(a);
        }
        if (a.open != null || !a.pending.isEmpty()) {
            a.steps.add(step(a.steps.size() + 1, a.open, a.pending));
        }
        return new Report(source, List.copyOf(a.steps), List.copyOf(a.route), a.outcome, a.ended, headlines(source));
    }

    /** Sorts events into steps: a node entered opens the next step, every other event joins the open one. */
    private static final class Arrange implements SessionEvent.Visitor<Void> {
        final List<Step> steps = new ArrayList<>();
        final List<RouteEdge> route = new ArrayList<>();
        SessionEvent.OutcomeReached outcome;
        SessionEvent.SessionEnded ended;
        SessionEvent.NodeEntered open;
        List<SessionEvent> pending = new ArrayList<>();

        @Override public Void nodeEntered(SessionEvent.NodeEntered n) {
            if (open != null || !pending.isEmpty()) {
                steps.add(step(steps.size() + 1, open, pending));
            }
            if (open != null) {
                route.add(new RouteEdge(route.size() + 1, open.node(), n.node(), n.via(), label(n.via(), pending)));
            }
            open = n;
            pending = new ArrayList<>();
            return null;
        }

        @Override public Void outcomeReached(SessionEvent.OutcomeReached o) {
            outcome = o;
            return add(o);
        }

        // the walk left the outcome: it no longer stands

        @Override public Void wentBack(SessionEvent.WentBack e) { return left(e); }

        @Override public Void jumped(SessionEvent.Jumped e) { return left(e); }

        @Override public Void restarted(SessionEvent.Restarted e) { return left(e); }

        @Override public Void sessionEnded(SessionEvent.SessionEnded s) {
            ended = s;
            return add(s);
        }

        @Override public Void promptShown(SessionEvent.PromptShown e) { return add(e); }

        @Override public Void answerGiven(SessionEvent.AnswerGiven e) { return add(e); }

        @Override public Void checkEvaluated(SessionEvent.CheckEvaluated e) { return add(e); }

        @Override public Void noteAdded(SessionEvent.NoteAdded e) { return add(e); }

        @Override public Void probeRan(SessionEvent.ProbeRan e) { return add(e); }

        @Override public Void commandRan(SessionEvent.CommandRan e) { return add(e); }

        private Void left(SessionEvent e) {
            outcome = null;
            return add(e);
        }

        private Void add(SessionEvent e) {
            pending.add(e);
            return null;
        }
    }

    /** A one-line text for a node: the playbook's headline when it was found, else what the events showed. */
    public String headline(String node) {
        return headlines.getOrDefault(node, "");
    }

    private static Map<String, String> headlines(ExportSource source) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SessionEvent e : source.transcript().events()) {
            SessionEvent.PromptShown p = Events.promptShown(e);
            SessionEvent.OutcomeReached o = Events.outcomeReached(e);
            if (p != null && p.text() != null) {
                out.putIfAbsent(p.node(), p.text());
            } else if (o != null && o.title() != null) {
                out.putIfAbsent(o.node(), o.title());
            }
        }
        if (source.playbook().playbook() != null) {
            PlaybookText text = PlaybookText.of(source);
            source.playbook().playbook().nodes().forEach((id, n) -> out.put(id, text.redact(n.headline())));
        }
        return Map.copyOf(out);
    }

    private static Step step(int number, SessionEvent.NodeEntered n, List<SessionEvent> events) {
        if (n == null) {
            SessionEvent first = events.get(0);
            return new Step(number, null, null, null, first.at(), first.seq(), events);
        }
        return new Step(number, n.node(), n.nodeType(), n.via(), n.at(), n.seq(), events);
    }

    /** What moved the walk on: the answer, the condition that held, "done", or the navigation. */
    static String label(String via, List<SessionEvent> at) {
        switch (String.valueOf(via)) {
            case "answer" -> {
                SessionEvent.AnswerGiven a = last(at, Events::answerGiven);
                if (a != null) {
                    return a.label() != null && !a.label().isBlank() ? a.label() : a.value();
                }
            }
            case "action" -> {
                return "done";
            }
            case "check" -> {
                SessionEvent.CheckEvaluated c = last(at, Events::checkEvaluated);
                if (c != null) {
                    return Text.held(c);
                }
            }
            default -> {
                return String.valueOf(via);
            }
        }
        return String.valueOf(via);
    }

    /** The last of these events that {@code pick} picks (see {@link Events}), or null. */
    private static <T extends SessionEvent> T last(List<SessionEvent> events,
            java.util.function.Function<SessionEvent, T> pick) {
        for (int i = events.size() - 1; i >= 0; i--) {
            T t = pick.apply(events.get(i));
            if (t != null) {
                return t;
            }
        }
        return null;
    }
}
