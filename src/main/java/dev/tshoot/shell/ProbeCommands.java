package dev.tshoot.shell;

import java.io.PrintWriter;

import dev.tshoot.app.RunProbes;
import dev.tshoot.probe.HostDiagnostics;
import dev.tshoot.probe.Probe;
import dev.tshoot.probe.ProbeJson;

/** {@code probe list}, {@code probe run <name> [--json]}, {@code diag}. */
public class ProbeCommands {

    private final HostDiagnostics diagnostics;
    private final RunProbes probes;
    private final ExitCode exit;

    public ProbeCommands(HostDiagnostics diagnostics, ExitCode exit) {
        this.diagnostics = diagnostics;
        this.probes = new RunProbes(diagnostics.registry(), diagnostics::host);
        this.exit = exit;
    }

    void list(PrintWriter out) {
        for (Probe p : diagnostics.registry().list()) {
            out.println(String.format("%-16s %s", p.name(), p.description()));
        }
        out.flush();
    }

    void run(PrintWriter out, String name, boolean json) {
        Probe p = probes.find(name);
        if (p == null) {
            String msg = probes.refusal(name);
            out.println(json ? ProbeJson.error(name == null ? "" : name, msg) : msg);
            out.flush();
            exit.set(ExitCode.BAD_INPUT);
            return;
        }
        RunProbes.Ran r = probes.run(p);
        if (json) {
            out.println(ProbeJson.pretty().toJson(r.result(), r.verdicts()));
        } else {
            ProbeViews.ran(out, r.result(), r.verdicts());
        }
        out.flush();
    }

    void diag(PrintWriter out, boolean json) {
        RunProbes.Diagnosis d = probes.diag(json ? ProbeViews.QUIET : ProbeViews.progress(out));
        if (json) {
            out.println(ProbeJson.pretty().toJson(d.results()));
            out.flush();
            return;
        }
        ProbeViews.diagnosis(out, d);
        out.flush();
        if (d.exitStatus() != ExitCode.OK) {
            exit.set(d.exitStatus());
        }
    }

    /** The commands this adapter runs, as both front ends know them. */
    static java.util.List<CommandSpec> commands(java.util.function.Supplier<ProbeCommands> self) {
        return java.util.List.of(
                CommandSpec.command("probe list", "Diagnostics",
                        "List the built-in probes")
                        .run((a, out) -> self.get().list(out)),
                CommandSpec.command("probe run", "Diagnostics",
                        "Run one probe and show its facts with their evidence")
                        .arg("probe", "probe name")
                        .flag("json", "print JSON (always valid, also on failure)")
                        .complete(CommandSpec.Completion.PROBE)
                        .run((a, out) -> self.get().run(out, a.arg(0), a.flag("json"))),
                CommandSpec.command("diag", "Diagnostics",
                        "Run every probe and summarise with PASS, WARN or FAIL")
                        .flag("json", "print JSON (always valid, also on failure)")
                        .run((a, out) -> self.get().diag(out, a.flag("json"))));
    }
}
