package dev.tshoot.shell;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import dev.tshoot.probe.Evidence;
import dev.tshoot.probe.HostDiagnostics;
import dev.tshoot.probe.Probe;
import dev.tshoot.probe.ProbeJson;
import dev.tshoot.probe.ProbeRegistry;
import dev.tshoot.probe.ProbeResult;
import dev.tshoot.probe.ProbeRunner;
import dev.tshoot.probe.Verdict;

/** {@code probe list}, {@code probe run <name> [--json]}, {@code diag}. */
@Component
public class ProbeCommands {

    private final HostDiagnostics diagnostics;
    private final ExitCode exit;

    public ProbeCommands(HostDiagnostics diagnostics, ExitCode exit) {
        this.diagnostics = diagnostics;
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
        Probe p;
        try {
            p = diagnostics.registry().require(name);
        } catch (ProbeRegistry.UnknownProbeException e) {
            String msg = name == null || name.isBlank()
                    ? "Name a probe: probe run <name>. Probes: " + String.join(", ", diagnostics.registry().names()) + "."
                    : e.getMessage();
            out.println(json ? ProbeJson.error(name == null ? "" : name, msg) : msg);
            out.flush();
            exit.set(ExitCode.BAD_INPUT);
            return;
        }
        ProbeResult r = ProbeRunner.run(p, diagnostics.host());
        List<Verdict> verdicts = ProbeRunner.verdicts(p, r);
        if (json) {
            out.println(ProbeJson.pretty().toJson(r, verdicts));
        } else {
            render(out, r, verdicts);
        }
        out.flush();
    }

    @Command(name = "diag", group = "Diagnostics", description = "Run every probe and summarise with PASS, WARN or FAIL")
    public void diag(CommandContext ctx,
            @Option(longName = "json", description = "print JSON (always valid, also on failure)") boolean json) {
        PrintWriter out = ctx.outputWriter();
        List<Probe> probes = diagnostics.registry().list();
        List<ProbeResult> results = new ArrayList<>();
        List<Verdict> all = new ArrayList<>();
        int i = 0;
        for (Probe p : probes) {
            i++;
            if (!json) {
                out.print(Console.dim("[" + i + "/" + probes.size() + "] " + p.name() + " ... "));
                out.flush();
            }
            ProbeResult r = ProbeRunner.run(p, diagnostics.host());
            results.add(r);
            List<Verdict> v = ProbeRunner.verdicts(p, r);
            all.addAll(v);
            if (!json) {
                out.println(Console.dim(r.durationMs() + " ms" + (r.unknown().isEmpty() ? "" : ", " + r.unknown().size() + " unknown")));
            }
        }
        if (json) {
            out.println(ProbeJson.pretty().toJson(results));
            out.flush();
            return;
        }
        out.println();
        for (ProbeResult r : results) {
            out.println(Console.bold(r.probe()) + "  " + facts(r.facts()));
        }
        out.println();
        out.println(Console.bold("Summary"));
        if (all.isEmpty()) {
            out.println("  nothing to judge without a playbook");
        }
        for (Verdict v : all) {
            String level = switch (v.level()) {
                case PASS -> Console.green("PASS");
                case WARN -> Console.yellow("WARN");
                case FAIL -> Console.red("FAIL");
            };
            out.println("  " + level + "  " + v.title() + (v.message() == null ? "" : ": " + v.message()));
        }
        out.flush();
        if (all.stream().anyMatch(v -> v.level() == Verdict.Level.FAIL)) {
            exit.set(ExitCode.FINDINGS);
        }
    }

    private static void render(PrintWriter out, ProbeResult r, List<Verdict> verdicts) {
        out.println(Console.bold(r.probe()) + Console.dim("  (" + r.durationMs() + " ms)"));
        for (Map.Entry<String, Object> f : r.facts().entrySet()) {
            String reason = r.unknown().get(f.getKey());
            out.println(String.format("  %-30s %s", f.getKey(), f.getValue())
                    + (reason != null ? Console.dim("  (" + reason + ")") : ""));
        }
        if (!r.evidence().isEmpty()) {
            out.println(Console.bold("Evidence"));
            for (Evidence e : r.evidence()) {
                out.println("  [" + e.weight().name().toLowerCase() + "] " + e.source() + ": " + e.observed()
                        + Console.dim(" -> " + e.suggests()));
            }
        }
        for (Verdict v : verdicts) {
            out.println(v.level() + "  " + v.title() + (v.message() == null ? "" : ": " + v.message()));
        }
    }

    private static String facts(Map<String, Object> facts) {
        StringBuilder sb = new StringBuilder();
        for (var f : facts.entrySet()) {
            if (f.getValue() instanceof List<?> l && l.size() > 8) {
                sb.append(f.getKey()).append("=[").append(l.size()).append(" items] ");
            } else if (!(f.getValue() instanceof Map)) {
                sb.append(f.getKey()).append('=').append(f.getValue()).append(' ');
            }
        }
        return sb.toString().strip();
    }
}
