package dev.tshoot.analytics;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code tshoot stats} found in a folder: how many files it read, which ones it left out and
 * why (never silently), and the figures per playbook id and version. Plain values; every string
 * that came from a transcript is raw here, and each renderer makes it safe for its medium.
 */
public record StatsReport(Path folder, long files, long sessions, List<Problem> broken, List<Problem> torn,
        List<Playbook> playbooks) {

    /**
     * A file left out ({@code broken}: the chain broke, it is not a transcript, or a line is not of the
     * format) or counted with a warning ({@code torn}: a last line cut mid-way; the lines before it
     * verified and count, as an interrupted session). {@code status}: BROKEN, UNREADABLE, NOT_OF_FORMAT, TORN_TAIL.
     */
    public record Problem(Path file, String status, String message) {}

    public record Count(String key, long count) {}

    public record Pair(String from, String to, long count) {}

    /** Time at one node: how many visits were timed, their median and 90th percentile in ms. */
    public record NodeTime(String node, long samples, long medianMs, long p90Ms) {}

    /** A command the user was asked to run: how often, and how often they refused. */
    public record Command(String command, long asked, long refused) {}

    /**
     * One playbook id and version. {@code outcomes}: resolved, unresolved, escalated, abandoned
     * (ended by the user before an outcome), interrupted (ended by a signal or a closed terminal,
     * or not closed at all: {@code unclosed} of them). {@code backLinks} and {@code links} are
     * from-to pairs (links: the steps the walks took, except backs). {@code handovers}: outcome to
     * playbook; {@code continuedFrom}: sessions that a hand-over from another playbook started.
     * {@code escalationPaths}: node ids joined by " > ".
     */
    public record Playbook(String id, String version, long sessions, Map<String, Long> outcomes, long unclosed,
            List<Count> abandonedAt, List<Count> visits, List<Count> backs, List<Pair> backLinks, List<Pair> links,
            List<NodeTime> timePerNode, List<Command> commands, long fromMatch, List<Count> symptoms,
            List<Pair> handovers, List<Count> continuedFrom, List<Count> escalationPaths) {}

    /** Exit status: 0 every file verified (a torn tail included), 1 some were left out. */
    public int exitStatus() {
        return broken.isEmpty() ? 0 : 1;
    }
}
