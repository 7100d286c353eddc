package dev.tshoot.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tshoot.engine.SessionEvent;

/** The sink on its own thread: everything arrives, in order, and what the sink throws comes back to the reader. */
class SinkThreadTest {

    private static SessionEvent note(long seq) {
        return new SessionEvent.NoteAdded(seq, Instant.EPOCH, "n", "note " + seq);
    }

    @Test
    void everyEventAndMarkerReachesTheSinkInOrder() throws Exception {
        List<String> seen = new ArrayList<>(); // written by the sink thread only, read after finish
        SinkThread t = new SinkThread(e -> seen.add("e" + e.seq()), () -> seen.add("skim"), () -> seen.add("skip"));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            if (i % 7 == 0) {
                t.skimmed();
                expected.add("skim");
            } else if (i % 13 == 0) {
                t.skipped();
                expected.add("skip");
            } else {
                t.event(note(i), i % 3 == 0 ? 600_000 : 10); // some batches close on size
                expected.add("e" + i);
            }
        }
        t.finish();
        t.close();
        assertThat(seen).isEqualTo(expected);
    }

    @Test
    void whatTheSinkThrowsIsThrownToTheReaderWhichDoesNotHang() throws Exception {
        SinkThread t = new SinkThread(e -> {
            if (e.seq() == 300) {
                throw new IllegalStateException("sink broke at 300");
            }
        }, () -> { }, () -> { });
        assertThatThrownBy(() -> {
            for (int i = 0; i < 1_000_000; i++) {
                t.event(note(i), 10);
            }
            t.finish();
        }).isInstanceOf(IllegalStateException.class).hasMessage("sink broke at 300");
        t.close();
    }
}
