package dev.tshoot.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tshoot.playbook.CaseFile;
import dev.tshoot.playbook.Node;
import dev.tshoot.playbook.Playbook;

/**
 * Runs a playbook test case through the engine with scripted diagnostics: nothing touches the
 * host. The result names, for a failing case, the node where the walk left the expected path.
 */
public final class CaseRunner {

    /** One case's verdict. {@code path} is the route actually taken. */
    public record Result(String name, String file, boolean passed, List<String> path, String outcome, String failure) {}

    private CaseRunner() {}

    public static Result run(Playbook pb, CaseFile c, SessionEngine engine) {
        return run(pb, c, engine, EventSink.NONE);
    }

    /** As {@link #run(Playbook, CaseFile, SessionEngine)}, handing every event to {@code sink} (to record the walk). */
    public static Result run(Playbook pb, CaseFile c, SessionEngine engine, EventSink sink) {
        ScriptedDiagnostics d = new ScriptedDiagnostics(c.os());
        c.probes().forEach((key, list) -> list.forEach(facts -> d.probe(key,
                new Diagnostics.ProbeData(key, facts, Map.of(), List.of(), 0, null))));
        c.commands().forEach((key, list) -> list.forEach(r -> d.command(key, new Diagnostics.CommandData(r.status(),
                r.exitCode(), r.stdout(), r.stderr(), false, false, true, true, 0, r.timedOut(), null))));
        ConsentPolicy policy = switch (c.consent()) {
            case "no" -> req -> ConsentPolicy.Decision.DECLINE;
            case "dry-run" -> req -> ConsentPolicy.Decision.DRY_RUN;
            default -> req -> ConsentPolicy.Decision.APPROVE;
        };
        Session s = engine.start("case", pb, sink, d, policy);
        ScriptedWalk.Result walk = ScriptedWalk.walk(s, c.answers());
        List<String> path = new ArrayList<>();
        s.route().forEach(r -> path.add(r.node()));
        path.add(s.current().id());
        String outcome = walk.completed() ? walk.outcome().id() : null;

        String failure = null;
        if (!c.path().isEmpty()) {
            failure = comparePath(c.path(), path);
        }
        if (failure == null && !c.through().isEmpty()) {
            failure = compareThrough(c.through(), path);
        }
        if (failure == null && !walk.completed()) {
            failure = "the walk stopped at '" + walk.node() + "': " + walk.problem();
        }
        if (failure == null && c.outcome() != null && !c.outcome().equals(outcome)) {
            Node o = pb.node(c.outcome());
            failure = "expected outcome '" + c.outcome() + "'" + (o == null ? " (no such node in the playbook)" : "")
                    + ", reached '" + outcome + "'" + divergence(path, c.outcome(), pb);
        }
        return new Result(c.name(), c.file(), failure == null, path, outcome, failure);
    }

    private static String comparePath(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String e = i < expected.size() ? expected.get(i) : null;
            String a = i < actual.size() ? actual.get(i) : null;
            if (e == null) {
                return "the walk went on past the expected path's end, to '" + a + "'";
            }
            if (!e.equals(a)) {
                String after = i == 0 ? "at the start" : "after '" + actual.get(i - 1) + "'";
                return "left the expected path " + after + ": expected '" + e + "', went to "
                        + (a == null ? "nothing (the walk stopped there)" : "'" + a + "'");
            }
        }
        return null;
    }

    private static String compareThrough(List<String> through, List<String> actual) {
        int j = 0;
        String last = null;
        for (String a : actual) {
            if (j < through.size() && through.get(j).equals(a)) {
                last = a;
                j++;
            }
        }
        if (j < through.size()) {
            return "the walk never passed through '" + through.get(j) + "'"
                    + (last == null ? "" : " after '" + last + "'") + "; it took " + String.join(" -> ", actual);
        }
        return null;
    }

    private static String divergence(List<String> path, String expectedOutcome, Playbook pb) {
        return "; route: " + String.join(" -> ", path);
    }
}
