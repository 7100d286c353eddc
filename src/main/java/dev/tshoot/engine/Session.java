package dev.tshoot.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.tshoot.engine.SessionEvent.ConditionResult;
import dev.tshoot.playbook.Conditions;
import dev.tshoot.playbook.Node;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.Suggest;

/**
 * One walk through a playbook. It takes answers and emits {@link SessionEvent}s; it knows no
 * terminal and no framework. Check nodes are evaluated as soon as they are entered; questions and
 * actions wait for {@link #answer(String)}; an outcome ends the walk until {@link #back()},
 * {@link #jump(String)} or {@link #restart()}.
 */
public final class Session {

    /** Where the walk stands. */
    public enum State { WAITING_FOR_ANSWER, WAITING_FOR_CONFIRMATION, WAITING_FOR_CONSENT, AT_OUTCOME, ENDED }

    /** The user's answer to "run this command?". ALWAYS approves later commands of the same kind. */
    public enum Consent { YES, NO, ALWAYS }

    static final int MAX_AUTOMATIC_STEPS = 10_000;

    private final String id;
    private final Playbook playbook;
    private final Clock clock;
    private final EventSink sink;
    private final Diagnostics diagnostics;
    private final ConsentPolicy policy;
    private final List<SessionEvent> events = new ArrayList<>();
    private final Map<String, Object> facts = new LinkedHashMap<>();
    private final Map<String, Object> registers = new LinkedHashMap<>();
    private boolean alwaysReadOnly;
    private Diagnostics.CommandRequest pending;
    private final List<RouteStep> route = new ArrayList<>();
    private Map<String, Object> answers = new LinkedHashMap<>();
    private String current;
    private State state;
    private long seq;

    private final boolean retain;

    Session(String id, Playbook playbook, Clock clock, EventSink sink, Diagnostics diagnostics, ConsentPolicy policy,
            boolean retain) {
        this.retain = retain;
        this.id = id;
        this.playbook = playbook;
        this.clock = clock;
        this.sink = sink;
        this.diagnostics = diagnostics;
        this.policy = policy;
    }

    /** Enters the start node. Called once by {@link SessionEngine}. */
    void begin() {
        enter(playbook.start(), "start");
    }

    public String id() { return id; }

    public Playbook playbook() { return playbook; }

    public State state() { return state; }

    public Node current() { return playbook.node(current); }

    /** Every event emitted so far, in order (empty when the session was started without keeping events). */
    public List<SessionEvent> events() { return Collections.unmodifiableList(events); }

    /** The answers in force (superseded answers are in the events, not here). */
    public Map<String, Object> answers() { return Collections.unmodifiableMap(answers); }

    /** Facts gathered by probes so far, by probe name. */
    public Map<String, Object> facts() { return Collections.unmodifiableMap(facts); }

    /** Command results kept under their register names. */
    public Map<String, Object> registers() { return Collections.unmodifiableMap(registers); }

    private final java.util.Set<String> secrets = new java.util.LinkedHashSet<>();

    /** The answers given to secret questions, so that displays can withhold them as the transcript does. */
    public java.util.Set<String> secrets() { return Collections.unmodifiableSet(secrets); }

    /** The command waiting for consent, or null. */
    public Diagnostics.CommandRequest pendingCommand() { return pending; }

    /** Answers "run this command?" for the command waiting at the current check. */
    public void consent(Consent c) throws SessionException {
        requireOpen();
        if (state != State.WAITING_FOR_CONSENT || pending == null) {
            throw new SessionException("No command is waiting for consent at '" + current + "'.");
        }
        Node.Check check = (Node.Check) current();
        Diagnostics.CommandRequest req = pending;
        pending = null;
        RouteStep.Snapshot before = snapshot();
        Diagnostics.CommandData data;
        String how;
        switch (c) {
            case NO -> {
                data = Diagnostics.CommandData.notRun("declined", "the user declined to run it");
                how = "no";
            }
            case ALWAYS -> {
                // "always" covers read-only commands only: a command that changes the system asks every time
                if (!req.mutating()) {
                    alwaysReadOnly = true;
                }
                data = run(req);
                how = req.mutating() ? "yes" : "always";
            }
            default -> {
                data = run(req);
                how = "yes";
            }
        }
        String target = finishCommand(check, req, how, data);
        route.add(new RouteStep(check.id(), check.type(), check.headline(), "consent", how, null,
                lastConditions, target, before));
        enter(target, "check");
    }
    public List<RouteStep> route() { return Collections.unmodifiableList(route); }

