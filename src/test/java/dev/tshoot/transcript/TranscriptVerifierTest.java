package dev.tshoot.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.engine.Session;
import dev.tshoot.engine.SessionEngine;
import dev.tshoot.engine.SessionException;
import dev.tshoot.engine.SessionEvent;
import dev.tshoot.testing.Fixtures;

/** Writes a real transcript through the recorder, then alters and truncates it. */
class TranscriptVerifierTest {

    @TempDir
    Path dir;

    private Path file;
    private byte[] bytes;
    private List<Integer> lineStarts;

    @BeforeEach
    void record() throws SessionException, IOException {
        SessionEngine engine = Fixtures.engine();
        Recorder rec = new Recorder(engine, dir, "test", false);
        Recorder.Recorded r = rec.start(Fixtures.playbook("001_walk.yaml"), w -> { throw new AssertionError(w); });
        Session s = r.session();
        s.answer("windows");
        s.answer("yes");
        s.note("Passwörter nie notieren ✓");
        s.answer("22631");
        s.answer("done");
        s.answer("yes");
        s.end("outcome");
        r.writer().close();
        file = r.writer().file();
        bytes = Files.readAllBytes(file);
        lineStarts = new ArrayList<>();
        lineStarts.add(0);
        for (int i = 0; i < bytes.length - 1; i++) {
            if (bytes[i] == '\n') {
                lineStarts.add(i + 1);
            }
        }
    }

    @Test
    void anIntactTranscriptVerifies() {
        TranscriptVerifier.Result r = new TranscriptVerifier().verify(file);
        assertThat(r.status()).isEqualTo(TranscriptVerifier.Status.OK);
        assertThat(r.events()).isEqualTo(lineStarts.size() - 1);
        assertThat(r.closed()).isTrue();
        assertThat(r.exitStatus()).isZero();
        assertThat(r.message()).startsWith("OK: " + r.events() + " events");
    }

    @Test
    void fileIsNamedAndOwnerOnly() throws IOException {
        assertThat(file.getFileName().toString()).matches("\\d{8}T\\d{6}Z_walk_s0001\\.jsonl");
        if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void headerPinsPlaybookAndEventsDecodeBackToTheSameRecords() throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        var header = TranscriptJson.decodeHeader(TranscriptJson.MAPPER.readTree(lines.get(0)));
        assertThat(header.playbook().id()).isEqualTo("walk");
        assertThat(header.playbook().version()).isEqualTo("1.2.0");
        assertThat(header.playbook().sha256()).isEqualTo(Fixtures.playbook("001_walk.yaml").sha256());
        assertThat(header.formatVersion()).isEqualTo(2);
        SessionEvent first = TranscriptJson.decode(TranscriptJson.MAPPER.readTree(lines.get(1)));
        assertThat(first).isEqualTo(new SessionEvent.NodeEntered(1, java.time.Instant.parse("2026-01-02T03:04:06Z"),
                "ask-os", "question", "start"));
        for (String l : lines.subList(1, lines.size())) {
            assertThat(TranscriptJson.decode(TranscriptJson.MAPPER.readTree(l))).as(l).isNotNull();
        }
    }

    @Test
    void oneChangedByteInEachEventIsFoundAtThatEvent() throws IOException {
        TranscriptVerifier v = new TranscriptVerifier();
        for (int line = 1; line < lineStarts.size(); line++) {
            int start = lineStarts.get(line);
            int end = line + 1 < lineStarts.size() ? lineStarts.get(line + 1) - 1 : bytes.length - 1;
            // a byte in the middle of the line, one in the hash, and the last '}' of the line
            for (int pos : new int[] {start + (end - start) / 2, end - 10, end - 1}) {
                byte[] copy = bytes.clone();
                copy[pos] = (byte) (copy[pos] == 'a' ? 'b' : 'a');
                Path altered = dir.resolve("altered.jsonl");
                Files.write(altered, copy);
                TranscriptVerifier.Result r = v.verify(altered);
                assertThat(r.status()).as("byte %d of line %d", pos, line + 1).isEqualTo(TranscriptVerifier.Status.BROKEN);
                assertThat(r.brokenSeq()).as("byte %d of line %d", pos, line + 1).isEqualTo(line);
                assertThat(r.line()).isEqualTo(line + 1);
                assertThat(r.exitStatus()).isEqualTo(1);
            }
        }
    }

