package dev.tshoot.shell;

import java.io.PrintWriter;
import java.util.List;

import dev.tshoot.app.PlaybookLoad;
import dev.tshoot.app.ResumeTranscript;
import dev.tshoot.app.TranscriptFiles;
import dev.tshoot.engine.Session;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookCatalog;
import dev.tshoot.text.SafeText;
import dev.tshoot.transcript.Recorder;
import dev.tshoot.transcript.TranscriptReader;

/**
 * {@code resume}: goes on with the paused session; {@code resume <transcript>} (or {@code resume}
 * with no session running: the newest unfinished transcript) rebuilds a session from its transcript
 * and records the rest into a new transcript linked to it.
 */
public class ResumeCommand {

    private final PlaybookCatalog catalog;
    private final SessionHolder holder;
    private final SessionDriver driver;
    private final TranscriptFiles files;
    private final RunningSession running;

    public ResumeCommand(PlaybookCatalog catalog, SessionHolder holder, SessionDriver driver, TranscriptFiles files,
            ExitCode exit) {
        this.catalog = catalog;
        this.holder = holder;
        this.driver = driver;
        this.files = files;
        this.running = new RunningSession(holder, exit);
    }

    void resume(PrintWriter out, String file) {
        if ((file == null || file.isBlank()) && holder.active()) {
            driver.drive(holder.session(), out);
            return;
        }
        ResumeTranscript.Target t = ResumeTranscript.find(files, file);
        if (t.refusal() != null) {
            running.fail(out, SafeText.line(t.refusal()));
            return;
        }
        if (holder.active() && !driver.confirm("A session is running at '" + holder.session().current().id()
                + "'. Close it and resume " + SafeText.line(String.valueOf(t.file().getFileName())) + "?",
                "Close it and resume", "Keep it (nothing is closed)")) {
            return;
        }
        Playbook pb = PlaybookLoadView.use(PlaybookLoad.load(catalog, t.header().playbook().id()), out, running.exit());
        if (pb == null) {
            return;
        }
        String changed = ResumeTranscript.changed(t.header(), pb);
        if (changed != null) {
            out.println(Console.yellow(SafeText.line(changed)));
            if (!driver.confirm("Continue on the playbook as it is now? The recorded answers are replayed on it, and"
                    + " where it now goes elsewhere the difference is shown.", "Continue on the new version", "Stop here")) {
                return;
            }
        }
        Recorder.Resumed r;
        try {
            r = holder.resume(t.file(), pb, out);
        } catch (TranscriptReader.UnreadableException e) {
            running.fail(out, SafeText.line(e.getMessage()));
            return;
        }
        if (r.refusal() != null) {
            running.fail(out, SafeText.line(r.refusal()));
            return;
        }
        Session s = r.recorded().session();
        out.println(Console.bold(pb.metadata().title()) + Console.dim("  (" + pb.id() + " " + pb.metadata().version() + ")"));
        out.println("Resumed " + SafeText.line(String.valueOf(t.file().getFileName())) + ": " + r.report().chain().events()
                + " events verified (" + (t.chain().status() == dev.tshoot.transcript.TranscriptVerifier.Status.OK
                        ? "chain OK" : "torn tail: its last, unfinished line is left out") + "), at '" + s.current().id() + "'.");
        List<String> route = r.report().path();
        out.println(Console.dim("Route so far: " + String.join(" \u2192 ", route)));
        out.println(Console.dim("Recording to " + r.recorded().writer().file() + " (it names the earlier transcript in its"
                + " header; both are one case)"));
        out.flush();
        driver.adopt(s);
        driver.drive(s, out);
    }

    /** The command as both front ends know it. */
    static List<CommandSpec> commands(java.util.function.Supplier<ResumeCommand> self) {
        return List.of(CommandSpec.command("resume", "Session",
                        "Continue the paused session, or rebuild one from its transcript (the newest unfinished one"
                                + " when none is running) and record the rest into a new, linked transcript")
                .arg("transcript", "optional: the transcript file (a name in the transcripts folder, or a path)")
                .complete(CommandSpec.Completion.TRANSCRIPT)
                .needsRepl(a -> true)
                .run((a, out) -> self.get().resume(out, a.arg(0))));
    }
}