    /** The outcome reached, or null. */
    public Node.Outcome outcome() {
        return state == State.AT_OUTCOME || (state == State.ENDED && current() instanceof Node.Outcome)
                ? (Node.Outcome) current() : null;
    }

    /**
     * Answers the current question, or confirms the current action ({@code done}). Choice answers
     * may be the value, the label or the 1-based number; yes/no accept yes, y, no, n, true, false.
     */
    public void answer(String raw) throws SessionException {
        requireOpen();
        Node node = current();
        if (state == State.AT_OUTCOME) {
            throw new SessionException("The session has reached an outcome ('" + node.headline()
                    + "'); there is nothing to answer. Use 'back' to change the last answer, 'restart' or 'end'.");
        }
        String text = raw == null ? "" : raw.strip();
        if (state == State.WAITING_FOR_CONSENT) {
            String t = text.toLowerCase(Locale.ROOT);
            Consent c = switch (t) {
                case "yes", "y", "run" -> Consent.YES;
                case "no", "n", "skip" -> Consent.NO;
                case "always", "a" -> Consent.ALWAYS;
                default -> null;
            };
            if (c == null) {
                throw new SessionException("'" + text + "' does not answer \"Run " + String.join(" ", pending.shown())
                        + "?\". Expected yes, no or always.");
            }
            consent(c);
            return;
        }
        if (node instanceof Node.Action a) {
            if (!Answers.isDone(text)) {
                throw new SessionException("'" + text + "' does not confirm this step. Answer 'done' once you have done it"
                        + " ('" + a.title() + "'), or use 'back'.");
            }
            record(a, "action", "done", "done", false);
            step(a, "action", "done", "done", List.of(), a.next());
            enter(a.next(), "action");
            return;
        }
        Node.Question q = (Node.Question) node;
        switch (q.answer()) {
            case CHOICE -> {
                Node.Choice c = Answers.matchChoice(q, text);
                record(q, "choice", c.value(), c.label(), false);
                step(q, "answer", c.value(), c.label(), List.of(), c.target());
                answers.put(q.id(), c.value());
                enter(c.target(), "answer");
            }
            case YESNO -> {
                Boolean yes = Answers.parseYesNo(text);
                if (yes == null) {
                    throw new SessionException("'" + text + "' is not an answer to \"" + q.prompt()
                            + "\". Expected yes or no.");
                }
                String v = yes ? "yes" : "no";
                String target = yes ? q.yes() : q.no();
                record(q, "yesno", v, yes ? "Yes" : "No", false);
                step(q, "answer", v, yes ? "Yes" : "No", List.of(), target);
                answers.put(q.id(), yes);
                enter(target, "answer");
            }
            case TEXT -> {
                if (text.isEmpty()) {
                    throw new SessionException("An empty answer does not fit \"" + q.prompt() + "\". Type your answer"
                            + (q.pattern() != null ? " (it must match " + q.pattern() + ")" : "") + ".");
                }
                if (q.pattern() != null && !Pattern.compile(q.pattern()).matcher(text).matches()) {
                    throw new SessionException("'" + (q.secret() ? "(hidden)" : text) + "' does not fit \"" + q.prompt()
                            + "\": it must match the pattern " + q.pattern() + ".");
                }
                if (q.secret()) {
                    sink.secret(text);
                }
                record(q, "text", text, null, q.secret());
                RouteStep.Snapshot before = snapshot();
                answers.put(q.id(), text);
                Map<String, Object> data = data(text);
                Transitioned t = evaluate(q, q.next(), data);
                route.add(new RouteStep(q.id(), q.type(), q.headline(), "answer", q.secret() ? "(hidden)" : text, null,
                        t.results, t.target, before));
                enter(t.target, "answer");
            }
        }
    }

