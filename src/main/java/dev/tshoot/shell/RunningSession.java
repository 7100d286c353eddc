package dev.tshoot.shell;

import java.io.PrintWriter;

import dev.tshoot.engine.Session;

/** What the session commands share: the running session, or a message saying none is running. */
final class RunningSession {

    private final SessionHolder holder;
    private final ExitCode exit;

    RunningSession(SessionHolder holder, ExitCode exit) {
        this.holder = holder;
        this.exit = exit;
    }

    ExitCode exit() { return exit; }

    /** The running session, or null after saying that {@code command} needs one. */
    Session require(PrintWriter out, String command) {
        if (!holder.active()) {
            fail(out, "'" + command + "' needs a running session, and none is running. Start one with 'start <playbook-id>'"
                    + " ('playbook list' shows the ids).");
            return null;
        }
        return holder.session();
    }

    /** Says {@code message} (nothing when null) and sets the bad-input status. */
    void fail(PrintWriter out, String message) {
        if (message == null) {
            return;
        }
        out.println(Console.yellow(message));
        out.flush();
        exit.set(ExitCode.BAD_INPUT);
    }
}
