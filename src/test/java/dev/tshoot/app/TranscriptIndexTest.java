package dev.tshoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** transcript list's rows: from the header and the tail only; closed, torn and foreign files. */
class TranscriptIndexTest {

    static final Path FIXTURES = Path.of("src/test/resources/transcripts");

    @TempDir
    Path dir;

    @Test
    void aClosedSessionShowsItsOutcomeAndEventCount() {
        TranscriptIndex.Row r = TranscriptIndex.row(FIXTURES.resolve("001_walk_resolved.jsonl"));
        assertThat(r.state()).isEqualTo("resolved");
        assertThat(r.events()).isEqualTo(22);
    }

    @Test
    void aTornTailIsOpenAndAForeignFileUnreadable() throws Exception {
        assertThat(TranscriptIndex.row(FIXTURES.resolve("005_torn.jsonl")).state()).isEqualTo("open");
        Path junk = Files.writeString(dir.resolve("junk.jsonl"), "not a transcript\n");
        assertThat(TranscriptIndex.rows(List.of(junk))).containsExactly(new TranscriptIndex.Row(junk, "", "", "unreadable", -1));
    }
}