    /** Undoes the last answer (or action, or goto) and asks again; the undone answer stays in the record. */
    public void back() throws SessionException {
        requireOpen();
        int i = route.size() - 1;
        while (i >= 0 && "check".equals(route.get(i).how())) {
            i--;
        }
        if (i < 0) {
            throw new SessionException("There is nothing to go back to: no answer has been given yet in this walk."
                    + " Answer the question, or use 'goto <node>' or 'restart'.");
        }
        RouteStep undone = route.get(i);
        String from = current;
        pending = null;
        route.subList(i, route.size()).clear();
        restore(undone.before());
        emit(new SessionEvent.WentBack(++seq, clock.instant(), from, undone.node()));
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
        pending = null;
        route.add(new RouteStep(from.id(), from.type(), from.headline(), "goto", null, null, List.of(), nodeId,
                snapshot()));
        emit(new SessionEvent.Jumped(++seq, clock.instant(), from.id(), nodeId));
        enter(nodeId, "goto");
    }

    /** Starts the walk again; earlier answers stay in the record but no longer count. */
    public void restart() throws SessionException {
        requireOpen();
        String from = current;
        pending = null;
        route.clear();
        restore(new RouteStep.Snapshot(Map.of(), Map.of(), Map.of(), false));
        emit(new SessionEvent.Restarted(++seq, clock.instant(), from));
        enter(playbook.start(), "restart");
    }

    /** Adds a note at the current node. */
    public void note(String text) throws SessionException {
        requireOpen();
        if (text == null || text.isBlank()) {
            throw new SessionException("The note is empty. Write it after the command: note <text>.");
        }
        emit(new SessionEvent.NoteAdded(++seq, clock.instant(), current, text.strip()));
    }

    /** Closes the session; {@code reason} is outcome, user or interrupted. Idempotent. */
    public void end(String reason) {
        if (state == State.ENDED) {
            return;
        }
        Node.Outcome o = outcome();
        state = State.ENDED;
        emit(new SessionEvent.SessionEnded(++seq, clock.instant(), reason, o == null ? null : o.result().yamlName()));
    }

    /** Explains how the walk reached the current node: each answer given and each condition that decided. */
    public List<String> why() {
        return Explanation.of(route, current);
    }

    private void requireOpen() throws SessionException {
        if (state == State.ENDED) {
            throw new SessionException("This session has ended. Start a new one with 'start <playbook-id>'.");
        }
    }

    private record Transitioned(List<ConditionResult> results, String target) {}

    /** The choices offered before a command runs; "always" only for read-only commands. */
    public static List<SessionEvent.Option> consentOptions(Diagnostics.CommandRequest req) {
        List<SessionEvent.Option> o = new ArrayList<>(List.of(new SessionEvent.Option("yes", "Run it"),
                new SessionEvent.Option("no", "Don't run it (the playbook continues without its result)")));
        if (!req.mutating()) {
            o.add(new SessionEvent.Option("always", "Always run read-only commands this session"));
        }
        return o;
    }

    private RouteStep.Snapshot snapshot() {
        return new RouteStep.Snapshot(Map.copyOf(answers), Map.copyOf(facts), Map.copyOf(registers), alwaysReadOnly);
    }

    private void restore(RouteStep.Snapshot s) {
        answers = new LinkedHashMap<>(s.answers());
        facts.clear();
        facts.putAll(s.facts());
        registers.clear();
        registers.putAll(s.registers());
        alwaysReadOnly = s.alwaysReadOnly();
    }

    /** Runs a command; a failure of the diagnostics themselves becomes a result, never an exception. */
    private Diagnostics.CommandData run(Diagnostics.CommandRequest req) {
        try {
            return diagnostics.run(req);
        } catch (RuntimeException e) {
            return Diagnostics.CommandData.notRun("failed_to_start", "the command could not be started: " + e.getMessage());
        }
    }

    private Diagnostics.ProbeData probe(String node, String name) {
        try {
            return diagnostics.probe(node, name);
        } catch (RuntimeException e) {
            return new Diagnostics.ProbeData(name, Map.of(), Map.of(), List.of(), 0, "the probe failed: " + e.getMessage());
        }
    }

    private List<ConditionResult> lastConditions = List.of();

