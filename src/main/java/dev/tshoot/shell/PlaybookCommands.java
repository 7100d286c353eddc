package dev.tshoot.shell;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import dev.tshoot.app.ConsentFile;
import dev.tshoot.app.LintPlaybooks;
import dev.tshoot.app.ListPlaybooks;
import dev.tshoot.app.PlaybookLoad;
import dev.tshoot.app.TestPlaybook;
import dev.tshoot.engine.PlaybookTests;
import dev.tshoot.engine.SessionEngine;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookCatalog;
import dev.tshoot.playbook.Signatures;
import dev.tshoot.playbook.TrustedKeys;

/** {@code playbook list}, {@code playbook show}, {@code playbook lint}, {@code playbook test}. */
public class PlaybookCommands {

    private final PlaybookCatalog catalog;
    private final SessionEngine engine;
    private final ExitCode exit;
    private final TrustedKeys keys;

    public PlaybookCommands(PlaybookCatalog catalog, SessionEngine engine, ExitCode exit) {
        this(catalog, engine, exit, new ConsentFile.Loaded(dev.tshoot.engine.ReadOnlyCommands.builtin(), List.of()));
    }

    /** With the user's trusted keys, to say who signed each playbook. */
    public PlaybookCommands(PlaybookCatalog catalog, SessionEngine engine, ExitCode exit, ConsentFile.Loaded trust) {
        this.catalog = catalog;
        this.engine = engine;
        this.exit = exit;
        this.keys = trust.keys();
    }

    void list(PrintWriter out) {
        ListPlaybooks.Listing listing = ListPlaybooks.list(catalog, keys);
        PlaybookViews.list(out, listing);
        out.flush();
        if (listing.exitStatus() != ExitCode.OK) {
            exit.set(listing.exitStatus());
        }
    }

    void show(PrintWriter out, String id) {
        Playbook p = PlaybookLoadView.use(PlaybookLoad.load(catalog, id), out, exit);
        if (p != null) {
            PlaybookViews.show(out, p, Signatures.check(p, keys));
            out.flush();
        }
    }

    void lint(PrintWriter out, List<String> targets) {
        LintPlaybooks.Report report = LintPlaybooks.lint(catalog, targets, keys);
        PlaybookViews.lint(out, report);
        out.flush();
        exit.raise(report.exitStatus());
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

    /** The commands this adapter runs, as both front ends know them. */
    static java.util.List<CommandSpec> commands(java.util.function.Supplier<PlaybookCommands> self) {
        return java.util.List.of(
                CommandSpec.command("playbook list", "Playbooks",
                        "List the playbooks in the playbooks folder")
                        .run((a, out) -> self.get().list(out)),
                CommandSpec.command("playbook show", "Playbooks",
                        "Show a playbook's details and nodes")
                        .arg("playbook", "playbook id or file")
                        .complete(CommandSpec.Completion.PLAYBOOK)
                        .run((a, out) -> self.get().show(out, a.arg(0))),
                CommandSpec.command("playbook lint", "Playbooks",
                        "Check playbooks for errors (all of them when none is named); exit 0 clean, 1 findings, 2 unreadable")
                        .args("playbook", "playbook ids or files (all when none is named)")
                        .complete(CommandSpec.Completion.PLAYBOOK)
                        .run((a, out) -> self.get().lint(out, a.positional())),
                CommandSpec.command("playbook test", "Playbooks",
                        "Run a playbook's test cases (default: playbooks/tests/<id>/*.yaml); exit 0 pass, 1 failures, 2 bad input")
                        .args("playbook-and-cases", "the playbook id or file, then case files (default: playbooks/tests/<id>/*.yaml)")
                        .complete(CommandSpec.Completion.PLAYBOOK)
                        .run((a, out) -> self.get().test(out, a.positional())));
    }
}
