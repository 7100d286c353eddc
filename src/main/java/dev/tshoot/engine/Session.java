package dev.tshoot.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.tshoot.playbook.Node;
import dev.tshoot.playbook.Nodes;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.Provenance;
import dev.tshoot.playbook.Suggest;
import dev.tshoot.text.Words;

/**
 * One walk through a playbook. It takes answers and emits {@link SessionEvent}s; it knows no
 * terminal and no framework. Check nodes are evaluated as soon as they are entered; questions and
 * actions wait for {@link #answer(String)}; an outcome ends the walk until {@link #back()},
 * {@link #jump(String)} or {@link #restart()}.
 *
 * <p>The session keeps the walk's state ({@link Walk}) and its navigation (answer, consent, back,
 * goto, restart, end); what happens at each kind of node is in its {@link NodeStep}.
 */
public final class Session {

    /** Where the walk stands. */
    public enum State { WAITING_FOR_ANSWER, WAITING_FOR_CONFIRMATION, WAITING_FOR_CONSENT, AT_OUTCOME, ENDED }

    /** The user's answer to "run this command?". ALWAYS approves later commands of the same kind. */
    public enum Consent { YES, NO, ALWAYS }

    private final String id;
    private final Playbook playbook;
    private final Walk w;

    Session(String id, Playbook playbook, Provenance provenance, Clock clock, EventSink sink, Diagnostics diagnostics,
            ConsentPolicy policy, boolean retain) {
        this.id = id;
        this.playbook = playbook;
        this.w = new Walk(playbook, provenance, clock, sink, diagnostics, policy, retain);
    }

    /** Enters the start node. Called once by {@link SessionEngine}. */
    void begin() {
        enter(playbook.start(), "start");
    }

    public String id() { return id; }

    public Playbook playbook() { return playbook; }

    /** Who signed the playbook, as tshoot checked it when the session started; null when it was not checked. */
    public Provenance provenance() { return w.provenance; }

    public State state() { return w.state; }

    public Node current() { return playbook.node(w.current); }

    /** Every event emitted so far, in order (empty when the session was started without keeping events). */
    public List<SessionEvent> events() { return Collections.unmodifiableList(w.events); }

    /** The answers in force (superseded answers are in the events, not here). */
    public Map<String, Object> answers() { return Collections.unmodifiableMap(w.answers); }

    /** Facts gathered by probes so far, by probe name. */
    public Map<String, Object> facts() { return Collections.unmodifiableMap(w.facts); }

    /** Command results kept under their register names. */
    public Map<String, Object> registers() { return Collections.unmodifiableMap(w.registers); }

    /** The answers given to secret questions, so that displays can withhold them as the transcript does. */
    public Set<String> secrets() { return Collections.unmodifiableSet(w.secrets); }

    /** The command waiting for consent, or null. */
    public Diagnostics.CommandRequest pendingCommand() { return w.pending; }

    /** Answers "run this command?" for the command waiting at the current check. */
    public void consent(Consent c) throws SessionException {
        requireOpen();
        if (w.state != State.WAITING_FOR_CONSENT || w.pending == null) {
            throw new SessionException("No command is waiting for consent at '" + w.current + "'.");
        }
        String target = w.asking.consent(w, c);
        enter(target, "check");
    }

    public List<RouteStep> route() { return Collections.unmodifiableList(w.route); }

    /** The outcome reached, or null. */
    public Node.Outcome outcome() {
        Node n = current();
        return w.state == State.AT_OUTCOME || w.state == State.ENDED ? Nodes.outcome(n) : null;
    }

    /**
     * Answers the current question, or confirms the current action ({@code done}). Choice answers
     * may be the value, the label or the 1-based number; yes/no accept yes, y, no, n, true, false.
     */
    public void answer(String raw) throws SessionException {
        requireOpen();
        String text = raw == null ? "" : raw.strip();
        if (w.state == State.WAITING_FOR_CONSENT) {
            String t = text.toLowerCase(Locale.ROOT);
            Consent c = switch (t) {
                case "yes", "y", "run" -> Consent.YES;
                case "no", "n", "skip" -> Consent.NO;
                case "always", "a" -> Consent.ALWAYS;
                default -> null;
            };
            if (c == null) {
                throw new SessionException("'" + text + "' does not answer \"Run " + Words.argv(w.pending.shown())
                        + "?\". Expected yes, no or always.");
            }
            consent(c);
            return;
        }
        NodeStep.Next next = NodeStep.of(current()).answer(w, text);
        enter(next.node(), next.via());
    }

