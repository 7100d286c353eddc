package dev.tshoot.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tshoot.engine.SessionEvent.ConditionResult;
import dev.tshoot.playbook.Condition;
import dev.tshoot.playbook.Node;
import dev.tshoot.playbook.Playbook;

/**
 * The data of one walk, shared by {@link Session} (navigation) and the node steps: where it stands,
 * the answers, facts and registers in force, the route, and the numbered events it emits.
 */
final class Walk {

    final Playbook playbook;
    final Diagnostics diagnostics;
    final ConsentPolicy policy;
    /** Who signed the playbook, as tshoot checked it; null when it was not checked (taken as unsigned). */
    final dev.tshoot.playbook.Provenance provenance;
    private final Clock clock;
    private final EventSink sink;
    private final boolean retain;

    final List<SessionEvent> events = new ArrayList<>();
    final Map<String, Object> facts = new LinkedHashMap<>();
    final Map<String, Object> registers = new LinkedHashMap<>();
    final Set<String> secrets = new LinkedHashSet<>();
    final List<RouteStep> route = new ArrayList<>();
    Map<String, Object> answers = new LinkedHashMap<>();
    boolean alwaysReadOnly;
    /** The command waiting for consent, or null; {@link #asking} is the check it waits at. */
    Diagnostics.CommandRequest pending;
    CheckStep asking;
    /** The conditions of the last transition chosen, for the route. */
    List<ConditionResult> lastConditions = List.of();
    Session.State state;
    String current;
    /** Checks entered one after another since the walk last waited for the user. */
    int automaticSteps;
    private long seq;

    Walk(Playbook playbook, dev.tshoot.playbook.Provenance provenance, Clock clock, EventSink sink, Diagnostics diagnostics,
            ConsentPolicy policy, boolean retain) {
        this.playbook = playbook;
        this.provenance = provenance;
        this.clock = clock;
        this.sink = sink;
        this.diagnostics = diagnostics;
        this.policy = policy;
        this.retain = retain;
    }

    /** The number of the next event. */
    long nextSeq() { return ++seq; }

    Instant now() { return clock.instant(); }

    void emit(SessionEvent e) {
        if (retain) {
            events.add(e);
        }
        sink.accept(e);
    }

    /** Forgets the command waiting for consent (it was answered, or the walk moved away). */
    void noCommandWaiting() {
        pending = null;
        asking = null;
    }

    /** Tells the sink a secret value before it is recorded (as {@code [secret]}). */
    void secret(String value) {
        sink.secret(value);
    }

    /** The data before a step, for {@code back}. */
    RouteStep.Snapshot snapshot() {
        return new RouteStep.Snapshot(Map.copyOf(answers), Map.copyOf(facts), Map.copyOf(registers), alwaysReadOnly);
    }

    void restore(RouteStep.Snapshot s) {
        answers = new LinkedHashMap<>(s.answers());
        facts.clear();
        facts.putAll(s.facts());
        registers.clear();
        registers.putAll(s.registers());
        alwaysReadOnly = s.alwaysReadOnly();
    }

    /** What conditions read: registers by name, {@code answers}, {@code answer} and {@code facts}. */
    Map<String, Object> data(Object answer) {
        Map<String, Object> root = new LinkedHashMap<>();
        registers.forEach(root::put);
        root.put("answers", Collections.unmodifiableMap(new LinkedHashMap<>(answers)));
        root.put("answer", answer);
        root.put("facts", Collections.unmodifiableMap(new LinkedHashMap<>(facts)));
        return Collections.unmodifiableMap(root);
    }

    /** The conditions evaluated in order up to the first that holds, and the transition taken. */
    record Transitioned(List<ConditionResult> results, String target) {}

    /** Chooses a transition: the first whose condition holds, else the default; records the evaluation. */
    Transitioned choose(Node node, List<Node.Transition> next, Map<String, Object> data) {
        List<ConditionResult> results = new ArrayList<>();
        for (Node.Transition t : next) {
            if (t.isDefault()) {
                results.add(new ConditionResult(null, true, null));
                return chosen(node, results, t.target());
            }
            Condition.Evaluation e = t.condition().evaluate(data);
            results.add(new ConditionResult(t.when(), e.value(), e.error()));
            if (e.value()) {
                return chosen(node, results, t.target());
            }
        }
        // unreachable for a validated playbook: every list ends with a default
        throw new IllegalStateException("node '" + node.id() + "' has no default transition");
    }

    private Transitioned chosen(Node node, List<ConditionResult> results, String target) {
        emit(new SessionEvent.CheckEvaluated(nextSeq(), now(), node.id(), results, target));
        lastConditions = List.copyOf(results);
        return new Transitioned(results, target);
    }

    /** Records an answer (a secret one as {@code [secret]}, keeping the value for displays to withhold). */
    void record(Node node, String kind, String value, String label, boolean secret) {
        record(node, kind, value, label, secret, null);
    }

    /** As above; {@code pasted}: the register a pasted command output is kept under. */
    void record(Node node, String kind, String value, String label, boolean secret, String pasted) {
        if (secret) {
            secrets.add(value);
        }
        emit(new SessionEvent.AnswerGiven(nextSeq(), now(), node.id(), kind, secret ? "[secret]" : value, label, secret,
                pasted));
    }

    /** Adds a step to the route, with the data as it is now as what {@code back} restores. */
    void step(Node node, String how, String value, String label, List<ConditionResult> conditions, String target) {
        route.add(new RouteStep(node.id(), node.type(), node.headline(), how, value, label, conditions, target,
                snapshot()));
    }
}
