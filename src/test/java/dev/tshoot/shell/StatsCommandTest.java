package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tshoot.analytics.TranscriptGenerator;
import dev.tshoot.app.ShowStats;
import dev.tshoot.engine.SessionEvent;
import dev.tshoot.playbook.PlaybookCatalog;
import dev.tshoot.transcript.TranscriptHeader;
import dev.tshoot.transcript.TranscriptWriter;

/** {@code stats}: the table, --json and --html over a generated folder with one altered file; bad input. */
class StatsCommandTest {

    @TempDir
    Path dir;

    static final PlaybookCatalog CATALOG = new PlaybookCatalog(Path.of("playbooks"));

    record Run(String out, int exit) {}

    Run run(String folder, boolean json, String html) {
        StringWriter sw = new StringWriter();
        ExitCode exit = new ExitCode();
        new StatsCommand(CATALOG, exit).stats(new PrintWriter(sw), new ShowStats.Request(folder, json, html));
        return new Run(sw.toString(), exit.get());
    }

    Path generated(int sessions) throws Exception {
        Path t = dir.resolve("t");
        new TranscriptGenerator(TranscriptGenerator.load(Path.of("playbooks")), true).write(t, sessions, 3);
        return t;
    }

    @Test
    void aTableWithTheAlteredFileListedAndLeftOut() throws Exception {
        Path t = generated(30);
        List<Path> files;
        try (var s = Files.list(t)) {
            files = s.sorted().toList();
        }
        Path altered = files.get(4);
        String text = Files.readString(altered).replaceFirst("\"via\":\"start\"", "\"via\":\"goto\"");
        Files.writeString(altered, text);
        Run r = run(t.toString(), false, null);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).startsWith("Read " + files.size() + " transcript file(s) under " + t + ": " + (files.size() - 1)
                + " session(s) counted, 1 left out (broken or unreadable).\n");
        assertThat(r.out()).contains("  BROKEN  " + altered + ": ");
        assertThat(r.out()).contains("docker-desktop-nested-virtualization 1.1.0: ").contains("  OUTCOME      SESSIONS  SHARE\n")
                .contains("  Time per node (slowest median first):\n").contains("  Consent refusals per command:");
    }

    @Test
    void jsonAndAnOfflineHtmlReportWithTheTrafficMap() throws Exception {
        Path t = generated(20);
        Path html = dir.resolve("out/stats.html");
        Run r = run(t.toString(), true, html.toString());
        assertThat(r.exit()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("broken").size()).isZero();
        long sessions = 0;
        for (JsonNode p : j.path("playbooks")) {
            long mix = 0;
            for (JsonNode n : p.path("outcomes")) {
                mix += n.asLong();
            }
            assertThat(mix).isEqualTo(p.path("sessions").asLong());
            sessions += mix;
        }
        assertThat(sessions).isEqualTo(j.path("sessions").asLong()).isEqualTo(j.path("files").asLong());
        String page = Files.readString(html);
        assertThat(page).contains("Content-Security-Policy").contains("default-src 'none'").doesNotContain("<script")
                .contains("aria-label=\"traffic map\"").contains("class=\"edge taken flow-");
    }

    @Test
    void aNodeIdFromATranscriptCannotReachTheTerminalRaw() throws Exception {
        Path t = Files.createDirectories(dir.resolve("evil"));
        Instant at = Instant.parse("2026-10-01T08:00:00Z");
        TranscriptHeader h = new TranscriptHeader(TranscriptHeader.FORMAT, TranscriptHeader.FORMAT_VERSION, "x", "0badc0de", at,
                new TranscriptHeader.PlaybookRef("evil", "1", "Evil", "0".repeat(64), "evil.yaml"),
                new TranscriptHeader.Host("linux", "1", "amd64", "h", "u"));
        try (TranscriptWriter w = TranscriptWriter.create(t, h, false, m -> { })) {
            w.accept(new SessionEvent.NodeEntered(1, at, "ask\u001b[2Jx", "question", "start"));
            w.accept(new SessionEvent.SessionEnded(2, at.plusSeconds(5), "user", null));
        }
        Run r = run(t.toString(), false, dir.resolve("e.html").toString());
        assertThat(r.out()).doesNotContain("\u001b").contains("ask\\u001b[2Jx");
        assertThat(Files.readString(dir.resolve("e.html"), StandardCharsets.UTF_8)).doesNotContain("\u001b")
                .contains("The playbook is not in the playbooks folder");
    }

    @Test
    void badInputSaysWhatToDo() {
        assertThat(run(dir.resolve("none").toString(), false, null))
                .isEqualTo(new Run("No folder " + dir.resolve("none") + ". Name the folder that holds the transcripts.\n", 2));
        // s3:// is read (StatsFromStoreTest); an address without a bucket is bad input
        assertThat(run("s3:///cases", false, null)).isEqualTo(new Run("'s3:///cases' names no bucket; write s3://<bucket>/<prefix>.\n", 2));
        assertThat(run(dir.toString(), false, null).out()).startsWith("No transcripts (*.jsonl) under " + dir);
        assertThat(run(dir.toString(), false, dir.toString()).out()).startsWith("--html " + dir + " is a folder");
    }
}