    @Test
    void randomSingleByteChangesAreAllDetected() throws IOException {
        Random rnd = new Random(42);
        TranscriptVerifier v = new TranscriptVerifier();
        for (int i = 0; i < 300; i++) {
            byte[] copy = bytes.clone();
            int pos = rnd.nextInt(copy.length);
            byte b;
            do {
                b = (byte) rnd.nextInt(256);
            } while (b == copy[pos]);
            copy[pos] = b;
            Path altered = dir.resolve("r" + i + ".jsonl");
            Files.write(altered, copy);
            TranscriptVerifier.Result r = v.verify(altered);
            assertThat(r.intact()).as("change at byte %d to %d: %s", pos, b, r.message()).isFalse();
        }
    }

    @Test
    void aLineCutOffInMidWriteIsATornTailThatExitsOne() throws IOException {
        int lastStart = lineStarts.get(lineStarts.size() - 1);
        for (int cut : new int[] {lastStart + 1, lastStart + 30, bytes.length - 3}) {
            Path torn = dir.resolve("torn.jsonl");
            Files.write(torn, Arrays.copyOf(bytes, cut));
            TranscriptVerifier.Result r = new TranscriptVerifier().verify(torn);
            assertThat(r.status()).as("cut at %d", cut).isEqualTo(TranscriptVerifier.Status.TORN_TAIL);
            assertThat(r.events()).isEqualTo(lineStarts.size() - 2);
            assertThat(r.message()).isEqualTo("TORN TAIL at line " + lineStarts.size() + ": the last line was cut"
                    + " mid-way: a crash or a truncation, the file cannot tell which; the " + (lineStarts.size() - 2)
                    + " events before it verify");
            assertThat(r.exitStatus()).as("the file cannot tell a crash from a cut: not intact").isEqualTo(1);
        }
    }

    @Test
    void aRemovedEventIsReportedAsMissing() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(3);
        Path cut = dir.resolve("cut.jsonl");
        Files.write(cut, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        TranscriptVerifier.Result r = new TranscriptVerifier().verify(cut);
        assertThat(r.status()).isEqualTo(TranscriptVerifier.Status.BROKEN);
        assertThat(r.brokenSeq()).isEqualTo(3);
        assertThat(r.message()).contains("event 3 is missing");
    }

    @Test
    void aSessionThatNeverEndedIsIntactButSaysSo() throws IOException {
        List<String> lines = Files.readAllLines(file);
        Path open = dir.resolve("open.jsonl");
        Files.write(open, (String.join("\n", lines.subList(0, 5)) + "\n").getBytes(StandardCharsets.UTF_8));
        TranscriptVerifier.Result r = new TranscriptVerifier().verify(open);
        assertThat(r.status()).isEqualTo(TranscriptVerifier.Status.OK);
        assertThat(r.closed()).isFalse();
        assertThat(r.message()).contains("not closed");
    }

    @Test
    void unreadableInputsGetAClearMessage() throws IOException {
        TranscriptVerifier v = new TranscriptVerifier();
        assertThat(v.verify(dir.resolve("nope.jsonl")).message()).contains("No transcript at");
        Path empty = Files.createFile(dir.resolve("empty.jsonl"));
        assertThat(v.verify(empty).exitStatus()).isEqualTo(2);
        Path junk = dir.resolve("junk.jsonl");
        Files.write(junk, "hello\nworld\n".getBytes());
        TranscriptVerifier.Result r = v.verify(junk);
        assertThat(r.status()).isEqualTo(TranscriptVerifier.Status.UNREADABLE);
        assertThat(r.message()).contains("not a tshoot transcript");
        Path future = dir.resolve("future.jsonl");
        String header = new String(bytes, 0, lineStarts.get(1) - 1, StandardCharsets.UTF_8).replace("\"formatVersion\":" + TranscriptHeader.FORMAT_VERSION, "\"formatVersion\":9");
        Files.write(future, (header + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(v.verify(future).message()).contains("format version 9");
    }

    @Test
    void anUnwritableFolderKeepsTheSessionInMemoryAndSavesElsewhere() throws Exception {
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where the folder should be");
        List<String> warnings = new ArrayList<>();
        Recorder.Recorded r = new Recorder(Fixtures.engine(), blocked, "test", false)
                .start(Fixtures.playbook("001_walk.yaml"), warnings::add);
        r.session().answer("linux");
        assertThat(warnings).singleElement().asString().contains("Transcript not saved").contains("transcript save");
        assertThat(r.writer().failed()).isTrue();
        Path target = dir.resolve("saved/elsewhere.jsonl");
        r.writer().saveTo(target);
        r.session().answer("no");
        r.session().end("outcome");
        r.writer().close();
        TranscriptVerifier.Result v = new TranscriptVerifier().verify(target);
        assertThat(v.status()).isEqualTo(TranscriptVerifier.Status.OK);
        assertThat(v.events()).isEqualTo(r.session().events().size());
    }
}
