package dev.tshoot.shell;

import java.io.PrintWriter;

import dev.tshoot.app.ReplayPlayer;
import dev.tshoot.engine.SessionEvent;

/** The terminal side of {@link ReplayPlayer}: each recorded event as the user saw it, and the player's hints. */
final class ReplayScreen implements ReplayPlayer.Screen {

    private final PrintWriter out;

    ReplayScreen(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void keys() {
        out.println(Console.dim("Enter or n: next, p: previous, j <node>: jump to a node, play [speed], q: quit"));
    }

    @Override
    public void step(int index, int total, SessionEvent e) {
        out.println(Console.dim("[" + (index + 1) + "/" + total + "] " + e.type()));
        out.println(ReplayView.render(e));
        out.flush();
    }

    @Override
    public void play(SessionEvent e) {
        out.println(ReplayView.render(e));
        out.flush();
    }

    @Override
    public void neverEntered(String node) {
        out.println(Console.yellow("The session never entered '" + node + "'."));
    }

    @Override
    public void unknownCommand(String command) {
        out.println(Console.yellow("Unknown step command '" + command + "'. Enter/n next, p previous, j <node>, play [speed], q."));
    }

    @Override
    public void end() {
        out.println(Console.dim("End of the recording."));
    }

    @Override
    public void badSpeed(String speed) {
        out.println("Speed must be a positive number such as 1, 2 or 0.5, not '" + speed + "'.");
    }
}
