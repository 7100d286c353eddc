package dev.tshoot.shell;

import java.io.PrintWriter;
import java.util.List;

import dev.tshoot.engine.Session;
import dev.tshoot.engine.SessionException;

/** Commands that look at the running session, note in it and end it: path, why, note, status, end. */
public class SessionInfoCommands {

    private final SessionHolder holder;
    private final RunningSession running;

    public SessionInfoCommands(SessionHolder holder, ExitCode exit) {
        this.holder = holder;
        this.running = new RunningSession(holder, exit);
    }

    void path(PrintWriter out) {
        Session s = running.require(out, "path");
        if (s != null) {
            SessionView.path(out, s);
        }
    }

    void why(PrintWriter out) {
        Session s = running.require(out, "why");
        if (s != null) {
            SessionReports.why(out, s);
            out.flush();
        }
    }

    void note(PrintWriter out, List<String> words) {
        Session s = running.require(out, "note");
        if (s == null) {
            return;
        }
        try {
            s.note(words == null ? "" : String.join(" ", words));
            out.println(Console.dim("Note added at '" + s.current().id() + "'."));
        } catch (SessionException e) {
            running.fail(out, e.getMessage());
        }
        out.flush();
    }

    void status(PrintWriter out) {
        SessionReports.status(out, holder.session(), holder.writer());
        out.flush();
    }

    void end(PrintWriter out) {
        Session s = running.require(out, "end");
        if (s != null) {
            holder.close("user");
            SessionReports.ended(out, s, holder.writer());
            out.flush();
        }
    }

    /** The commands this adapter runs, as both front ends know them. */
    static java.util.List<CommandSpec> commands(java.util.function.Supplier<SessionInfoCommands> self) {
        return java.util.List.of(
                CommandSpec.command("path", "Session",
                        "Show the route taken so far: nodes and answers")
                        .run((a, out) -> self.get().path(out)),
                CommandSpec.command("why", "Session",
                        "Explain which answers and conditions led to the current node")
                        .run((a, out) -> self.get().why(out)),
                CommandSpec.command("note", "Session",
                        "Add a note to the transcript at the current node")
                        .text("text", "the text, as typed")
                        .run((a, out) -> self.get().note(out, a.text().isEmpty() ? java.util.List.of() : java.util.List.of(a.text()))),
                CommandSpec.command("status", "Session",
                        "Show the current session: playbook, node, transcript")
                        .run((a, out) -> self.get().status(out)),
                CommandSpec.command("end", "Session",
                        "Close the session and its transcript")
                        .run((a, out) -> self.get().end(out)));
    }
}
