package dev.tshoot.playbook;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tshoot.playbook.Node.Transition;

/**
 * Whole-tree checks on a parsed playbook: dangling gotos, unreachable nodes, dead ends, cycles with
 * no way to an outcome, transition lists without a default, invalid expressions, id and file name,
 * remedies without sources. Each finding carries the location of the field at fault.
 */
final class PlaybookValidator {

    private final LocatedYaml yaml;
    private final String file;
    private final List<Finding> findings;
    private final Set<String> probes;
    private final java.util.function.Function<String, Set<String>> playbookNodes;

    /** {@code probes}: built-in probe names (empty: not checked); {@code playbookNodes}: see PlaybookLoader. */
    PlaybookValidator(LocatedYaml yaml, String file, List<Finding> findings, Set<String> probes,
            java.util.function.Function<String, Set<String>> playbookNodes) {
        this.yaml = yaml;
        this.file = file;
        this.findings = findings;
        this.probes = probes;
        this.playbookNodes = playbookNodes;
    }

    /** The compiled conditions, by their source text. */
    private Map<String, Conditions.Compiled> conditions = Map.of();

    void validate(PlaybookParser.Parsed p, String expectedId) {
        conditions = p.conditions();
        Map<String, Node> nodes = p.nodes();
        Set<String> declared = new HashSet<>();
        if (yaml.root() != null && yaml.root().path("nodes").isObject()) {
            yaml.root().path("nodes").fieldNames().forEachRemaining(declared::add);
        }
        if (p.metadata() != null && p.metadata().id() != null && expectedId != null
                && !expectedId.equals(p.metadata().id())) {
            add("id-mismatch", "/metadata/id", "metadata.id '" + p.metadata().id()
                    + "' does not match the file name '" + expectedId + ".yaml'",
                    "rename the file to " + p.metadata().id() + ".yaml, or change metadata.id to '" + expectedId + "'");
        }
        if (p.start() != null && !declared.contains(p.start())) {
            add("dangling-goto", "/start", "start node '" + p.start() + "' does not exist."
                    + Suggest.didYouMean(p.start(), declared), "set start to the id of the first node");
        }
        // edges, dangling targets, defaults, expressions
        for (Node n : nodes.values()) {
            n.accept(new NodeFields("/nodes/" + LocatedYaml.seg(n.id()), declared, nodes));
        }
        for (int i = 0; i < p.symptoms().size(); i++) {
            String node = p.symptoms().get(i).node();
            if (node != null && !declared.contains(node)) {
                add("dangling-goto", "/symptoms/" + i + "/node", "symptom '" + p.symptoms().get(i).id()
                        + "' starts at node '" + node + "', which does not exist." + Suggest.didYouMean(node, declared),
                        "name an existing node, or leave 'node' out to start at 'start'");
            }
        }
        registers(nodes);
        if (p.start() == null || !nodes.containsKey(p.start()) || p.graphIncomplete()) {
            return; // whole-graph checks on a broken graph would only repeat the findings above
        }
        // reachability from start
        Set<String> reachable = new LinkedHashSet<>();
        Deque<String> work = new ArrayDeque<>(List.of(p.start()));
        while (!work.isEmpty()) {
            String id = work.pop();
            if (!reachable.add(id)) {
                continue;
            }
            Node n = nodes.get(id);
            if (n != null) {
                n.targets().stream().filter(nodes::containsKey).forEach(work::push);
            }
        }
        for (String id : nodes.keySet()) {
            if (!reachable.contains(id)) {
                addKey("unreachable-node", "/nodes/" + LocatedYaml.seg(id), "node '" + id
                        + "' can never be reached from start '" + p.start() + "'",
                        "point a goto at it, or delete it");
            }
        }
        checkOnlyLoops(nodes, reachable);
        // which nodes can reach an outcome (reverse search)
        Map<String, List<String>> incoming = new HashMap<>();
        for (Node n : nodes.values()) {
            for (String t : n.targets()) {
                incoming.computeIfAbsent(t, k -> new ArrayList<>()).add(n.id());
            }
        }
        Set<String> canFinish = new HashSet<>();
        Deque<String> back = new ArrayDeque<>();
        nodes.values().stream().filter(n -> Nodes.kind(n) == Nodes.Kind.OUTCOME).forEach(n -> back.push(n.id()));
        while (!back.isEmpty()) {
            String id = back.pop();
            if (canFinish.add(id)) {
                incoming.getOrDefault(id, List.of()).forEach(back::push);
            }
        }
        for (String id : reachable) {
            Node n = nodes.get(id);
            if (n == null || canFinish.contains(id)) {
                continue;
            }
            String ptr = "/nodes/" + LocatedYaml.seg(id);
            boolean anyValidTarget = n.targets().stream().anyMatch(nodes::containsKey);
            if (!anyValidTarget) {
                addKey("dead-end", ptr, "node '" + id + "' is not an outcome and leads nowhere",
                        "give it a goto/next to an existing node, or make it an outcome");
            } else {
                addKey("no-outcome-reachable", ptr, "node '" + id + "' is caught in a loop ("
                        + loopFrom(id, nodes, canFinish) + ") from which no outcome can be reached",
                        "add a transition from the loop to an outcome");
            }
        }
    }