    /** Undoes the last answer (or action, or goto) and asks again; the undone answer stays in the record. */
    public void back() throws SessionException {
        requireOpen();
        List<RouteStep> route = w.route;
        int i = route.size() - 1;
        while (i >= 0 && "check".equals(route.get(i).how())) {
            i--;
        }
        if (i < 0) {
            throw new SessionException("There is nothing to go back to: no answer has been given yet in this walk."
                    + " Answer the question, or use 'goto <node>' or 'restart'.");
        }
        RouteStep undone = route.get(i);
        String from = w.current;
        w.noCommandWaiting();
        route.subList(i, route.size()).clear();
        w.restore(undone.before());
        w.emit(new SessionEvent.WentBack(w.nextSeq(), w.now(), from, undone.node()));
        enter(undone.node(), "back");
    }

    /** Jumps to any node (for a support engineer who knows better); back returns here. */
    public void jump(String nodeId) throws SessionException {
        requireOpen();
        if (nodeId == null || playbook.node(nodeId) == null) {
            throw new SessionException("There is no node '" + nodeId + "' in playbook '" + playbook.id() + "'."
                    + Suggest.didYouMean(nodeId, playbook.nodes().keySet())
                    + " 'playbook show " + playbook.id() + "' lists the nodes.");
        }
        Node from = current();
        w.noCommandWaiting();
        w.route.add(new RouteStep(from.id(), from.type(), from.headline(), "goto", null, null, List.of(), nodeId,
                w.snapshot()));
        w.emit(new SessionEvent.Jumped(w.nextSeq(), w.now(), from.id(), nodeId));
        enter(nodeId, "goto");
    }

    /** Starts the walk again; earlier answers stay in the record but no longer count. */
    public void restart() throws SessionException {
        requireOpen();
        String from = w.current;
        w.noCommandWaiting();
        w.route.clear();
        w.restore(new RouteStep.Snapshot(Map.of(), Map.of(), Map.of(), false));
        w.emit(new SessionEvent.Restarted(w.nextSeq(), w.now(), from));
        enter(playbook.start(), "restart");
    }

    /** Adds a note at the current node. */
    public void note(String text) throws SessionException {
        requireOpen();
        if (text == null || text.isBlank()) {
            throw new SessionException("The note is empty. Write it after the command: note <text>.");
        }
        w.emit(new SessionEvent.NoteAdded(w.nextSeq(), w.now(), w.current, text.strip()));
    }

    /** Closes the session; {@code reason} is outcome, user or interrupted. Idempotent. */
    public void end(String reason) {
        if (w.state == State.ENDED) {
            return;
        }
        Node.Outcome o = outcome();
        w.state = State.ENDED;
        w.emit(new SessionEvent.SessionEnded(w.nextSeq(), w.now(), reason, o == null ? null : o.result().yamlName()));
    }

    /** Explains how the walk reached the current node: each answer given and each condition that decided. */
    public List<String> why() {
        return Explanation.of(w.route, w.current);
    }

    private void requireOpen() throws SessionException {
        if (w.state == State.ENDED) {
            throw new SessionException("This session has ended. Start a new one with 'start <playbook-id>'.");
        }
    }

    /** The choices offered before a command runs; "always" only for commands on tshoot's read-only list. */
    public static List<SessionEvent.Option> consentOptions(Diagnostics.CommandRequest req) {
        List<SessionEvent.Option> o = new ArrayList<>(List.of(new SessionEvent.Option("yes", "Run it"),
                new SessionEvent.Option("no", "Don't run it (the playbook continues without its result)")));
        if (req.readOnly()) {
            o.add(new SessionEvent.Option("always", "Always run read-only commands this session"));
        }
        return o;
    }

    /**
     * What the consent prompt says about the command (recorded as the prompt's help): read-only
     * only for a command on tshoot's list; otherwise why tshoot asks every time.
     */
    public static String consentHelp(Diagnostics.CommandRequest req) {
        if (req.readOnly()) {
            return req.verdict().declared() ? "This command only reads, as " + req.verdict().reason() + "." // its signer's word
                    : "This command only reads.";
        }
        if (req.mutating()) {
            return "This command CHANGES the system.";
        }
        return "tshoot asks every time: " + req.verdict().reason() + ".";
    }

    /** Enters a node and goes on through checks until the walk waits for the user. */
    private void enter(String nodeId, String via) {
        String id = nodeId;
        String how = via;
        w.automaticSteps = 0;
        while (id != null) {
            Node node = playbook.node(id);
            w.current = id;
            w.emit(new SessionEvent.NodeEntered(w.nextSeq(), w.now(), id, node.type(), how));
            id = NodeStep.of(node).enter(w);
            how = "check";
        }
    }
}
