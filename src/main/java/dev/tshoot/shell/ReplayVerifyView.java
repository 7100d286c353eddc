package dev.tshoot.shell;

import java.io.PrintWriter;

import dev.tshoot.app.VerifyReplay;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.transcript.ReplayVerifier;
import dev.tshoot.text.SafeText;

/** Renders {@code replay --verify}: SAME or DIVERGED, and why a transcript or playbook could not be used. */
final class ReplayVerifyView implements VerifyReplay.Result.Visitor<Void> {

    private final PrintWriter out;
    private final ExitCode exit;

    ReplayVerifyView(PrintWriter out, ExitCode exit) {
        this.out = out;
        this.exit = exit;
    }

    @Override
    public Void unreadable(VerifyReplay.Unreadable u) {
        out.println(SafeText.block(u.message()));
        return null;
    }

    @Override
    public Void playbookRefused(VerifyReplay.PlaybookRefused p) {
        PlaybookLoadView.use(p.load(), out, exit);
        return null;
    }

    @Override
    public Void tampered(VerifyReplay.Tampered t) {
        out.println(Console.red("TAMPERED") + "  " + SafeText.inline(String.valueOf(t.file())) + ": the hash chain is broken,"
                + " so the recorded answers and results cannot be trusted; nothing was re-walked.");
        out.println("  " + SafeText.block(t.chain().message()));
        out.println("  Ask for the original transcript file; 'transcript verify' shows the same.");
        return null;
    }

    @Override
    public Void verified(VerifyReplay.Verified v) {
        Playbook pb = v.playbook();
        ReplayVerifier.Report r = v.report();
        out.println("Re-walked " + r.eventsRead() + " recorded events against " + SafeText.inline(String.valueOf(pb.file())) + " (" + SafeText.inline(pb.id()) + " "
                + SafeText.inline(pb.metadata().version()) + "); nothing was run on this host.");
        if (r.chain() != null && r.chain().status() == dev.tshoot.transcript.TranscriptVerifier.Status.TORN_TAIL) {
            out.println(Console.yellow(SafeText.block(r.chain().message())) + "; re-walked up to that line.");
        }
        if (r.hashDiffers()) {
            out.println(Console.yellow("The playbook differs from the one the session used: pinned sha256 "
                    + SafeText.inline(v.header().playbook().sha256().substring(0, 16)) + "… (version " + SafeText.inline(v.header().playbook().version())
                    + "), now " + r.playbookSha256().substring(0, 16) + "… (version " + pb.metadata().version() + ")."));
        }
        if (r.same()) {
            out.println(Console.green("SAME") + "  the path (" + r.nodesCompared() + " node entries; " + r.path().size()
                    + " nodes in the final route)"
                    + (r.outcome() != null ? " and the outcome '" + r.outcome() + "'" : " (the session ended before an outcome)")
                    + " are what the session recorded.");
        } else {
            var d = r.divergence();
            out.println(Console.red("DIVERGED") + " after '" + SafeText.inline(d.node()) + "': the session went to '" + SafeText.inline(d.recorded())
                    + "', the playbook now goes to '" + SafeText.inline(d.now()) + "'.");
            out.println("  why: " + SafeText.block(d.why()));
        }
        return null;
    }
}
