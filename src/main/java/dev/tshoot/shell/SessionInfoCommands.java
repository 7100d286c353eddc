package dev.tshoot.shell;

import java.io.PrintWriter;
import java.util.List;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import dev.tshoot.engine.Session;
import dev.tshoot.engine.SessionException;

/** Commands that look at the running session, note in it and end it: path, why, note, status, end. */
@Component
public class SessionInfoCommands {

    private final SessionHolder holder;
    private final RunningSession running;

    public SessionInfoCommands(SessionHolder holder, ExitCode exit) {
        this.holder = holder;
        this.running = new RunningSession(holder, exit);
    }

    @Command(name = "path", group = "Session", description = "Show the route taken so far: nodes and answers")
    public void path(CommandContext ctx) {
        Session s = running.require(ctx.outputWriter(), "path");
        if (s != null) {
            SessionView.path(ctx.outputWriter(), s);
        }
    }

    @Command(name = "why", group = "Session", description = "Explain which answers and conditions led to the current node")
    public void why(CommandContext ctx) {
        Session s = running.require(ctx.outputWriter(), "why");
        if (s != null) {
            SessionReports.why(ctx.outputWriter(), s);
            ctx.outputWriter().flush();
        }
    }

    @Command(name = "note", group = "Session", description = "Add a note to the transcript at the current node")
    public void note(CommandContext ctx, @Arguments List<String> words) {
        PrintWriter out = ctx.outputWriter();
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

    @Command(name = "status", group = "Session", description = "Show the current session: playbook, node, transcript")
    public void status(CommandContext ctx) {
        SessionReports.status(ctx.outputWriter(), holder.session(), holder.writer());
        ctx.outputWriter().flush();
    }

    @Command(name = "end", group = "Session", description = "Close the session and its transcript")
    public void end(CommandContext ctx) {
        PrintWriter out = ctx.outputWriter();
        Session s = running.require(out, "end");
        if (s != null) {
            holder.close("user");
            SessionReports.ended(out, s, holder.writer());
            out.flush();
        }
    }

}
