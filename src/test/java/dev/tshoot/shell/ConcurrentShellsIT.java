package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.testing.Fixtures;
import dev.tshoot.testing.JarRunner;
import dev.tshoot.transcript.ReplayVerifier;
import dev.tshoot.transcript.TranscriptJson;
import dev.tshoot.transcript.TranscriptVerifier;

/**
 * Two interactive shells started together, recording into the same folder, their keys interleaved
 * line by line (each line sent to both, then both answers awaited) so that both sessions write at the
 * same time (and start in the same second): two
 * distinct files, each holding only its own session, each verifying and replaying.
 */
class ConcurrentShellsIT {

    @TempDir
    Path transcripts;

    static final List<String> KEYS_A = List.of("start docker-desktop-nested-virtualization", "2", "1", "1", "1", "1", "1", "1",
            "note shell A", "end", "exit");
    static final List<String> KEYS_B = List.of("start docker-desktop-nested-virtualization", "2", "2", "2", "note shell B",
            "back", "2", "end", "exit"); // runs elsewhere, Linux, bare metal (an outcome), back, bare metal again

    @Test
    void twoShellsRecordingIntoOneFolderNeverMixTheirFiles() throws Exception {
        JarRunner tshoot = new JarRunner(transcripts, Path.of("playbooks"), List.of("-Dtshoot.transcript.fsync=true"));
        try (JarRunner.Interactive a = tshoot.interactive(); JarRunner.Interactive b = tshoot.interactive()) {
            a.awaitPrompts(1, JarRunner.TIMEOUT);
            b.awaitPrompts(1, JarRunner.TIMEOUT);
            // one line to each shell, then wait until both have answered it (shown their next prompt): both
            // sessions work and write at the same time, line for line
            for (int i = 0; i < Math.max(KEYS_A.size(), KEYS_B.size()); i++) {
                int promptsA = a.prompts();
                int promptsB = b.prompts();
                boolean lineToA = i < KEYS_A.size() && !KEYS_A.get(i).equals("exit");
                boolean lineToB = i < KEYS_B.size() && !KEYS_B.get(i).equals("exit");
                if (i < KEYS_A.size()) {
                    a.send(KEYS_A.get(i));
                }
                if (i < KEYS_B.size()) {
                    b.send(KEYS_B.get(i));
                }
                if (lineToA) {
                    a.awaitPrompts(promptsA + 1, JarRunner.TIMEOUT);
                }
                if (lineToB) {
                    b.awaitPrompts(promptsB + 1, JarRunner.TIMEOUT);
                }
            }
            a.awaitExit(JarRunner.TIMEOUT);
            b.awaitExit(JarRunner.TIMEOUT);
            assertThat(a.output()).doesNotContain("Exception").contains("Session closed");
            assertThat(b.output()).doesNotContain("Exception").contains("Session closed");
        }

        List<Path> files = tshoot.transcripts();
        assertThat(files).hasSize(2);
        assertThat(files.get(0)).isNotEqualTo(files.get(1));
        Playbook pb = new PlaybookLoader().load(Path.of("playbooks/docker-desktop-nested-virtualization.yaml")).playbook();
        Set<String> sessions = new HashSet<>();
        Set<String> notes = new HashSet<>();
        for (Path f : files) {
            TranscriptVerifier.Result v = new TranscriptVerifier().verify(f);
            assertThat(v.status()).as(f + ": " + v.message()).isEqualTo(TranscriptVerifier.Status.OK);
            assertThat(v.closed()).isTrue();
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            JsonNode header = TranscriptJson.MAPPER.readTree(lines.get(0));
            String id = header.path("sessionId").asText();
            assertThat(f.getFileName().toString()).endsWith("_" + id + ".jsonl");
            sessions.add(id);
            List<String> own = new ArrayList<>();
            for (String l : lines) {
                JsonNode n = TranscriptJson.MAPPER.readTree(l);
                if (n.path("type").asText().equals("note")) {
                    own.add(n.path("text").asText());
                }
            }
            assertThat(own).as("one note per session, its own").hasSize(1);
            notes.addAll(own);
            assertThat(new ReplayVerifier(Fixtures.engine()).verify(f, pb).same()).isTrue();
        }
        assertThat(sessions).hasSize(2);
        assertThat(notes).containsExactlyInAnyOrder("shell A", "shell B");
    }
}
