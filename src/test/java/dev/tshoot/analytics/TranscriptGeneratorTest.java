package dev.tshoot.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.transcript.TranscriptVerifier;

/**
 * The generator writes transcripts that verify and (through {@code TranscriptSchemaCheck}, on this
 * class's {@code @TempDir}) fit the published schema, and the same seed gives the same bytes.
 */
class TranscriptGeneratorTest {

    @TempDir
    Path dir;

    static final List<dev.tshoot.playbook.Playbook> SHIPPED = TranscriptGenerator.load(Path.of("playbooks"));

    @Test
    void writesVerifiableSessionsOfEveryKind() throws Exception {
        TranscriptGenerator.Summary s = new TranscriptGenerator(SHIPPED, false).write(dir.resolve("a"), 300, 7);
        assertThat(s.files()).isGreaterThanOrEqualTo(300);
        List<Path> files = list(dir.resolve("a"));
        assertThat(files).hasSize(s.files());
        StringBuilder all = new StringBuilder();
        for (Path f : files) {
            TranscriptVerifier.Result r = new TranscriptVerifier().verify(f);
            assertThat(r.status()).as(f + ": " + r.message()).isEqualTo(TranscriptVerifier.Status.OK);
            all.append(Files.readString(f));
        }
        String text = all.toString();
        for (String kind : List.of("\"type\":\"back\"", "\"result\":\"resolved\"", "\"result\":\"escalate\"",
                "\"result\":\"unresolved\"", "\"reason\":\"user\"", "\"reason\":\"interrupted\"", "\"consent\":\"no\"",
                "Started from the error text (symptom ", "Continued from ", "\"handover\"")) {
            assertThat(text).as(kind).contains(kind);
        }
    }

    @Test
    void theSameSeedGivesTheSameBytes() throws Exception {
        new TranscriptGenerator(SHIPPED, true).write(dir.resolve("x"), 40, 11);
        new TranscriptGenerator(SHIPPED, true).write(dir.resolve("y"), 40, 11);
        List<Path> x = list(dir.resolve("x"));
        List<Path> y = list(dir.resolve("y"));
        assertThat(x).hasSameSizeAs(y);
        for (int i = 0; i < x.size(); i++) {
            assertThat(x.get(i).getFileName()).isEqualTo(y.get(i).getFileName());
            assertThat(Files.readAllBytes(x.get(i))).isEqualTo(Files.readAllBytes(y.get(i)));
        }
    }

    static List<Path> list(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }
}