    /** Records a command's result, keeps it under its register name, and evaluates the check's transitions. */
    private String finishCommand(Node.Check c, Diagnostics.CommandRequest req, String consent, Diagnostics.CommandData d) {
        emit(new SessionEvent.CommandRan(++seq, clock.instant(), c.id(), req.shown(), req.shell(), req.mutating(), consent,
                c.register(), d.status(), d.exitCode(), d.stdout(), d.stderr(), d.stdoutTruncated(), d.stderrTruncated(),
                d.stdoutValidUtf8(), d.stderrValidUtf8(), d.durationMs(), d.timedOut(), d.error()));
        if (c.register() != null) {
            registers.put(c.register(), d.asRegister());
        }
        return evaluate(c, c.next(), data(null)).target;
    }

    private String unanswered;

    /**
     * The command for this host's OS, answers substituted as whole arguments; null when none is
     * given, or when an argument needs a question not answered on this walk ({@link #unanswered}).
     */
    private Diagnostics.CommandRequest request(Node.Check c) {
        unanswered = null;
        Node.RunSpec r = c.run();
        List<String> argv = r.argv().get(diagnostics.osFamily().id());
        if (argv == null) {
            return null;
        }
        List<String> resolved = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (String a : argv) {
            java.util.regex.Matcher m = Node.RunSpec.ANSWER_ARG.matcher(a);
            if (!r.shell() && m.matches()) {
                Object v = answers.get(m.group(1));
                if (v == null) {
                    unanswered = m.group(1);
                    return null;
                }
                String value = v instanceof Boolean b ? (b ? "yes" : "no") : v.toString();
                resolved.add(value);
                shown.add(playbook.node(m.group(1)) instanceof Node.Question q && q.secret() ? "[secret]" : value);
            } else {
                resolved.add(a);
                shown.add(a);
            }
        }
        return new Diagnostics.CommandRequest(c.id(), resolved, shown, r.shell(), r.timeout(), r.maxOutputBytes(),
                r.mutating());
    }

    private Transitioned evaluate(Node node, List<Node.Transition> next, Map<String, Object> data) {
        List<ConditionResult> results = new ArrayList<>();
        for (Node.Transition t : next) {
            if (t.isDefault()) {
                results.add(new ConditionResult(null, true, null));
                emit(new SessionEvent.CheckEvaluated(++seq, clock.instant(), node.id(), results, t.target()));
                lastConditions = List.copyOf(results);
                return new Transitioned(results, t.target());
            }
            Conditions.Evaluation e = Conditions.evaluate(t.when(), data);
            results.add(new ConditionResult(t.when(), e.value(), e.error()));
            if (e.value()) {
                emit(new SessionEvent.CheckEvaluated(++seq, clock.instant(), node.id(), results, t.target()));
                lastConditions = List.copyOf(results);
                return new Transitioned(results, t.target());
            }
        }
        // unreachable for a validated playbook: every list ends with a default
        throw new IllegalStateException("node '" + node.id() + "' has no default transition");
    }

    private Map<String, Object> data(Object answer) {
        Map<String, Object> root = new LinkedHashMap<>();
        registers.forEach(root::put);
        root.put("answers", Collections.unmodifiableMap(new LinkedHashMap<>(answers)));
        root.put("answer", answer);
        root.put("facts", Collections.unmodifiableMap(new LinkedHashMap<>(facts)));
        return Collections.unmodifiableMap(root);
    }

