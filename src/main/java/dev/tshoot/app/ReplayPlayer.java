package dev.tshoot.app;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.tshoot.engine.SessionEvent;

/**
 * Plays a recorded session back: step by step (next, previous, jump to a node, play from here,
 * quit) or timed (the recorded pauses divided by a speed, each capped at 2 s). The screen, the
 * keyboard and the clock are ports, so the player runs the same against a terminal and in a test.
 */
public final class ReplayPlayer {

    /** Idle time longer than this is cut to it in timed playback. */
    static final long MAX_WAIT_MS = 2000;

    /** What the player shows. */
    public interface Screen {
        /** The step commands, once before the first step. */
        void keys();

        /** Event {@code index} (from 0) of {@code total}, in step mode. */
        void step(int index, int total, SessionEvent e);

        /** An event in timed playback. */
        void play(SessionEvent e);

        /** {@code j <node>} named a node the session never entered. */
        void neverEntered(String node);

        /** A step command that is not one. */
        void unknownCommand(String command);

        /** Stepped past the last event. */
        void end();

        /** The playback speed is not a positive number. */
        void badSpeed(String speed);
    }

    /** The step commands typed: the next line, or null when input ended (Ctrl-D, Ctrl-C). */
    public interface Keys {
        String readLine();
    }

    /** Waits in timed playback: false when the wait was interrupted (playback stops). */
    public interface Pause {
        boolean sleep(long millis);
    }

    private final List<SessionEvent> events;
    private final Screen screen;
    private final Keys keys;
    private final Pause pause;

    public ReplayPlayer(List<SessionEvent> events, Screen screen, Keys keys, Pause pause) {
        this.events = List.copyOf(events);
        this.screen = screen;
        this.keys = keys;
        this.pause = pause;
    }

    /** Steps through the events until the end, {@code q} or the end of input; returns the exit status. */
    public int step() {
        int i = 0;
        screen.keys();
        while (i < events.size()) {
            screen.step(i, events.size(), events.get(i));
            String line = keys.readLine();
            if (line == null) {
                return ExitStatus.OK;
            }
            String cmd = line.strip();
            if (cmd.isEmpty() || cmd.equals("n")) {
                i++;
            } else if (cmd.equals("p")) {
                i = Math.max(0, i - 1);
            } else if (cmd.equals("q")) {
                return ExitStatus.OK;
            } else if (cmd.startsWith("j ")) {
                String node = cmd.substring(2).strip();
                int found = entryOf(events, node);
                if (found < 0) {
                    screen.neverEntered(node);
                } else {
                    i = found;
                }
            } else if (cmd.startsWith("play")) {
                String s = cmd.substring(4).strip();
                return play(i, s.isEmpty() ? "1" : s);
            } else {
                screen.unknownCommand(cmd);
            }
        }
        screen.end();
        return ExitStatus.OK;
    }

    /** Timed playback of every event at {@code speed}; returns the exit status. */
    public int play(String speed) {
        return play(0, speed);
    }

    private int play(int from, String speed) {
        double x = speed(speed);
        if (x <= 0) {
            screen.badSpeed(speed);
            return ExitStatus.BAD_INPUT;
        }
        Instant prev = null;
        for (SessionEvent e : events.subList(from, events.size())) {
            if (prev != null) {
                long wait = waitMillis(prev, e.at(), x);
                if (wait > 0 && !pause.sleep(wait)) {
                    return ExitStatus.OK;
                }
            }
            prev = e.at();
            screen.play(e);
        }
        return ExitStatus.OK;
    }

    /** The speed as a number, or 0 when it is not a positive number. */
    static double speed(String speed) {
        try {
            double x = Double.parseDouble(speed);
            return !(x <= 0) ? x : 0; // NaN and Infinity pass, as they always have: both wait 0 ms
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }

    /** The wait before an event recorded at {@code at}, after one at {@code prev}, at speed {@code x}. */
    static long waitMillis(Instant prev, Instant at, double x) {
        long ms = Duration.between(prev, at).toMillis();
        return Math.min((long) (ms / x), MAX_WAIT_MS);
    }

    /** The index of the first entry into {@code node}, or -1. */
    static int entryOf(List<SessionEvent> events, String node) {
        EntersNode enters = new EntersNode(node);
        for (int k = 0; k < events.size(); k++) {
            if (events.get(k).accept(enters)) {
                return k;
            }
        }
        return -1;
    }

    /** True for the event that enters the node: only {@code node-entered} does. */
    private record EntersNode(String node) implements SessionEvent.Visitor<Boolean> {
        @Override public Boolean nodeEntered(SessionEvent.NodeEntered e) { return e.node().equals(node); }

        @Override public Boolean promptShown(SessionEvent.PromptShown e) { return false; }

        @Override public Boolean answerGiven(SessionEvent.AnswerGiven e) { return false; }

        @Override public Boolean checkEvaluated(SessionEvent.CheckEvaluated e) { return false; }

        @Override public Boolean wentBack(SessionEvent.WentBack e) { return false; }

        @Override public Boolean jumped(SessionEvent.Jumped e) { return false; }

        @Override public Boolean restarted(SessionEvent.Restarted e) { return false; }

        @Override public Boolean noteAdded(SessionEvent.NoteAdded e) { return false; }

        @Override public Boolean outcomeReached(SessionEvent.OutcomeReached e) { return false; }

        @Override public Boolean sessionEnded(SessionEvent.SessionEnded e) { return false; }

        @Override public Boolean probeRan(SessionEvent.ProbeRan e) { return false; }

        @Override public Boolean commandRan(SessionEvent.CommandRan e) { return false; }
    }
}
