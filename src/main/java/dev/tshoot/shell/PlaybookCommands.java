package dev.tshoot.shell;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import dev.tshoot.app.LintPlaybooks;
import dev.tshoot.app.ListPlaybooks;
import dev.tshoot.app.PlaybookLoad;
import dev.tshoot.app.TestPlaybook;
import dev.tshoot.engine.PlaybookTests;
import dev.tshoot.engine.SessionEngine;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookCatalog;

/** {@code playbook list}, {@code playbook show}, {@code playbook lint}, {@code playbook test}. */
@Component
public class PlaybookCommands {

    private final PlaybookCatalog catalog;
    private final SessionEngine engine;
    private final ExitCode exit;

    public PlaybookCommands(PlaybookCatalog catalog, SessionEngine engine, ExitCode exit) {
        this.catalog = catalog;
        this.engine = engine;
        this.exit = exit;
    }

    @Command(name = "playbook list", group = "Playbooks", description = "List the playbooks in the playbooks folder")
    public void list(CommandContext ctx) {
        list(ctx.outputWriter());
    }

    void list(PrintWriter out) {
        ListPlaybooks.Listing listing = ListPlaybooks.list(catalog);
        PlaybookViews.list(out, listing);
        out.flush();
        if (listing.exitStatus() != ExitCode.OK) {
            exit.set(listing.exitStatus());
        }
    }

    @Command(name = "playbook show", group = "Playbooks", description = "Show a playbook's details and nodes",
            completionProvider = "playbookIdCompletion")
    public void show(CommandContext ctx, @Argument(index = 0, description = "playbook id or file") String id) {
        show(ctx.outputWriter(), id);
    }

    void show(PrintWriter out, String id) {
        Playbook p = PlaybookLoadView.use(PlaybookLoad.load(catalog, id), out, exit);
        if (p != null) {
            PlaybookViews.show(out, p);
            out.flush();
        }
    }

    @Command(name = "playbook lint", group = "Playbooks",
            description = "Check playbooks for errors (all of them when none is named); exit 0 clean, 1 findings, 2 unreadable",
            completionProvider = "playbookIdCompletion")
    public void lint(CommandContext ctx, @Arguments List<String> targets) {
        lint(ctx.outputWriter(), targets);
    }

    void lint(PrintWriter out, List<String> targets) {
        LintPlaybooks.Report report = LintPlaybooks.lint(catalog, targets);
        PlaybookViews.lint(out, report);
        out.flush();
        exit.raise(report.exitStatus());
    }

    @Command(name = "playbook test", group = "Playbooks",
            description = "Run a playbook's test cases (default: playbooks/tests/<id>/*.yaml); exit 0 pass, 1 failures, 2 bad input",
            completionProvider = "playbookIdCompletion")
    public void test(CommandContext ctx, @Arguments List<String> args) {
        test(ctx.outputWriter(), args == null ? List.of() : args);
    }

    void test(PrintWriter out, List<String> args) {
        if (args.isEmpty()) {
            out.println("Name the playbook: playbook test <id-or-file> [case files...]. Cases default to "
                    + catalog.dir().resolve("tests") + "/<id>/.");
            out.flush();
            exit.set(ExitCode.BAD_INPUT);
            return;
        }
        Playbook p = PlaybookLoadView.use(PlaybookLoad.load(catalog, args.get(0)), out, exit);
        if (p == null) {
            return;
        }
        List<Path> cases = TestPlaybook.cases(catalog.dir(), p, args.subList(1, args.size()));
        if (cases.isEmpty()) {
            PlaybookViews.noCases(out, catalog.dir(), p);
            out.flush();
            exit.set(ExitCode.BAD_INPUT);
            return;
        }
        PlaybookTests.Report report = TestPlaybook.run(p, cases, engine);
        PlaybookViews.test(out, report);
        out.flush();
        exit.set(TestPlaybook.exitStatus(report));
    }
}
