package dev.tshoot.transcript.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        List<Step> steps = new ArrayList<>();
        List<RouteEdge> route = new ArrayList<>();
        SessionEvent.OutcomeReached outcome = null;
        SessionEvent.SessionEnded ended = null;
        SessionEvent.NodeEntered open = null;
        List<SessionEvent> pending = new ArrayList<>();
        for (SessionEvent e : source.transcript().events()) {
            if (e instanceof SessionEvent.NodeEntered n) {
                if (open != null || !pending.isEmpty()) {
                    steps.add(step(steps.size() + 1, open, pending));
                }
                if (open != null) {
                    route.add(new RouteEdge(route.size() + 1, open.node(), n.node(), n.via(), label(n.via(), pending)));
                }
                open = n;
                pending = new ArrayList<>();
                continue;
            }
            if (e instanceof SessionEvent.OutcomeReached o) {
                outcome = o;
            } else if (e instanceof SessionEvent.WentBack || e instanceof SessionEvent.Jumped
                    || e instanceof SessionEvent.Restarted) {
                outcome = null; // the walk left that outcome: it no longer stands
            } else if (e instanceof SessionEvent.SessionEnded s) {
                ended = s;
            }
            pending.add(e);
        }
        if (open != null || !pending.isEmpty()) {
            steps.add(step(steps.size() + 1, open, pending));
        }
        return new Report(source, List.copyOf(steps), List.copyOf(route), outcome, ended, headlines(source));
    }

    /** A one-line text for a node: the playbook's headline when it was found, else what the events showed. */
    public String headline(String node) {
        return headlines.getOrDefault(node, "");
    }

    private static Map<String, String> headlines(ExportSource source) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SessionEvent e : source.transcript().events()) {
            if (e instanceof SessionEvent.PromptShown p && p.text() != null) {
                out.putIfAbsent(p.node(), p.text());
            } else if (e instanceof SessionEvent.OutcomeReached o && o.title() != null) {
                out.putIfAbsent(o.node(), o.title());
            }
        }
        if (source.playbook().playbook() != null) {
            source.playbook().playbook().nodes().forEach((id, n) -> out.put(id, n.headline()));
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
                SessionEvent.AnswerGiven a = last(at, SessionEvent.AnswerGiven.class);
                if (a != null) {
                    return a.label() != null && !a.label().isBlank() ? a.label() : a.value();
                }
            }
            case "action" -> {
                return "done";
            }
            case "check" -> {
                SessionEvent.CheckEvaluated c = last(at, SessionEvent.CheckEvaluated.class);
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

    private static <T extends SessionEvent> T last(List<SessionEvent> events, Class<T> type) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (type.isInstance(events.get(i))) {
                return type.cast(events.get(i));
            }
        }
        return null;
    }
}
