package dev.tshoot.shell;

import java.io.PrintWriter;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import dev.tshoot.app.RunProbes;
import dev.tshoot.probe.HostDiagnostics;
import dev.tshoot.probe.Probe;
import dev.tshoot.probe.ProbeJson;

/** {@code probe list}, {@code probe run <name> [--json]}, {@code diag}. */
@Component
public class ProbeCommands {

    private final HostDiagnostics diagnostics;
    private final RunProbes probes;
    private final ExitCode exit;

    public ProbeCommands(HostDiagnostics diagnostics, ExitCode exit) {
        this.diagnostics = diagnostics;
        this.probes = new RunProbes(diagnostics.registry(), diagnostics::host);
        this.exit = exit;
    }

    @Command(name = "probe list", group = "Diagnostics", description = "List the built-in probes")
    public void list(CommandContext ctx) {
        PrintWriter out = ctx.outputWriter();
        for (Probe p : diagnostics.registry().list()) {
            out.println(String.format("%-16s %s", p.name(), p.description()));
        }
        out.flush();
    }

    @Command(name = "probe run", group = "Diagnostics", description = "Run one probe and show its facts with their evidence",
            completionProvider = "probeNameCompletion")
    public void run(CommandContext ctx, @Argument(index = 0, description = "probe name") String name,
            @Option(longName = "json", description = "print JSON (always valid, also on failure)") boolean json) {
        PrintWriter out = ctx.outputWriter();
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

    @Command(name = "diag", group = "Diagnostics", description = "Run every probe and summarise with PASS, WARN or FAIL")
    public void diag(CommandContext ctx,
            @Option(longName = "json", description = "print JSON (always valid, also on failure)") boolean json) {
        PrintWriter out = ctx.outputWriter();
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
}
