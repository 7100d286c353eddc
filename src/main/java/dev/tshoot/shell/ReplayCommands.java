package dev.tshoot.shell;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import java.util.function.Supplier;

import dev.tshoot.app.ReplayPlayer;
import dev.tshoot.app.VerifyReplay;
import dev.tshoot.engine.SessionEngine;
import dev.tshoot.playbook.PlaybookCatalog;
import dev.tshoot.transcript.TranscriptReader;

/**
 * {@code replay <transcript>}: step through a recorded session (next, previous, jump to a node,
 * timed playback); {@code replay <transcript> --verify}: re-walk it against today's playbook.
 */
public class ReplayCommands {

    private final VerifyReplay verifier;
    private final TranscriptCommands transcripts;
    private final Supplier<LineReader> reader;
    private final Supplier<Terminal> terminal;
    private final ExitCode exit;

    public ReplayCommands(PlaybookCatalog catalog, SessionEngine engine, TranscriptCommands transcripts,
            Supplier<LineReader> reader, Supplier<Terminal> terminal, ExitCode exit) {
        this.verifier = new VerifyReplay(catalog, engine);
        this.transcripts = transcripts;
        this.reader = reader;
        this.terminal = terminal;
        this.exit = exit;
    }

    void replay(PrintWriter out, String file, boolean verify, String playbookFile, boolean all, String speed) {
        if (file == null || file.isBlank()) {
            out.println("Name the transcript: replay <file> [--verify]. 'transcript list' shows them.");
            exit.set(ExitCode.BAD_INPUT);
            return;
        }
        Path path = transcripts.resolve(file);
        if (verify) {
            verify(out, path, playbookFile);
            return;
        }
        TranscriptReader.Transcript t;
        try {
            t = TranscriptReader.read(path);
        } catch (TranscriptReader.UnreadableException e) {
            out.println(e.getMessage());
            exit.set(ExitCode.BAD_INPUT);
            return;
        }
        out.println(Console.bold("Session " + t.header().sessionId()) + "  " + t.header().playbook().id() + " "
                + t.header().playbook().version() + ", " + t.header().startedAt() + " on " + t.header().host().hostname());
        out.println(Console.dim("Integrity: " + t.integrity().message()));
        ReplayPlayer player = new ReplayPlayer(t.events(), new ReplayScreen(out), this::readStep, ReplayCommands::sleep);
        int status;
        if (speed != null && !speed.isBlank()) {
            status = player.play(speed);
        } else if (all || !interactive()) {
            t.events().forEach(e -> out.println(ReplayView.render(e)));
            status = ExitCode.OK;
        } else {
            status = player.step();
        }
        out.flush();
        if (status != ExitCode.OK) {
            exit.set(status);
        }
    }

    /** {@code replay --verify}: renders the result and sets the exit status. */
    void verify(PrintWriter out, Path path, String playbookFile) {
        VerifyReplay.Result r = verifier.verify(path, playbookFile);
        r.accept(new ReplayVerifyView(out, exit));
        out.flush();
        exit.set(r.exitStatus());
    }

    private boolean interactive() {
        String type = terminal.get().getType();
        return type != null && !type.startsWith("dumb");
    }

    private String readStep() {
        try {
            return reader.get().readLine("replay> ");
        } catch (EndOfFileException | UserInterruptException e) {
            return null;
        }
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The commands this adapter runs, as both front ends know them. */
    static java.util.List<CommandSpec> commands(java.util.function.Supplier<ReplayCommands> self) {
        return java.util.List.of(
                CommandSpec.command("replay", "Transcripts",
                        "Step through a recorded session, or --verify it against today's playbook (exit 0 same, 1 diverged, 2 unreadable)")
                        .arg("transcript", "transcript file")
                        .flag("verify", "re-walk against the current playbook")
                        .option("playbook", "file", "playbook file to verify against")
                        .flag("all", "print every event without stepping")
                        .option("speed", "factor", "timed playback at this speed (e.g. 2 = twice as fast)")
                        .complete(CommandSpec.Completion.TRANSCRIPT)
                        .needsRepl(a -> a.arg(0) != null && !a.flag("verify") && !a.flag("all") && a.value("speed") == null
                                && Console.terminal())
                        .run((a, out) -> self.get().replay(out, a.arg(0), a.flag("verify"), a.value("playbook"), a.flag("all"), a.value("speed"))));
    }
}
