package dev.tshoot.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.tshoot.playbook.OsFamily;
import dev.tshoot.text.Words;

/**
 * Diagnostics that run nothing: probe facts and command results come from a script (a playbook
 * test case) or a recording (replay). Results are looked up by node id first, then by probe name
 * or the command's program; a list is used in turn, its last entry repeating.
 */
public final class ScriptedDiagnostics implements Diagnostics {

    private final OsFamily os;
    private final Map<String, Deque<ProbeData>> probes = new HashMap<>();
    private final Map<String, Deque<CommandData>> commands = new HashMap<>();

    public ScriptedDiagnostics(OsFamily os) {
        this.os = java.util.Objects.requireNonNull(os, "os");
    }

    /** By the family's name ({@code linux}...); a name that is no family means {@link OsFamily#OTHER}. */
    public ScriptedDiagnostics(String os) {
        this(OsFamily.fromName(os).orElse(OsFamily.OTHER));
    }

    /** Adds probe results for a node id or a probe name. */
    public ScriptedDiagnostics probe(String key, ProbeData data) {
        probes.computeIfAbsent(key, k -> new ArrayDeque<>()).add(data);
        return this;
    }

    /** Adds command results for a node id or a program name. */
    public ScriptedDiagnostics command(String key, CommandData data) {
        commands.computeIfAbsent(key, k -> new ArrayDeque<>()).add(data);
        return this;
    }

    @Override
    public OsFamily osFamily() {
        return os;
    }

    @Override
    public ProbeData probe(String node, String name) {
        ProbeData d = take(probes, node, name);
        return d != null ? d : new ProbeData(name, Map.of(), Map.of(), List.of(), 0,
                "no result scripted or recorded for probe '" + name + "' at '" + node + "'");
    }

    @Override
    public CommandData run(CommandRequest request) {
        String program = request.argv().isEmpty() ? "" : request.argv().get(0);
        CommandData d = take(commands, request.node(), program);
        return d != null ? d : CommandData.notRun("not_found", "no result scripted or recorded for '"
                + Words.argv(request.argv()) + "' at '" + request.node() + "'");
    }

    /** True when results are scripted for this node. */
    public boolean hasCommand(String node) {
        return commands.containsKey(node);
    }

    private static <T> T take(Map<String, Deque<T>> m, String first, String second) {
        Deque<T> q = m.get(first);
        if (q == null || q.isEmpty()) {
            q = m.get(second);
        }
        if (q == null || q.isEmpty()) {
            return null;
        }
        return q.size() > 1 ? q.poll() : q.peek();
    }
}