    /** The checks of one node's own fields: its targets, conditions, probe, command and handover. */
    private final class NodeFields implements Node.Visitor<Void> {
        private final String base;
        private final Set<String> declared;
        private final Map<String, Node> nodes;

        NodeFields(String base, Set<String> declared, Map<String, Node> nodes) {
            this.base = base;
            this.declared = declared;
            this.nodes = nodes;
        }

        @Override
        public Void question(Node.Question q) {
            for (int i = 0; i < q.choices().size(); i++) {
                target(q.choices().get(i).target(), base + "/choices/" + i + "/goto", declared, q.id());
            }
            if (q.yes() != null) {
                target(q.yes(), base + "/yes", declared, q.id());
            }
            if (q.no() != null) {
                target(q.no(), base + "/no", declared, q.id());
            }
            transitions(q.next(), base + "/next", declared, nodes, q.id());
            return null;
        }

        @Override
        public Void check(Node.Check c) {
            transitions(c.next(), base + "/next", declared, nodes, c.id());
            if (c.probe() != null && !probes.isEmpty() && !probes.contains(c.probe())) {
                add("unknown-probe", base + "/probe", "there is no built-in probe '" + c.probe() + "'."
                        + Suggest.didYouMean(c.probe(), probes), "use one of: " + String.join(", ", new java.util.TreeSet<>(probes)));
            }
            if (c.run() != null) {
                c.run().argv().forEach((os, args) -> {
                    for (int i = 0; i < args.size(); i++) {
                        java.util.regex.Matcher m = Node.RunSpec.ANSWER_ARG.matcher(args.get(i));
                        if (m.find() && i == 0 && !c.run().shell()) {
                            add("bad-value", base + "/run/" + os + "/0", "the program itself comes from an answer ('"
                                    + args.get(0) + "'); a user's answer may only be an argument",
                                    "name the program literally and pass the answer as a later argument");
                        } else if (m.find(0) && i > 0 && !c.run().shell() && Interpreters.reachesAsCode(args, i)) {
                            Interpreters.Found f = Interpreters.find(args);
                            add("bad-value", base + "/run/" + os + "/" + i, "'" + args.get(i) + "' hands a user's answer to "
                                    + (f == null ? args.get(0) : f.name()) + " as code to run ("
                                    + (f == null ? args.get(0) + " runs any command" : f.why()) + ")",
                                    "pass the answer as a plain argument of a program that is no shell or interpreter,"
                                            + " not as code for sh -c, cmd /c, powershell -Command, python3 -c and the like");
                        }
                        m.reset();
                        if (m.find() && (c.run().shell() || !Node.RunSpec.ANSWER_ARG.matcher(args.get(i)).matches())) {
                            add("bad-value", base + "/run/" + os + "/" + i, "'" + args.get(i) + "' pastes an answer into "
                                    + (c.run().shell() ? "a shell command" : "a longer argument")
                                    + "; answers are only passed as one whole, separate argument",
                                    "write the placeholder as its own list element, e.g. [tool, --name, \"{answer:ask-name}\"], with shell: false");
                        }
                        m.reset();
                        while (m.find()) {
                            Node q = nodes.get(m.group(1));
                            if (Nodes.kind(q) != Nodes.Kind.QUESTION) {
                                add("bad-value", base + "/run/" + os + "/" + i, "argument '" + args.get(i)
                                        + "' refers to the answer of '" + m.group(1) + "', which is not a question."
                                        + Suggest.didYouMean(m.group(1), nodes.values().stream()
                                                .filter(x -> Nodes.kind(x) == Nodes.Kind.QUESTION).map(Node::id).toList()),
                                        "name a question node: {answer:<question-id>}");
                            }
                        }
                    }
                });
            }
            return null;
        }

