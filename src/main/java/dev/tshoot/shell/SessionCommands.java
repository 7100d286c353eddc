package dev.tshoot.shell;

import java.io.PrintWriter;
import java.util.List;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import dev.tshoot.engine.Session;
import dev.tshoot.engine.SessionException;
import dev.tshoot.playbook.Playbook;

/** Commands that start and steer an interactive session. */
@Component
public class SessionCommands {

    private final PlaybookCommands playbooks;
    private final SessionHolder holder;
    private final SessionDriver driver;
    private final ExitCode exit;

    public SessionCommands(PlaybookCommands playbooks, SessionHolder holder, SessionDriver driver, ExitCode exit) {
        this.playbooks = playbooks;
        this.holder = holder;
        this.driver = driver;
        this.exit = exit;
    }

    @Command(name = "start", group = "Session", description = "Start a troubleshooting session with a playbook",
            completionProvider = "playbookIdCompletion")
    public void start(CommandContext ctx, @Argument(index = 0, description = "playbook id") String id) {
        PrintWriter out = ctx.outputWriter();
        Playbook pb = playbooks.loadValid(id, out);
        if (pb == null) {
            return;
        }
        Session s = holder.start(pb, out);
        out.println(Console.bold(pb.metadata().title()) + Console.dim("  (" + pb.id() + " " + pb.metadata().version() + ")"));
        out.println(Console.dim("Recording to " + holder.writer().file()));
        out.flush();
        driver.drive(s, out);
    }

    @Command(name = "continue", group = "Session",
            description = "At an outcome that hands the case over, start the other playbook where it continues")
    public void continueIn(CommandContext ctx) {
        PrintWriter out = ctx.outputWriter();
        Session s = require(out, "continue");
        if (s == null) {
            return;
        }
        var o = s.outcome();
        if (o == null || o.handover() == null) {
            fail(out, "'continue' follows an outcome that hands the case to another playbook, and '" + s.current().id()
                    + "' does not. Use 'resume' to go on with this session.");
            return;
        }
        Playbook next = playbooks.loadValid(o.handover().playbook(), out);
        if (next == null) {
            return;
        }
        String from = s.playbook().id() + " session " + s.id() + " (outcome '" + o.id() + "')";
        holder.close("outcome");
        Session n = holder.start(next, out);
        out.println(Console.bold(next.metadata().title()) + Console.dim("  (" + next.id() + ", continued from " + from + ")"));
        try {
            n.note("Continued from " + from + ".");
            if (o.handover().node() != null && !o.handover().node().equals(n.current().id())) {
                n.jump(o.handover().node());
            }
        } catch (SessionException e) {
            fail(out, e.getMessage());
        }
        driver.drive(n, out);
    }

    @Command(name = "resume", group = "Session", description = "Continue the paused session")
    public void resume(CommandContext ctx) {
        Session s = require(ctx.outputWriter(), "resume");
        if (s != null) {
            driver.drive(s, ctx.outputWriter());
        }
    }

    @Command(name = "back", group = "Session", description = "Undo the last answer and ask again")
    public void back(CommandContext ctx) {
        PrintWriter out = ctx.outputWriter();
        Session s = require(out, "back");
        if (s == null) {
            return;
        }
        try {
            String to = s.route().stream().filter(r -> !"check".equals(r.how())).reduce((a, b) -> b)
                    .map(dev.tshoot.engine.RouteStep::node).orElse(s.current().id());
            s.back();
            out.println(Console.dim("Undid the last answer, at '" + to + "'. The earlier answer stays in the transcript."));
            driver.drive(s, out);
        } catch (SessionException e) {
            fail(out, e.getMessage());
        }
    }

    @Command(name = "goto", group = "Session", description = "Jump to a node of the playbook ('back' returns)",
            completionProvider = "nodeIdCompletion")
    public void jump(CommandContext ctx, @Argument(index = 0, description = "node id") String node) {
        PrintWriter out = ctx.outputWriter();
        Session s = require(out, "goto");
        if (s == null) {
            return;
        }
        if (node == null || node.isBlank()) {
            fail(out, "Name the node to jump to: goto <node-id>. 'playbook show " + s.playbook().id() + "' lists them.");
            return;
        }
        try {
            s.jump(node);
            driver.drive(s, out);
        } catch (SessionException e) {
            fail(out, e.getMessage());
        }
    }

