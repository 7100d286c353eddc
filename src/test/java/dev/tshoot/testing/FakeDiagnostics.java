package dev.tshoot.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.tshoot.engine.Diagnostics;
import dev.tshoot.playbook.OsFamily;

/** Scripted probe facts and command results; records every request. */
public final class FakeDiagnostics implements Diagnostics {

    private final OsFamily os;
    private final Map<String, Map<String, Object>> facts = new HashMap<>();
    private final Map<List<String>, CommandData> results = new HashMap<>();
    public final List<String> probes = new ArrayList<>();
    public final List<CommandRequest> commands = new ArrayList<>();

    /** @param os a family name: windows, linux, macos or other */
    public FakeDiagnostics(String os) {
        this.os = OsFamily.fromName(os).orElseThrow(() -> new IllegalArgumentException("no OS family '" + os + "'"));
    }

    public FakeDiagnostics probe(String name, Map<String, Object> f) {
        facts.put(name, f);
        return this;
    }

    public FakeDiagnostics command(List<String> argv, int exit, String stdout) {
        results.put(argv, new CommandData("exited", exit, stdout, "", false, false, true, true, 12, false, null));
        return this;
    }

    /** A command's whole result (stdout and stderr, status, flags). */
    public FakeDiagnostics command(List<String> argv, CommandData result) {
        results.put(argv, result);
        return this;
    }

    @Override
    public OsFamily osFamily() {
        return os;
    }

    @Override
    public ProbeData probe(String node, String name) {
        probes.add(name);
        return new ProbeData(name, facts.getOrDefault(name, Map.of()), Map.of(), List.of(), 3, null);
    }

    @Override
    public CommandData run(CommandRequest request) {
        commands.add(request);
        CommandData d = results.get(request.argv());
        return d != null ? d : CommandData.notRun("not_found", "command not found: " + request.argv().get(0));
    }
}