        @Override
        public Void action(Node.Action a) {
            if (a.next() != null) {
                target(a.next(), base + "/next", declared, a.id());
            }
            if (a.sources().isEmpty()) {
                add("unsourced-remedy", base, "action '" + a.id() + "' gives a remedy without citing a source",
                        "add 'sources:' with the URL(s) this remedy comes from");
            }
            return null;
        }

        @Override
        public Void outcome(Node.Outcome o) {
            if (o.handover() != null && playbookNodes != null) {
                Set<String> other = playbookNodes.apply(o.handover().playbook());
                if (other == null) {
                    add("unknown-handover", base + "/handover/playbook", "outcome '" + o.id() + "' hands over to playbook '"
                            + o.handover().playbook() + "', which is not in the playbooks folder",
                            "name an existing playbook id ('playbook list' shows them)");
                } else if (o.handover().node() != null && !other.contains(o.handover().node())) {
                    add("unknown-handover", base + "/handover/node", "outcome '" + o.id() + "' hands over to node '"
                            + o.handover().node() + "' of '" + o.handover().playbook() + "', which has no such node."
                            + Suggest.didYouMean(o.handover().node(), other), "name a node of that playbook");
                }
            }
            return null;
        }
    }

    /** A condition at {@code node} (pointer {@code ptr}) that reads register {@code name}. */
    private record RegisterRead(String node, String name, String ptr) {}

