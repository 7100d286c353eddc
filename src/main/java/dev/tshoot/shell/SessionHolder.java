package dev.tshoot.shell;

import java.io.PrintWriter;



import dev.tshoot.engine.Session;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.probe.HostDiagnostics;
import dev.tshoot.text.SafeText;
import dev.tshoot.transcript.Recorder;
import dev.tshoot.transcript.TranscriptWriter;

/** The session the shell is running, if any, and its transcript. */
public class SessionHolder {

    private final Recorder recorder;
    private final HostDiagnostics diagnostics;
    private final dev.tshoot.app.ConsentFile.Loaded consent;
    private Recorder.Recorded current;

    public SessionHolder(Recorder recorder, HostDiagnostics diagnostics) {
        this(recorder, diagnostics, new dev.tshoot.app.ConsentFile.Loaded(dev.tshoot.engine.ReadOnlyCommands.builtin(),
                java.util.List.of()));
    }

    /** With the read-only list in force (tshoot's own, plus the user's consent file). */
    public SessionHolder(Recorder recorder, HostDiagnostics diagnostics, dev.tshoot.app.ConsentFile.Loaded consent) {
        this.recorder = recorder;
        this.diagnostics = diagnostics;
        this.consent = consent;
    }

    public boolean active() {
        return current != null && current.session().state() != Session.State.ENDED;
    }

    /** True when a session is running and has not reached an outcome: closing it would leave its walk unfinished. */
    public boolean paused() {
        return active() && current.session().state() != Session.State.AT_OUTCOME;
    }

    public Session session() { return current == null ? null : current.session(); }

    public TranscriptWriter writer() { return current == null ? null : current.writer(); }

    /** Starts a recorded session, closing any earlier one. Warnings (e.g. disk full) go to {@code out}. */
    public Session start(Playbook pb, PrintWriter out) {
        dev.tshoot.playbook.Provenance provenance = opening(pb, out);
        current = recorder.start(pb, provenance, warnings(out), new ProgressDiagnostics(diagnostics, out),
                dev.tshoot.engine.ConsentPolicy.askAlways(consent.commands()));
        return current.session();
    }

    /**
     * Rebuilds the session recorded in {@code file} on {@code pb} and goes on recording it into a new
     * transcript linked to that one ({@link Recorder#resume}); closes any earlier session first.
     */
    public Recorder.Resumed resume(java.nio.file.Path file, Playbook pb, PrintWriter out)
            throws dev.tshoot.transcript.TranscriptReader.UnreadableException {
        dev.tshoot.playbook.Provenance provenance = opening(pb, out);
        Recorder.Resumed r = recorder.resume(file, pb, provenance, warnings(out), new ProgressDiagnostics(diagnostics, out),
                dev.tshoot.engine.ConsentPolicy.askAlways(consent.commands()));
        if (r.recorded() != null) {
            current = r.recorded();
        }
        return r;
    }

    private static java.util.function.Consumer<String> warnings(PrintWriter out) {
        return msg -> {
            out.println(Console.yellow("warning: ") + msg);
            out.flush();
        };
    }

    /** Closes the earlier session (showing its seal) and says what the playbook's signature allows. */
    private dev.tshoot.playbook.Provenance opening(Playbook pb, PrintWriter out) {
        TranscriptWriter earlier = active() ? writer() : null;
        if (earlier != null) {
            out.println(Console.dim("Closing the earlier session (" + earlier.file().getFileName() + ")."));
        }
        close("user");
        if (earlier != null) {
            // its transcript is closed now: the seal is the only moment the user sees it
            SessionReports.seal(out, earlier);
        }
        consent.warnings().forEach(msg -> out.println(Console.yellow("warning: ") + msg));
        dev.tshoot.playbook.Provenance provenance = dev.tshoot.playbook.Signatures.check(pb, consent.keys());
        out.println(Console.dim("Playbook " + SafeText.line(provenance.describe()) + (provenance.trusted()
                ? ": commands it declares read-only may run like those on tshoot's list."
                : ": commands not on tshoot's read-only list ask every time.")));
        return provenance;
    }

    /** Ends the session ({@code reason}: outcome, user, interrupted) and closes its transcript. */
    public void close(String reason) {
        if (current != null) {
            Session s = current.session();
            if (s.state() != Session.State.ENDED) {
                s.end(s.state() == Session.State.AT_OUTCOME ? "outcome" : reason);
            }
            current.writer().close();
        }
    }

    /** At the end of the process: a session still open is closed as interrupted, and its seal shown on {@code out}. */
    public void shutdown(PrintWriter out) {
        TranscriptWriter open = active() ? writer() : null;
        close("interrupted");
        if (open != null) {
            out.println("The open session was closed as interrupted. Transcript: " + open.file());
            out.println("'tshoot resume' continues it from its transcript (or 'resume " + open.file().getFileName()
                    + "' in the tshoot shell).");
            SessionReports.seal(out, open);
            out.flush();
        }
    }
}