    private void enter(String nodeId, String via) {
        String id = nodeId;
        String how = via;
        for (int steps = 0; ; steps++) {
            Node node = playbook.node(id);
            current = id;
            emit(new SessionEvent.NodeEntered(++seq, clock.instant(), id, node.type(), how));
            if (node instanceof Node.Check c) {
                if (steps >= MAX_AUTOMATIC_STEPS) {
                    throw new IllegalStateException("playbook '" + playbook.id() + "' went through " + steps
                            + " checks without asking anything (last: '" + id + "'); it loops");
                }
                RouteStep.Snapshot before = snapshot();
                String target;
                if (c.probe() != null) {
                    Diagnostics.ProbeData pd = probe(c.id(), c.probe());
                    facts.put(c.probe(), pd.facts());
                    emit(new SessionEvent.ProbeRan(++seq, clock.instant(), c.id(), c.probe(), pd.facts(), pd.unknown(),
                            pd.evidence(), pd.durationMs(), pd.error()));
                    target = evaluate(c, c.next(), data(null)).target;
                } else if (c.run() != null) {
                    Diagnostics.CommandRequest req = request(c);
                    if (req == null) {
                        target = finishCommand(c, new Diagnostics.CommandRequest(c.id(), List.of(), c.run().shell(),
                                c.run().timeout(), c.run().maxOutputBytes(), c.run().mutating()), "not-needed",
                                Diagnostics.CommandData.notRun("not_applicable", unanswered != null
                                        ? "the command needs the answer to '" + unanswered + "', which was not asked on this walk"
                                        : "the playbook gives no command for " + diagnostics.osFamily().id()));
                    } else {
                        ConsentPolicy.Decision d = policy.decide(req);
                        if (d == ConsentPolicy.Decision.ASK && !req.mutating() && alwaysReadOnly) {
                            target = finishCommand(c, req, "always", run(req));
                        } else if (d == ConsentPolicy.Decision.ASK) {
                            pending = req;
                            state = State.WAITING_FOR_CONSENT;
                            emit(new SessionEvent.PromptShown(++seq, clock.instant(), id, "consent",
                                    c.headline(), req.mutating() ? "This command CHANGES the system." : "This command only reads.",
                                    consentOptions(req),
                                    null, null, req.shown()));
                            return;
                        } else if (d == ConsentPolicy.Decision.APPROVE) {
                            target = finishCommand(c, req, "preapproved", run(req));
                        } else if (d == ConsentPolicy.Decision.DRY_RUN) {
                            target = finishCommand(c, req, "dry-run",
                                    Diagnostics.CommandData.notRun("dry_run", "dry run: the command was not run"));
                        } else {
                            target = finishCommand(c, req, "no",
                                    Diagnostics.CommandData.notRun("declined", "not approved for this run"));
                        }
                    }
                } else {
                    target = evaluate(c, c.next(), data(null)).target;
                }
                route.add(new RouteStep(c.id(), c.type(), c.headline(), "check", null, null, lastConditions, target, before));
                id = target;
                how = "check";
                continue;
            }
            if (node instanceof Node.Question q) {
                state = State.WAITING_FOR_ANSWER;
                List<SessionEvent.Option> options = switch (q.answer()) {
                    case CHOICE -> q.choices().stream().map(ch -> new SessionEvent.Option(ch.value(), ch.label())).toList();
                    case YESNO -> List.of(new SessionEvent.Option("yes", "Yes"), new SessionEvent.Option("no", "No"));
                    case TEXT -> List.of();
                };
                emit(new SessionEvent.PromptShown(++seq, clock.instant(), id, q.answer().yamlName(), q.prompt(), q.help(),
                        options, null, null, null));
            } else if (node instanceof Node.Action a) {
                state = State.WAITING_FOR_CONFIRMATION;
                emit(new SessionEvent.PromptShown(++seq, clock.instant(), id, "action", a.title(), null, List.of(),
                        a.instructions(), a.commands(), null));
            } else if (node instanceof Node.Outcome o) {
                state = State.AT_OUTCOME;
                emit(new SessionEvent.OutcomeReached(++seq, clock.instant(), id, o.result().yamlName(), o.title(),
                        o.message(), o.references(), o.handover()));
            }
            return;
        }
    }

    private void record(Node node, String kind, String value, String label, boolean secret) {
        if (secret) {
            secrets.add(value);
        }
        emit(new SessionEvent.AnswerGiven(++seq, clock.instant(), node.id(), kind, secret ? "[secret]" : value, label, secret));
    }

    private void step(Node node, String how, String value, String label, List<ConditionResult> conditions, String target) {
        route.add(new RouteStep(node.id(), node.type(), node.headline(), how, value, label, conditions, target,
                snapshot()));
    }

    private void emit(SessionEvent e) {
        if (retain) {
            events.add(e);
        }
        sink.accept(e);
    }

}
