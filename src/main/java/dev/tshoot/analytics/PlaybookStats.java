package dev.tshoot.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one playbook id and version, added to one verified session at a time
 * ({@link SessionTally#addTo}); {@link #view()} gives them as plain values, sorted.
 */
final class PlaybookStats {

    /** The outcome classes, in the order reports show them. */
    static final List<String> OUTCOMES = List.of("resolved", "unresolved", "escalated", "abandoned", "interrupted");

    /** A link key: from and to joined by NUL, split again once (a hostile node id holding NUL only mislabels its own link). */
    static String key(String from, String to) {
        return from + "\u0000" + to;
    }

    final String id;
    final String version;
    long sessions;
    long unclosed;
    long fromMatch;
    final Tally outcomes = new Tally();
    final Tally abandonedAt = new Tally();
    final Tally visits = new Tally();
    final Tally backsTo = new Tally();
    final Tally backLinks = new Tally();
    final Tally links = new Tally();
    final Tally asked = new Tally();
    final Tally refused = new Tally();
    final Tally symptoms = new Tally();
    final Tally handovers = new Tally();
    final Tally continuedFrom = new Tally();
    final Tally escalationPaths = new Tally();
    private final Map<String, Quantiles> times = new HashMap<>();

    PlaybookStats(String id, String version) {
        this.id = id;
        this.version = version;
    }

    void add(SessionTally s) {
        sessions++;
        String outcome = s.outcome();
        outcomes.add(outcome);
        if (!s.closed()) {
            unclosed++;
        }
        if ("abandoned".equals(outcome) && s.lastNode() != null) {
            abandonedAt.add(s.lastNode());
        }
        for (SessionTally.Visit v : s.visits) {
            visits.add(v.node());
            if (times.size() < Tally.MAX_KEYS || times.containsKey(v.node())) {
                times.computeIfAbsent(v.node(), k -> new Quantiles()).add(v.ms());
            }
        }
        // a node entered but not left (no later event at all) still counts as a visit
        if (s.visits.isEmpty() && s.lastNode() != null) {
            visits.add(s.lastNode());
        }
        for (SessionTally.Link l : s.links) {
            links.add(key(l.from(), l.to()));
        }
        for (SessionTally.Link b : s.backs) {
            backsTo.add(b.to());
            backLinks.add(key(b.from(), b.to()));
        }
        for (String[] c : s.consents) {
            asked.add(c[0]);
            if ("no".equals(c[1])) {
                refused.add(c[0]);
            }
        }
        if (!s.symptoms.isEmpty()) {
            fromMatch++;
            s.symptoms.forEach(symptoms::add);
        }
        for (String[] h : s.handovers) {
            handovers.add(key(h[0], h[1]));
        }
        if (s.continuedFrom != null) {
            continuedFrom.add(s.continuedFrom);
        }
        if ("escalated".equals(outcome)) {
            escalationPaths.add(String.join(" > ", s.path));
        }
    }

    /** The figures as values, each list sorted most first. */
    StatsReport.Playbook view() {
        Map<String, Long> mix = new LinkedHashMap<>();
        OUTCOMES.forEach(o -> mix.put(o, outcomes.get(o)));
        List<StatsReport.NodeTime> nodeTimes = new ArrayList<>();
        times.forEach((node, q) -> nodeTimes.add(new StatsReport.NodeTime(node, q.count(), q.quantile(0.5), q.quantile(0.9))));
        nodeTimes.sort((a, b) -> a.medianMs() != b.medianMs() ? Long.compare(b.medianMs(), a.medianMs())
                : a.node().compareTo(b.node()));
        List<StatsReport.Command> commands = new ArrayList<>();
        for (Tally.Entry e : asked.sorted()) {
            commands.add(new StatsReport.Command(e.key(), e.count(), refused.get(e.key())));
        }
        commands.sort((a, b) -> a.refused() != b.refused() ? Long.compare(b.refused(), a.refused())
                : a.command().compareTo(b.command()));
        return new StatsReport.Playbook(id, version, sessions, mix, unclosed, counts(abandonedAt), counts(visits),
                counts(backsTo), pairs(backLinks), pairs(links), nodeTimes, commands, fromMatch, counts(symptoms),
                pairs(handovers), counts(continuedFrom), counts(escalationPaths));
    }

    private static List<StatsReport.Count> counts(Tally t) {
        return t.sorted().stream().map(e -> new StatsReport.Count(e.key(), e.count())).toList();
    }

    private static List<StatsReport.Pair> pairs(Tally t) {
        return t.sorted().stream().map(e -> {
            String[] ft = e.key().split("\u0000", 2);
            return new StatsReport.Pair(ft[0], ft.length > 1 ? ft[1] : "", e.count());
        }).toList();
    }
}
