package dev.tshoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transcripts folder: newest first, only transcripts; a bare name found in the folder. */
class TranscriptFilesTest {

    @TempDir
    Path dir;

    @Test
    void listsTranscriptsNewestFirstAndResolvesBareNamesInTheFolder() throws Exception {
        Path older = Files.createFile(dir.resolve("20260101T000000Z_a_00000001.jsonl"));
        Path newer = Files.createFile(dir.resolve("20260102T000000Z_a_00000002.jsonl"));
        Files.createFile(dir.resolve("notes.txt"));
        TranscriptFiles files = new TranscriptFiles(dir);
        assertThat(files.list()).containsExactly(newer, older);
        assertThat(files.resolve(older.getFileName().toString())).isEqualTo(older);
        assertThat(files.resolve("elsewhere/none.jsonl")).isEqualTo(Path.of("elsewhere/none.jsonl"));
        assertThat(files.resolve("a\0b")).isEqualTo(Path.of("a?b"));
        assertThat(new TranscriptFiles(dir.resolve("missing")).list()).isEmpty();
    }
}