    /**
     * Conditions may read only registers that a node able to run before them (or the node itself) sets.
     *
     * <p>One forward search per register name, from all its setters at once, that stops as soon as every
     * node reading it has been reached: in a valid playbook, where registers are read soon after they
     * are set, it visits only the nodes between setters and readers. (It used to search the whole graph
     * below each setter, which made lint quadratic in the number of checks that register results.)
     */
    private void registers(Map<String, Node> nodes) {
        Map<String, Set<String>> setters = new HashMap<>();
        for (Node n : nodes.values()) {
            String register = n.accept(REGISTER);
            if (register != null) {
                setters.computeIfAbsent(register, k -> new HashSet<>()).add(n.id());
            }
        }
        List<RegisterRead> reads = new ArrayList<>();
        Map<String, Set<String>> readersByName = new HashMap<>();
        for (Node n : nodes.values()) {
            String base = "/nodes/" + LocatedYaml.seg(n.id());
            List<Transition> next = n.accept(GUARDED);
            for (int i = 0; i < next.size(); i++) {
                Conditions.Compiled when = compiled(next.get(i));
                if (when == null || when.syntaxError() != null) {
                    continue;
                }
                for (String name : when.rootNames()) {
                    if (NOT_REGISTERS.contains(name)) {
                        continue;
                    }
                    reads.add(new RegisterRead(n.id(), name, base + "/next/" + i + "/when"));
                    readersByName.computeIfAbsent(name, k -> new HashSet<>()).add(n.id());
                }
            }
        }
        // per register name: the readers that no setter reaches
        Map<String, Set<String>> unreached = new HashMap<>();
        readersByName.forEach((name, readers) -> {
            Set<String> from = setters.getOrDefault(name, Set.of());
            Set<String> pending = new HashSet<>(readers);
            pending.removeAll(from); // a check may read what it has just set itself
            if (!from.isEmpty() && !pending.isEmpty()) {
                Set<String> seen = new HashSet<>();
                Deque<String> work = new ArrayDeque<>(from);
                while (!work.isEmpty() && !pending.isEmpty()) {
                    Node n = nodes.get(work.poll());
                    if (n == null) {
                        continue;
                    }
                    for (String t : n.targets()) {
                        if (seen.add(t)) {
                            pending.remove(t);
                            work.add(t);
                        }
                    }
                }
            }
            unreached.put(name, pending);
        });
        for (RegisterRead r : reads) {
            if (!unreached.get(r.name()).contains(r.node())) {
                continue;
            }
            Set<String> from = setters.getOrDefault(r.name(), Set.of());
            add("unknown-register", r.ptr(), from.isEmpty()
                    ? "condition reads '" + r.name() + "', but no node registers a result under that name."
                            + Suggest.didYouMean(r.name(), setters.keySet())
                    : "condition reads '" + r.name() + "', but no node that can run before '" + r.node()
                            + "' sets it (set by: " + String.join(", ", new java.util.TreeSet<>(from)) + ")",
                    "read answers['…'], facts['…'] or a register set by an earlier check ('register: " + r.name() + "')");
        }
    }

    /** The register a node sets: a check with {@code register}, or a question with {@code paste}. */
    private static final Node.Visitor<String> REGISTER = new Node.Visitor<>() {
        @Override public String question(Node.Question q) { return q.paste(); }

        @Override public String check(Node.Check c) { return c.register(); }

        @Override public String action(Node.Action a) { return null; }

        @Override public String outcome(Node.Outcome o) { return null; }
    };

    /** A node's transitions that may carry conditions. */
    private static final Node.Visitor<List<Transition>> GUARDED = new Node.Visitor<>() {
        @Override public List<Transition> question(Node.Question q) { return q.next(); }

        @Override public List<Transition> check(Node.Check c) { return c.next(); }

        @Override public List<Transition> action(Node.Action a) { return List.of(); }

        @Override public List<Transition> outcome(Node.Outcome o) { return List.of(); }
    };

    private static final Set<String> NOT_REGISTERS = Set.of("answers", "answer", "facts");

    /** A loop made only of checks would run without asking anything, for ever: each loop needs a question or action. */
    private void checkOnlyLoops(Map<String, Node> nodes, Set<String> reachable) {
        Map<String, Integer> state = new HashMap<>();
        for (String start : reachable) {
            if (Nodes.kind(nodes.get(start)) == Nodes.Kind.CHECK && !state.containsKey(start)) {
                Deque<String> stack = new ArrayDeque<>();
                dfs(start, nodes, state, stack);
            }
        }
    }

    private void dfs(String id, Map<String, Node> nodes, Map<String, Integer> state, Deque<String> stack) {
        state.put(id, 1);
        stack.push(id);
        for (String t : nodes.get(id).targets()) {
            if (Nodes.kind(nodes.get(t)) != Nodes.Kind.CHECK) {
                continue;
            }
            Integer st = state.get(t);
            if (st == null) {
                dfs(t, nodes, state, stack);
            } else if (st == 1) {
                List<String> loop = new ArrayList<>();
                for (String n : stack) {
                    loop.add(0, n);
                    if (n.equals(t)) {
                        break;
                    }
                }
                loop.add(t);
                addKey("check-loop", "/nodes/" + LocatedYaml.seg(t), "checks loop without asking anything ("
                        + String.join(" -> ", loop) + "): the walk could run through them for ever",
                        "put a question or an action in the loop, or break it");
            }
        }
        stack.pop();
        state.put(id, 2);
    }

