package dev.tshoot.shell;

import java.io.PrintWriter;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import dev.tshoot.app.PlaybookLoad;
import dev.tshoot.app.Steering;
import dev.tshoot.engine.Session;
import dev.tshoot.engine.SessionException;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookCatalog;

/** Commands that start and steer an interactive session ({@link SessionInfoCommands} look at it). */
@Component
public class SessionCommands {

    private final PlaybookCatalog catalog;
    private final SessionHolder holder;
    private final SessionDriver driver;
    private final ExitCode exit;
    private final RunningSession running;

    public SessionCommands(PlaybookCatalog catalog, SessionHolder holder, SessionDriver driver, ExitCode exit) {
        this.catalog = catalog;
        this.holder = holder;
        this.driver = driver;
        this.exit = exit;
        this.running = new RunningSession(holder, exit);
    }

    @Command(name = "start", group = "Session", description = "Start a troubleshooting session with a playbook",
            completionProvider = "playbookIdCompletion")
    public void start(CommandContext ctx, @Argument(index = 0, description = "playbook id") String id) {
        PrintWriter out = ctx.outputWriter();
        Playbook pb = PlaybookLoadView.use(PlaybookLoad.load(catalog, id), out, exit);
        if (pb != null) {
            Session s = holder.start(pb, out);
            SessionReports.started(out, pb, holder.writer());
            out.flush();
            driver.drive(s, out);
        }
    }

    @Command(name = "continue", group = "Session",
            description = "At an outcome that hands the case over, start the other playbook where it continues")
    public void continueIn(CommandContext ctx) {
        PrintWriter out = ctx.outputWriter();
        Session s = require(out, "continue");
        Steering.Handover h = s == null ? null : Steering.handover(s);
        if (h == null || h.refusal() != null) {
            fail(out, h == null ? null : h.refusal());
            return;
        }
        Playbook next = PlaybookLoadView.use(PlaybookLoad.load(catalog, h.outcome().handover().playbook()), out, exit);
        if (next == null) {
            return;
        }
        String from = Steering.from(s, h.outcome());
        holder.close("outcome");
        Session n = holder.start(next, out);
        SessionReports.continued(out, next, from);
        fail(out, Steering.continueAt(n, h.outcome(), from));
        driver.drive(n, out);
    }

    @Command(name = "resume", group = "Session", description = "Continue the paused session")
    public void resume(CommandContext ctx) {
        steer(ctx.outputWriter(), "resume", s -> { });
    }

    @Command(name = "back", group = "Session", description = "Undo the last answer and ask again")
    public void back(CommandContext ctx) {
        PrintWriter out = ctx.outputWriter();
        steer(out, "back", s -> {
            String to = Steering.backTarget(s);
            s.back();
            out.println(Console.dim("Undid the last answer, at '" + to + "'. The earlier answer stays in the transcript."));
        });
    }

    @Command(name = "goto", group = "Session", description = "Jump to a node of the playbook ('back' returns)",
            completionProvider = "nodeIdCompletion")
    public void jump(CommandContext ctx, @Argument(index = 0, description = "node id") String node) {
        PrintWriter out = ctx.outputWriter();
        steer(out, "goto", s -> {
            if (node == null || node.isBlank()) {
                throw new SessionException("Name the node to jump to: goto <node-id>. 'playbook show " + s.playbook().id()
                        + "' lists them.");
            }
            s.jump(node);
        });
    }

    @Command(name = "restart", group = "Session", description = "Start the walk again from the first question")
    public void restart(CommandContext ctx) {
        steer(ctx.outputWriter(), "restart", Session::restart);
    }

    /** A step on the running session, then the questions from where it lands. */
    private interface Step {
        void apply(Session s) throws SessionException;
    }

    private void steer(PrintWriter out, String command, Step step) {
        Session s = require(out, command);
        if (s == null) {
            return;
        }
        try {
            step.apply(s);
            driver.drive(s, out);
        } catch (SessionException e) {
            fail(out, e.getMessage());
        }
    }

    private Session require(PrintWriter out, String command) {
        return running.require(out, command);
    }

    private void fail(PrintWriter out, String message) {
        running.fail(out, message);
    }
}
