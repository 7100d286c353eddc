package dev.tshoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tshoot.engine.SessionEvent;

/** The replay player with a scripted keyboard, a recording screen and a clock that only counts. */
class ReplayPlayerTest {

    static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    /** Writes what the player shows, one line per call. */
    static final class Screen implements ReplayPlayer.Screen {
        final List<String> lines = new ArrayList<>();

        public void keys() { lines.add("keys"); }

        public void step(int index, int total, SessionEvent e) { lines.add("[" + (index + 1) + "/" + total + "] " + e.type() + " " + e.seq()); }

        public void play(SessionEvent e) { lines.add("play " + e.seq()); }

        public void neverEntered(String node) { lines.add("never entered " + node); }

        public void unknownCommand(String command) { lines.add("unknown " + command); }

        public void end() { lines.add("end"); }

        public void badSpeed(String speed) { lines.add("bad speed " + speed); }
    }

    static final List<SessionEvent> EVENTS = List.of(
            new SessionEvent.NodeEntered(1, T0, "ask-os", "question", "start"),
            new SessionEvent.AnswerGiven(2, T0.plusMillis(1000), "ask-os", "choice", "linux", "Linux", false),
            new SessionEvent.NodeEntered(3, T0.plusMillis(1500), "ask-vm", "question", "answer"),
            new SessionEvent.NoteAdded(4, T0.plusSeconds(60), "ask-vm", "a long pause before this"));

    final Screen screen = new Screen();
    final List<Long> waits = new ArrayList<>();

    ReplayPlayer player(String... keys) {
        Deque<String> k = new ArrayDeque<>(List.of(keys));
        return new ReplayPlayer(EVENTS, screen, k::poll, ms -> waits.add(ms));
    }

    @Test
    void stepsForwardBackJumpsAndEndsAfterTheLastEvent() {
        int status = player("", "n", "p", "j ask-vm", "j nowhere", "x", "n", " ").step();
        assertThat(status).isEqualTo(ExitStatus.OK);
        assertThat(screen.lines).containsExactly("keys",
                "[1/4] node-entered 1", "[2/4] answer-given 2", "[3/4] node-entered 3", "[2/4] answer-given 2", "[3/4] node-entered 3",
                "never entered nowhere", "[3/4] node-entered 3", "unknown x", "[3/4] node-entered 3", "[4/4] note 4", "end");
        assertThat(waits).isEmpty();
    }

    @Test
    void quitOrTheEndOfInputStopsWithoutTheEndLine() {
        assertThat(player("q").step()).isEqualTo(ExitStatus.OK);
        assertThat(player().step()).isEqualTo(ExitStatus.OK);
        assertThat(screen.lines).containsExactly("keys", "[1/4] node-entered 1", "keys", "[1/4] node-entered 1");
    }

    @Test
    void playWaitsTheRecordedPausesDividedByTheSpeedCappedAtTwoSeconds() {
        assertThat(player().play("2")).isEqualTo(ExitStatus.OK);
        assertThat(screen.lines).containsExactly("play 1", "play 2", "play 3", "play 4");
        assertThat(waits).containsExactly(500L, 250L, 2000L);
    }

    @Test
    void playFromAStepStartsThereAndABadSpeedIsBadInput() {
        assertThat(player("n", "n", "play 0.5").step()).isEqualTo(ExitStatus.OK);
        assertThat(screen.lines).containsExactly("keys", "[1/4] node-entered 1", "[2/4] answer-given 2", "[3/4] node-entered 3",
                "play 3", "play 4");
        assertThat(waits).containsExactly(2000L);
        screen.lines.clear();
        assertThat(player("play fast").step()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(player().play("-1")).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(player().play("0")).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(screen.lines).containsExactly("keys", "[1/4] node-entered 1", "bad speed fast", "bad speed -1", "bad speed 0");
    }

    @Test
    void anInterruptedWaitStopsThePlayback() {
        ReplayPlayer p = new ReplayPlayer(EVENTS, screen, () -> null, ms -> false);
        assertThat(p.play("1")).isEqualTo(ExitStatus.OK);
        assertThat(screen.lines).containsExactly("play 1");
    }
}
