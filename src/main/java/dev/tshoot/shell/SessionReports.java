package dev.tshoot.shell;

import java.io.PrintWriter;
import java.util.List;

import dev.tshoot.engine.Session;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.transcript.TranscriptWriter;

/** What {@code start}, {@code continue}, {@code why}, {@code status} and {@code end} print about a session. */
final class SessionReports {

    private SessionReports() {}

    static void started(PrintWriter out, Playbook pb, TranscriptWriter w) {
        out.println(Console.bold(pb.metadata().title()) + Console.dim("  (" + pb.id() + " " + pb.metadata().version() + ")"));
        out.println(Console.dim("Recording to " + w.file()));
    }

    static void continued(PrintWriter out, Playbook next, String from) {
        out.println(Console.bold(next.metadata().title()) + Console.dim("  (" + next.id() + ", continued from " + from + ")"));
    }

    static void why(PrintWriter out, Session s) {
        out.println(Console.bold("You are at '" + s.current().id() + "' (" + s.current().headline().strip() + ") because:"));
        List<String> reasons = s.why();
        for (int i = 0; i < reasons.size(); i++) {
            out.println(String.format("%2d. %s", i + 1, reasons.get(i)));
        }
    }

    static void status(PrintWriter out, Session s, TranscriptWriter w) {
        if (s == null) {
            out.println("No session has been started. 'playbook list' shows the playbooks; 'start <id>' begins one.");
            return;
        }
        out.println("Playbook:   " + s.playbook().id() + " " + s.playbook().metadata().version());
        out.println("Session:    " + s.id() + " (" + s.state().name().toLowerCase().replace('_', ' ') + ")");
        out.println("Node:       " + s.current().id() + "  " + s.current().headline().strip());
        out.println("Answers:    " + s.answers().size() + " in force, " + s.events().size() + " events recorded");
        out.println("Transcript: " + w.file() + (w.failed() ? Console.red("  (NOT SAVED: kept in memory)") : ""));
    }

    static void ended(PrintWriter out, Session s, TranscriptWriter w) {
        out.println("Session closed" + (s.outcome() != null ? " with outcome " + Console.result(s.outcome().result().yamlName()) : "")
                + ". Transcript: " + w.file());
        seal(out, w);
    }

    /**
     * The session's seal, to paste into the ticket, and how to check the transcript against it; or
     * that there is none (the session is not closed). Printed by {@code end} and at the end of a {@code run}.
     */
    static void seal(PrintWriter out, TranscriptWriter w) {
        String code = w.sealCode();
        if (code == null) {
            out.println(Console.dim("Check it with: transcript verify " + w.file()));
            return;
        }
        out.println("Seal: " + Console.bold(code) + "  (paste it into the ticket)");
        out.println(Console.dim("Whoever holds the seal can check the transcript: transcript verify " + w.file()
                + " --seal " + code));
    }
}
