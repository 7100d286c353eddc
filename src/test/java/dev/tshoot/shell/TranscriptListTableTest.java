package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tshoot.app.TranscriptIndex;

/** transcript list: the exact table, from the numbered fixtures. */
class TranscriptListTableTest {

    @Test
    void tableOfAClosedATornAndAnUnreadableTranscript() {
        Path dir = Path.of("src/test/resources/transcripts");
        String table = TranscriptCommands.table(TranscriptIndex.rows(List.of(dir.resolve("001_walk_resolved.jsonl"),
                dir.resolve("005_torn.jsonl"), Path.of("pom.xml"))));
        assertThat(table).isEqualTo(EXPECTED);
    }

    /** A hand-edited transcript's end line names its result with escape sequences: the table shows them inert. */
    @Test
    void aHostileStateReachesTheTableWithoutItsEscapes() {
        String table = TranscriptCommands.table(List.of(new TranscriptIndex.Row(Path.of("x.jsonl"), "2026-01-01T00:00:00Z",
                "walk 1.2.0", "resolved\u001b]52;c;aGk=\u0007\u001b[2K", 3)));
        assertThat(table).doesNotContain("\u001b").doesNotContain("\u0007").contains("resolved");
    }

    static final String EXPECTED = """
            STARTED               PLAYBOOK      STATE       EVENTS  FILE
            2026-01-02T03:04:05Z  walk 1.2.0    resolved    22      001_walk_resolved.jsonl
            2026-02-03T10:00:00Z  checks 0.1.0  open        -       005_torn.jsonl
                                                unreadable  -       pom.xml
            """;
}
