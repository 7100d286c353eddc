package dev.tshoot.shell;

import java.io.PrintWriter;

import dev.tshoot.app.PlaybookLoad;
import dev.tshoot.app.Steering;
import dev.tshoot.engine.Session;
import dev.tshoot.engine.SessionException;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookCatalog;

/** Commands that start and steer an interactive session ({@link SessionInfoCommands} look at it). */
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

    void start(PrintWriter out, String id) {
        Playbook pb = PlaybookLoadView.use(PlaybookLoad.load(catalog, id), out, exit);
        if (pb != null && holder.paused() && !driver.confirm("A session is paused at '" + holder.session().current().id()
                + "' (" + holder.writer().file().getFileName() + "). Close it and start " + pb.id() + "?",
                "Close it and start (it can be resumed later from its transcript)", "Keep it (nothing is started)")) {
            out.println(Console.dim("Kept the paused session; 'resume' continues it."));
            return;
        }
        if (pb != null) {
            Session s = holder.start(pb, out);
            SessionReports.started(out, pb, holder.writer());
            out.flush();
            driver.drive(s, out);
        }
    }

    void continueIn(PrintWriter out) {
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

    void back(PrintWriter out) {
        steer(out, "back", s -> {
            String to = Steering.backTarget(s);
            s.back();
            out.println(Console.dim("Undid the last answer, at '" + to + "'. The earlier answer stays in the transcript."));
        });
    }

    void jump(PrintWriter out, String node) {
        steer(out, "goto", s -> {
            if (node == null || node.isBlank()) {
                throw new SessionException("Name the node to jump to: goto <node-id>. 'playbook show " + s.playbook().id()
                        + "' lists them.");
            }
            s.jump(node);
        });
    }

    void restart(PrintWriter out) {
        steer(out, "restart", Session::restart);
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

    /** The commands this adapter runs, as both front ends know them. */
    static java.util.List<CommandSpec> commands(java.util.function.Supplier<SessionCommands> self) {
        return java.util.List.of(
                CommandSpec.command("start", "Session",
                        "Start a troubleshooting session with a playbook")
                        .arg("playbook", "playbook id")
                        .complete(CommandSpec.Completion.PLAYBOOK)
                        .needsRepl(a -> true)
                        .run((a, out) -> self.get().start(out, a.arg(0))),
                CommandSpec.command("continue", "Session",
                        "At an outcome that hands the case over, start the other playbook where it continues")
                        .run((a, out) -> self.get().continueIn(out)),
                CommandSpec.command("back", "Session",
                        "Undo the last answer and ask again")
                        .run((a, out) -> self.get().back(out)),
                CommandSpec.command("goto", "Session",
                        "Jump to a node of the playbook ('back' returns)")
                        .arg("node", "node id")
                        .complete(CommandSpec.Completion.NODE)
                        .run((a, out) -> self.get().jump(out, a.arg(0))),
                CommandSpec.command("restart", "Session",
                        "Start the walk again from the first question")
                        .run((a, out) -> self.get().restart(out)));
    }
}
