package dev.tshoot.shell;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import dev.tshoot.engine.ScriptedWalk;
import dev.tshoot.engine.Session;
import dev.tshoot.playbook.AnswersFile;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.probe.HostDiagnostics;
import dev.tshoot.transcript.Recorder;

/**
 * {@code run <playbook> --answers <file>}: walks a playbook without prompts, records the transcript,
 * prints the path and the outcome. Exit 0 resolved, 3 unresolved or escalate, 2 bad input.
 */
@Component
public class RunCommand {

    private final PlaybookCommands playbooks;
    private final Recorder recorder;
    private final HostDiagnostics diagnostics;
    private final ExitCode exit;

    public RunCommand(PlaybookCommands playbooks, Recorder recorder, HostDiagnostics diagnostics, ExitCode exit) {
        this.playbooks = playbooks;
        this.recorder = recorder;
        this.diagnostics = diagnostics;
        this.exit = exit;
    }

    @Command(name = "run", group = "Session",
            description = "Walk a playbook with answers from a file, no prompts (exit 0 resolved, 3 unresolved/escalate, 2 bad input)",
            completionProvider = "playbookIdCompletion")
    public void run(CommandContext ctx, @Argument(index = 0, description = "playbook id or file") String id,
            @Option(longName = "answers", shortName = 'a', description = "YAML file: node id -> answer") String answers,
            @Option(longName = "yes", description = "run read-only commands without asking") boolean yes,
            @Option(longName = "yes-mutating", description = "also run commands that change the system") boolean yesMutating,
            @Option(longName = "dry-run", description = "run no command; record what would have run") boolean dryRun) {
        PrintWriter out = ctx.outputWriter();
        Playbook pb = playbooks.loadValid(id, out);
        if (pb == null) {
            return;
        }
        AnswersFile.Result a = answers == null || answers.isBlank()
                ? new AnswersFile.Result(java.util.Map.of(), java.util.List.of())
                : AnswersFile.read(Path.of(answers), pb);
        if (!a.ok()) {
            out.println(Console.red("The answers file cannot be used:"));
            Console.findings(out, a.findings());
            exit.set(ExitCode.BAD_INPUT);
            return;
        }
        Recorder.Recorded rec = recorder.start(pb, msg -> out.println(Console.yellow("warning: ") + msg), diagnostics,
                dev.tshoot.engine.ConsentPolicy.flags(yes, yesMutating, dryRun));
        Session s = rec.session();
        ScriptedWalk.Result r;
        try {
            r = ScriptedWalk.walk(s, a.answers());
        } finally {
            s.end(s.state() == Session.State.AT_OUTCOME ? "outcome" : "interrupted");
            rec.writer().close();
        }
        SessionView.results(out, s.events(), s.secrets());
        SessionView.path(out, s);
        if (!r.completed()) {
            out.println(Console.red("Stopped at '" + r.node() + "': ") + r.problem()
                    + (answers == null || answers.isBlank() ? " (no answers file was given: --answers <file>)" : ""));
            out.println("Transcript (incomplete walk): " + rec.writer().file());
            exit.set(ExitCode.BAD_INPUT);
            out.flush();
            return;
        }
        SessionView.outcome(out, r.outcome());
        out.println();
        out.println("Transcript: " + rec.writer().file() + (rec.writer().failed() ? Console.red(" (NOT SAVED)") : ""));
        out.flush();
        exit.set(r.outcome().result() == dev.tshoot.playbook.Node.Result.RESOLVED ? ExitCode.OK : ExitCode.NOT_RESOLVED);
    }
}
