package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

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
 * line by line so that both sessions write at the same time (and start in the same second): two
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
        Process a = tshoot.start();
        Process b = tshoot.start();
        StringBuffer outA = drain(a);
        StringBuffer outB = drain(b);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((outA.indexOf("tshoot> ") < 0 || outB.indexOf("tshoot> ") < 0) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        try (OutputStream ia = a.getOutputStream(); OutputStream ib = b.getOutputStream()) {
            for (int i = 0; i < Math.max(KEYS_A.size(), KEYS_B.size()); i++) {
                if (i < KEYS_A.size()) {
                    send(ia, KEYS_A.get(i));
                }
                if (i < KEYS_B.size()) {
                    send(ib, KEYS_B.get(i));
                }
                Thread.sleep(60);
            }
        }
        assertThat(a.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(b.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);
        assertThat(outA.toString()).doesNotContain("Exception").contains("Session closed");
        assertThat(outB.toString()).doesNotContain("Exception").contains("Session closed");

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

    private static void send(OutputStream in, String line) throws IOException {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    private static StringBuffer drain(Process p) {
        StringBuffer out = new StringBuffer();
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (InputStream in = p.getInputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException ignored) {
                // ended
            }
        });
        t.setDaemon(true);
        t.start();
        return out;
    }
}
