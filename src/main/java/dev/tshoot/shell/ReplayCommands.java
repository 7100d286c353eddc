package dev.tshoot.shell;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import dev.tshoot.engine.SessionEngine;
import dev.tshoot.engine.SessionEvent;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.transcript.ReplayVerifier;
import dev.tshoot.transcript.TranscriptReader;

/**
 * {@code replay <transcript>}: step through a recorded session (next, previous, jump to a node,
 * timed playback); {@code replay <transcript> --verify}: re-walk it against today's playbook.
 */
@Component
public class ReplayCommands {

    private final PlaybookCommands playbooks;
    private final SessionEngine engine;
    private final TranscriptCommands transcripts;
    private final ObjectProvider<LineReader> reader;
    private final ObjectProvider<Terminal> terminal;
    private final ExitCode exit;

    public ReplayCommands(PlaybookCommands playbooks, SessionEngine engine, TranscriptCommands transcripts,
            ObjectProvider<LineReader> reader, ObjectProvider<Terminal> terminal, ExitCode exit) {
        this.playbooks = playbooks;
        this.engine = engine;
        this.transcripts = transcripts;
        this.reader = reader;
        this.terminal = terminal;
        this.exit = exit;
    }

    @Command(name = "replay", group = "Transcripts",
            description = "Step through a recorded session, or --verify it against today's playbook (exit 0 same, 1 diverged, 2 unreadable)",
            completionProvider = "transcriptCompletion")
    public void replay(CommandContext ctx, @Argument(index = 0, description = "transcript file") String file,
            @Option(longName = "verify", description = "re-walk against the current playbook") boolean verify,
            @Option(longName = "playbook", description = "playbook file to verify against") String playbookFile,
            @Option(longName = "all", description = "print every event without stepping") boolean all,
            @Option(longName = "speed", description = "timed playback at this speed (e.g. 2 = twice as fast)") String speed) {
        PrintWriter out = ctx.outputWriter();
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
        List<SessionEvent> ev = t.events();
        if (speed != null && !speed.isBlank()) {
            play(out, ev, speed);
        } else if (all || !interactive()) {
            ev.forEach(e -> out.println(ReplayView.render(e)));
        } else {
            step(out, ev);
        }
        out.flush();
    }

    private boolean interactive() {
        String type = terminal.getObject().getType();
        return type != null && !type.startsWith("dumb");
    }

    private void step(PrintWriter out, List<SessionEvent> ev) {
        int i = 0;
        out.println(Console.dim("Enter or n: next, p: previous, j <node>: jump to a node, play [speed], q: quit"));
        while (i < ev.size()) {
            out.println(Console.dim("[" + (i + 1) + "/" + ev.size() + "] " + ev.get(i).type()));
            out.println(ReplayView.render(ev.get(i)));
            out.flush();
            String cmd;
            try {
                cmd = reader.getObject().readLine("replay> ").strip();
            } catch (EndOfFileException | UserInterruptException e) {
                return;
            }
            if (cmd.isEmpty() || cmd.equals("n")) {
                i++;
            } else if (cmd.equals("p")) {
                i = Math.max(0, i - 1);
            } else if (cmd.equals("q")) {
                return;
            } else if (cmd.startsWith("j ")) {
                String node = cmd.substring(2).strip();
                int found = -1;
                for (int k = 0; k < ev.size(); k++) {
                    if (ev.get(k) instanceof SessionEvent.NodeEntered n && n.node().equals(node)) {
                        found = k;
                        break;
                    }
                }
                if (found < 0) {
                    out.println(Console.yellow("The session never entered '" + node + "'."));
                } else {
                    i = found;
                }
            } else if (cmd.startsWith("play")) {
                String s = cmd.substring(4).strip();
                play(out, ev.subList(i, ev.size()), s.isEmpty() ? "1" : s);
                return;
            } else {
                out.println(Console.yellow("Unknown step command '" + cmd + "'. Enter/n next, p previous, j <node>, play [speed], q."));
            }
        }
        out.println(Console.dim("End of the recording."));
    }

    private void play(PrintWriter out, List<SessionEvent> ev, String speed) {
        double x;
        try {
            x = Double.parseDouble(speed);
            if (x <= 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            out.println("Speed must be a positive number such as 1, 2 or 0.5, not '" + speed + "'.");
            exit.set(ExitCode.BAD_INPUT);
            return;
        }
        java.time.Instant prev = null;
        for (SessionEvent e : ev) {
            if (prev != null) {
                long ms = java.time.Duration.between(prev, e.at()).toMillis();
                long wait = Math.min((long) (ms / x), 2000); // idle time is capped at 2 s
                if (wait > 0) {
                    try {
                        Thread.sleep(wait);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            prev = e.at();
            out.println(ReplayView.render(e));
            out.flush();
        }
    }

    private void verify(PrintWriter out, Path path, String playbookFile) {
        dev.tshoot.transcript.TranscriptHeader h;
        try {
            h = TranscriptReader.header(path);
        } catch (TranscriptReader.UnreadableException e) {
            out.println(e.getMessage());
            exit.set(ExitCode.BAD_INPUT);
            return;
        }
        Playbook pb = playbooks.loadValid(playbookFile != null && !playbookFile.isBlank() ? playbookFile : h.playbook().id(), out);
        if (pb == null) {
            return;
        }
        ReplayVerifier.Report r;
        try {
            r = new ReplayVerifier(engine).verify(path, pb);
        } catch (TranscriptReader.UnreadableException e) {
            out.println(e.getMessage());
            exit.set(ExitCode.BAD_INPUT);
            return;
        }
        out.println("Re-walked " + r.eventsRead() + " recorded events against " + pb.file() + " (" + pb.id() + " "
                + pb.metadata().version() + "); nothing was run on this host.");
        if (r.hashDiffers()) {
            out.println(Console.yellow("The playbook differs from the one the session used: pinned sha256 "
                    + h.playbook().sha256().substring(0, 16) + "… (version " + h.playbook().version() + "), now "
                    + r.playbookSha256().substring(0, 16) + "… (version " + pb.metadata().version() + ")."));
        }
        if (r.same()) {
            out.println(Console.green("SAME") + "  the path (" + r.nodesCompared() + " node entries; " + r.path().size()
                    + " nodes in the final route)"
                    + (r.outcome() != null ? " and the outcome '" + r.outcome() + "'" : " (the session ended before an outcome)")
                    + " are what the session recorded.");
        } else {
            var d = r.divergence();
            out.println(Console.red("DIVERGED") + " after '" + d.node() + "': the session went to '" + d.recorded()
                    + "', the playbook now goes to '" + d.now() + "'.");
            out.println("  why: " + d.why());
            exit.set(ExitCode.FINDINGS);
        }
        out.flush();
    }
}
