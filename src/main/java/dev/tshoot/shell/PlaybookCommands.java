package dev.tshoot.shell;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import dev.tshoot.playbook.Node;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookCatalog;
import dev.tshoot.playbook.PlaybookLoader;

/** {@code playbook list}, {@code playbook show}, {@code playbook lint}. */
@Component
public class PlaybookCommands {

    private final PlaybookCatalog catalog;
    private final dev.tshoot.engine.SessionEngine engine;
    private final ExitCode exit;

    public PlaybookCommands(PlaybookCatalog catalog, dev.tshoot.engine.SessionEngine engine, ExitCode exit) {
        this.catalog = catalog;
        this.engine = engine;
        this.exit = exit;
    }

    @Command(name = "playbook list", group = "Playbooks", description = "List the playbooks in the playbooks folder")
    public void list(CommandContext ctx) {
        PrintWriter out = ctx.outputWriter();
        List<PlaybookLoader.Result> all = catalog.loadAll();
        if (all.isEmpty()) {
            out.println("No playbooks in " + catalog.dir() + ". Put *.yaml playbooks there, or point tshoot elsewhere"
                    + " with -Dtshoot.playbooks=<folder>.");
            exit.set(ExitCode.FINDINGS);
            return;
        }
        out.println(Console.bold(String.format("%-40s %-9s %s", "ID", "VERSION", "TITLE")));
        for (PlaybookLoader.Result r : all) {
            if (r.valid()) {
                Playbook p = r.playbook();
                out.println(String.format("%-40s %-9s %s", p.id(), p.metadata().version(), p.metadata().title()));
            } else {
                String file = r.findings().get(0).file();
                String id = Path.of(file).getFileName().toString().replaceFirst("\\.ya?ml$", "");
                out.println(String.format("%-40s %-9s %s", id, "-", Console.red("invalid: " + r.findings().size()
                        + " finding(s); run 'playbook lint " + id + "'")));
            }
        }
        out.flush();
    }

    @Command(name = "playbook show", group = "Playbooks", description = "Show a playbook's details and nodes",
            completionProvider = "playbookIdCompletion")
    public void show(CommandContext ctx, @Argument(index = 0, description = "playbook id or file") String id) {
        PrintWriter out = ctx.outputWriter();
        Playbook p = loadValid(id, out);
        if (p == null) {
            return;
        }
        var m = p.metadata();
        out.println(Console.bold(m.title()) + "  (" + m.id() + " " + m.version() + ")");
        out.print(Console.indent(m.description(), "  "));
        if (!m.platforms().isEmpty()) {
            out.println("Platforms: " + String.join(", ", m.platforms()));
        }
        if (!m.tags().isEmpty()) {
            out.println("Tags:      " + String.join(", ", m.tags()));
        }
        out.println("File:      " + p.file() + "  sha256 " + p.sha256().substring(0, 16) + "…");
        out.println("Start:     " + p.start());
        out.println(Console.bold("Nodes (" + p.nodes().size() + "):"));
        for (Node n : p.nodes().values()) {
            String targets = n.targets().isEmpty() ? "" : Console.dim(" -> " + String.join(", ", n.targets()));
            String kind = n instanceof Node.Outcome o ? "outcome:" + o.result().yamlName() : n.type();
            out.println(String.format("  %-36s %-18s %s%s", n.id(), kind, shorten(n.headline()), targets));
        }
        out.println(Console.bold("Sources:"));
        m.sources().forEach(s -> out.println("  " + s));
        out.flush();
    }

    @Command(name = "playbook lint", group = "Playbooks",
            description = "Check playbooks for errors (all of them when none is named); exit 0 clean, 1 findings, 2 unreadable",
            completionProvider = "playbookIdCompletion")
    public void lint(CommandContext ctx, @Arguments List<String> targets) {
        PrintWriter out = ctx.outputWriter();
        List<Path> files;
        if (targets == null || targets.isEmpty()) {
            files = catalog.files();
            if (files.isEmpty()) {
                out.println("No playbooks in " + catalog.dir() + " to lint.");
                exit.raise(ExitCode.BAD_INPUT);
                return;
            }
        } else {
            files = new java.util.ArrayList<>();
            for (String t : targets) {
                if (java.nio.file.Files.isDirectory(Path.of(t))) {
                    List<Path> inDir = new PlaybookCatalog(Path.of(t)).files();
                    if (inDir.isEmpty()) {
                        out.println("The folder " + t + " holds no *.yaml playbooks.");
                        exit.raise(ExitCode.BAD_INPUT);
                    }
                    files.addAll(inDir);
                    continue;
                }
                Path f = catalog.resolve(t);
                if (f == null) {
                    out.println(catalog.notFoundMessage(t));
                    exit.raise(ExitCode.BAD_INPUT);
                } else {
                    files.add(f);
                }
            }
        }
        int clean = 0;
        for (Path f : files) {
            PlaybookLoader.Result r = catalog.load(f);
            exit.raise(r.exitStatus());
            if (r.findings().isEmpty()) {
                clean++;
                out.println(Console.green("ok") + "  " + f + "  (" + r.playbook().nodes().size() + " nodes)");
            } else {
                Console.findings(out, r.findings());
                out.println(Console.red(r.unreadable() ? "unreadable" : r.findings().size() + " finding(s)") + "  " + f);
            }
        }
        if (files.size() > 1) {
            out.println(clean + " of " + files.size() + " playbook(s) clean.");
        }
        out.flush();
    }

