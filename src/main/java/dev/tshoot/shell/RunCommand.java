package dev.tshoot.shell;

import java.io.PrintWriter;

import dev.tshoot.app.ConsentFile;
import dev.tshoot.app.PlaybookLoad;
import dev.tshoot.app.RunWithAnswers;
import dev.tshoot.engine.Diagnostics;
import dev.tshoot.engine.ReadOnlyCommands;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookCatalog;
import dev.tshoot.text.SafeText;
import dev.tshoot.transcript.Recorder;
import dev.tshoot.transcript.TranscriptWriter;

/**
 * {@code run <playbook> --answers <file>}: walks a playbook without prompts, records the transcript,
 * prints the path and the outcome. Exit 0 resolved, 3 unresolved or escalate, 2 bad input.
 */
public class RunCommand {

    private final PlaybookCatalog catalog;
    private final RunWithAnswers runs;
    private final ExitCode exit;

    public RunCommand(PlaybookCatalog catalog, Recorder recorder, Diagnostics diagnostics, ExitCode exit) {
        this(catalog, recorder, diagnostics, exit, new ConsentFile.Loaded(ReadOnlyCommands.builtin(), java.util.List.of()));
    }

    /** With the read-only list in force (tshoot's own, plus the user's consent file). */
    public RunCommand(PlaybookCatalog catalog, Recorder recorder, Diagnostics diagnostics, ExitCode exit,
            ConsentFile.Loaded consent) {
        this(catalog, recorder, diagnostics, exit, consent, java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** {@code fallbackDir}: where a transcript whose folder refused a write is written when the run ends. */
    public RunCommand(PlaybookCatalog catalog, Recorder recorder, Diagnostics diagnostics, ExitCode exit,
            ConsentFile.Loaded consent, java.nio.file.Path fallbackDir) {
        this.catalog = catalog;
        this.runs = new RunWithAnswers(recorder, diagnostics, consent, fallbackDir);
        this.exit = exit;
    }

    void run(PrintWriter out, String id, String answers, boolean yes, boolean yesMutating, boolean dryRun) {
        Playbook pb = PlaybookLoadView.use(PlaybookLoad.load(catalog, id), out, exit);
        if (pb == null) {
            return;
        }
        RunWithAnswers.Result r = runs.run(new RunWithAnswers.Request(pb, answers, yes, yesMutating, dryRun),
                msg -> out.println(Console.yellow("warning: ") + msg));
        r.accept(new RunView(out));
        out.flush();
        exit.set(r.exitStatus());
    }

    /** The path, the results and the outcome of a run, or why it could not start or finish. */
    private record RunView(PrintWriter out) implements RunWithAnswers.Result.Visitor<Void> {
        @Override
        public Void answersRefused(RunWithAnswers.AnswersRefused a) {
            out.println(Console.red("The answers file cannot be used:"));
            Console.findings(out, a.findings());
            return null;
        }

        @Override
        public Void walked(RunWithAnswers.Walked w) {
            SessionView.results(out, w.session().events(), w.session().secrets());
            SessionView.path(out, w.session());
            if (!w.walk().completed()) {
                out.println(Console.red("Stopped at '" + w.walk().node() + "': ") + w.walk().problem()
                        + (w.answersGiven() ? "" : " (no answers file was given: --answers <file>)"));
                transcript(w, "Transcript (incomplete walk): ");
                SessionReports.seal(out, w.writer());
                return null;
            }
            SessionView.outcome(out, w.walk().outcome());
            out.println();
            transcript(w, "Transcript: ");
            SessionReports.seal(out, w.writer());
            return null;
        }

        /** Where the transcript is: its file, the fallback file a full folder forced, or what was lost. */
        private void transcript(RunWithAnswers.Walked w, String label) {
            TranscriptWriter.Rescue r = w.rescue();
            if (r.savedTo() != null) {
                out.println(label + SafeText.inline(r.savedTo().toString()) + Console.red(" (fallback: ")
                        + SafeText.inline(r.original().toString()) + " could not be written; the whole transcript is here)");
            } else if (r.lost() != null) {
                out.println(label + Console.red("NOT SAVED: ") + SafeText.inline(r.lost()));
            } else {
                out.println(label + w.writer().file());
            }
        }
    }

    /** The commands this adapter runs, as both front ends know them. */
    static java.util.List<CommandSpec> commands(java.util.function.Supplier<RunCommand> self) {
        return java.util.List.of(
                CommandSpec.command("run", "Session",
                        "Walk a playbook with answers from a file, no prompts (exit 0 resolved, 3 unresolved/escalate, 2 bad input, 5 transcript not saved)")
                        .arg("playbook", "playbook id or file")
                        .option("answers", 'a', "file", "YAML file: node id -> answer")
                        .flag("yes", "run the commands on tshoot's read-only list without asking")
                        .flag("yes-mutating", "run every command without asking, also those that may change the system")
                        .flag("dry-run", "run no command; record what would have run")
                        .complete(CommandSpec.Completion.PLAYBOOK)
                        .run((a, out) -> self.get().run(out, a.arg(0), a.value("answers"), a.flag("yes"), a.flag("yes-mutating"), a.flag("dry-run"))));
    }
}