    @Command(name = "restart", group = "Session", description = "Start the walk again from the first question")
    public void restart(CommandContext ctx) {
        PrintWriter out = ctx.outputWriter();
        Session s = require(out, "restart");
        if (s == null) {
            return;
        }
        try {
            s.restart();
            driver.drive(s, out);
        } catch (SessionException e) {
            fail(out, e.getMessage());
        }
    }

    @Command(name = "path", group = "Session", description = "Show the route taken so far: nodes and answers")
    public void path(CommandContext ctx) {
        Session s = require(ctx.outputWriter(), "path");
        if (s != null) {
            SessionView.path(ctx.outputWriter(), s);
        }
    }

    @Command(name = "why", group = "Session", description = "Explain which answers and conditions led to the current node")
    public void why(CommandContext ctx) {
        PrintWriter out = ctx.outputWriter();
        Session s = require(out, "why");
        if (s == null) {
            return;
        }
        out.println(Console.bold("You are at '" + s.current().id() + "' (" + s.current().headline().strip() + ") because:"));
        List<String> reasons = s.why();
        for (int i = 0; i < reasons.size(); i++) {
            out.println(String.format("%2d. %s", i + 1, reasons.get(i)));
        }
        out.flush();
    }

    @Command(name = "note", group = "Session", description = "Add a note to the transcript at the current node")
    public void note(CommandContext ctx, @Arguments List<String> words) {
        PrintWriter out = ctx.outputWriter();
        Session s = require(out, "note");
        if (s == null) {
            return;
        }
        try {
            s.note(words == null ? "" : String.join(" ", words));
            out.println(Console.dim("Note added at '" + s.current().id() + "'."));
        } catch (SessionException e) {
            fail(out, e.getMessage());
        }
        out.flush();
    }

    @Command(name = "status", group = "Session", description = "Show the current session: playbook, node, transcript")
    public void status(CommandContext ctx) {
        PrintWriter out = ctx.outputWriter();
        Session s = holder.session();
        if (s == null) {
            out.println("No session has been started. 'playbook list' shows the playbooks; 'start <id>' begins one.");
            out.flush();
            return;
        }
        out.println("Playbook:   " + s.playbook().id() + " " + s.playbook().metadata().version());
        out.println("Session:    " + s.id() + " (" + s.state().name().toLowerCase().replace('_', ' ') + ")");
        out.println("Node:       " + s.current().id() + "  " + s.current().headline().strip());
        out.println("Answers:    " + s.answers().size() + " in force, " + s.events().size() + " events recorded");
        var w = holder.writer();
        out.println("Transcript: " + w.file() + (w.failed() ? Console.red("  (NOT SAVED: kept in memory)") : ""));
        out.flush();
    }

    @Command(name = "end", group = "Session", description = "Close the session and its transcript")
    public void end(CommandContext ctx) {
        PrintWriter out = ctx.outputWriter();
        Session s = require(out, "end");
        if (s == null) {
            return;
        }
        holder.close("user");
        var w = holder.writer();
        out.println("Session closed" + (s.outcome() != null ? " with outcome " + Console.result(s.outcome().result().yamlName()) : "")
                + ". Transcript: " + w.file());
        out.println(Console.dim("Check it with: transcript verify " + w.file()));
        out.flush();
    }

    private Session require(PrintWriter out, String command) {
        if (!holder.active()) {
            fail(out, "'" + command + "' needs a running session, and none is running. Start one with 'start <playbook-id>'"
                    + " ('playbook list' shows the ids).");
            return null;
        }
        return holder.session();
    }

    private void fail(PrintWriter out, String message) {
        out.println(Console.yellow(message));
        out.flush();
        exit.set(ExitCode.BAD_INPUT);
    }
}