    @Command(name = "playbook test", group = "Playbooks",
            description = "Run a playbook's test cases (default: playbooks/tests/<id>/*.yaml); exit 0 pass, 1 failures, 2 bad input",
            completionProvider = "playbookIdCompletion")
    public void test(CommandContext ctx, @Arguments List<String> args) {
        PrintWriter out = ctx.outputWriter();
        if (args == null || args.isEmpty()) {
            out.println("Name the playbook: playbook test <id-or-file> [case files...]. Cases default to "
                    + catalog.dir().resolve("tests") + "/<id>/.");
            exit.set(ExitCode.BAD_INPUT);
            return;
        }
        Playbook p = loadValid(args.get(0), out);
        if (p == null) {
            return;
        }
        List<Path> cases = args.size() > 1 ? args.subList(1, args.size()).stream().map(Path::of).toList()
                : dev.tshoot.engine.PlaybookTests.caseFiles(dev.tshoot.engine.PlaybookTests.caseDir(catalog.dir(), p.id()));
        if (cases.isEmpty()) {
            out.println("No test cases for '" + p.id() + "' in " + dev.tshoot.engine.PlaybookTests.caseDir(catalog.dir(), p.id())
                    + ". Write one (see 'Playbook tests' in playbooks/README.md) or name case files after the playbook.");
            exit.set(ExitCode.BAD_INPUT);
            return;
        }
        var report = dev.tshoot.engine.PlaybookTests.run(p, cases, engine);
        for (var r : report.results()) {
            if (r.passed()) {
                out.println(Console.green("PASS") + "  " + r.name() + Console.dim("  -> " + r.outcome()));
            } else {
                out.println(Console.red("FAIL") + "  " + r.name() + "  (" + r.file() + ")");
                out.println("      " + r.failure());
            }
        }
        if (!report.badCases().isEmpty()) {
            out.println(Console.red("Case files that cannot be used:"));
            Console.findings(out, report.badCases());
        }
        long passed = report.results().stream().filter(dev.tshoot.engine.CaseRunner.Result::passed).count();
        out.println(passed + " of " + report.results().size() + " case(s) passed"
                + (report.uncovered().isEmpty() ? "; every outcome is reached by a case."
                        : "; outcomes no case reaches: " + String.join(", ", report.uncovered()) + "."));
        out.flush();
        exit.set(!report.badCases().isEmpty() ? ExitCode.BAD_INPUT : report.passed() ? ExitCode.OK : ExitCode.FINDINGS);
    }

    /** Loads a playbook by id or path; prints why not and sets the exit status when it cannot be used. */
    Playbook loadValid(String id, PrintWriter out) {
        if (id == null || id.isBlank()) {
            out.println("Name a playbook: e.g. 'playbook show <id>'. 'playbook list' shows the ids.");
            exit.set(ExitCode.BAD_INPUT);
            return null;
        }
        Path f = catalog.resolve(id);
        if (f == null) {
            out.println(catalog.notFoundMessage(id));
            exit.set(ExitCode.BAD_INPUT);
            return null;
        }
        PlaybookLoader.Result r = catalog.load(f);
        if (!r.valid()) {
            out.println(Console.red("Playbook " + f + " cannot be used: it has " + r.findings().size() + " problem(s):"));
            Console.findings(out, r.findings());
            out.println("Fix them (see playbooks/README.md) and try again; 'playbook lint " + id + "' re-checks.");
            exit.set(ExitCode.BAD_INPUT);
            return null;
        }
        return r.playbook();
    }

    private static String shorten(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ").strip();
        return one.length() > 50 ? one.substring(0, 47) + "..." : one;
    }
}