    private String loopFrom(String start, Map<String, Node> nodes, Set<String> canFinish) {
        List<String> trail = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String cur = start;
        while (cur != null && seen.add(cur)) {
            trail.add(cur);
            Node n = nodes.get(cur);
            cur = n == null ? null : n.targets().stream().filter(nodes::containsKey)
                    .filter(t -> !canFinish.contains(t)).findFirst().orElse(null);
        }
        if (cur != null) {
            trail.add(cur);
        }
        return String.join(" -> ", trail);
    }

    private void transitions(List<Transition> next, String ptr, Set<String> declared, Map<String, Node> nodes,
            String nodeId) {
        if (next.isEmpty()) {
            return; // reported as a missing field by the parser
        }
        for (int i = 0; i < next.size(); i++) {
            Transition t = next.get(i);
            String tp = ptr + "/" + i;
            target(t.target(), tp + "/goto", declared, nodeId);
            if (t.isDefault() && i < next.size() - 1) {
                add("missing-default", tp, "the default (an entry without 'when') must come last; the "
                        + (next.size() - 1 - i) + " transition(s) after it can never be taken",
                        "move the entry without 'when' to the end of the list");
            }
            Conditions.Compiled when = compiled(t);
            if (when != null) {
                String err = when.syntaxError();
                if (err != null) {
                    add("invalid-expression", tp + "/when", "condition '" + t.when() + "' is not a valid expression: " + err,
                            when.patternProblem() != null ? when.patternProblem().hint()
                                    : "see 'Expressions' in playbooks/README.md; node ids with dashes are written answers['node-id']");
                } else {
                    for (String ref : when.answerReferences()) {
                        Node r = nodes.get(ref);
                        if (Nodes.kind(r) != Nodes.Kind.QUESTION && !(r == null && declared.contains(ref))) {
                            add("invalid-expression", tp + "/when", "condition reads answers['" + ref
                                    + "'], but there is no question '" + ref + "'." + Suggest.didYouMean(ref,
                                            nodes.values().stream().filter(x -> Nodes.kind(x) == Nodes.Kind.QUESTION).map(Node::id).toList()),
                                    "use the id of a question node");
                        }
                    }
                }
            }
        }
        Transition last = next.get(next.size() - 1);
        if (!last.isDefault()) {
            add("missing-default", ptr + "/" + (next.size() - 1), "'next' has no default: its last entry has a 'when'",
                    "end the list with an entry that has only 'goto', taken when no condition holds");
        }
    }

    /** The transition's condition as the parser compiled it; null for the default. */
    private Conditions.Compiled compiled(Transition t) {
        return t.when() == null ? null : conditions.get(t.when());
    }

    private void target(String target, String ptr, Set<String> declared, String from) {
        if (target != null && !declared.contains(target)) {
            add("dangling-goto", ptr, "node '" + from + "' points to node '" + target + "', which does not exist."
                    + Suggest.didYouMean(target, declared), "point it at an existing node id, or add node '" + target + "'");
        }
    }

    private void add(String rule, String ptr, String message, String hint) {
        SourceLocation l = yaml.at(ptr);
        findings.add(new Finding(Finding.Severity.ERROR, rule, file, l.line(), l.column(),
                PlaybookParser.display(ptr), message, hint));
    }

    private void addKey(String rule, String ptr, String message, String hint) {
        SourceLocation l = yaml.keyAt(ptr);
        findings.add(new Finding(Finding.Severity.ERROR, rule, file, l.line(), l.column(),
                PlaybookParser.display(ptr), message, hint));
    }
}
