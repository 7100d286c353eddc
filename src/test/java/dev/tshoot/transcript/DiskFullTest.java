package dev.tshoot.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tshoot.engine.Session;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.testing.Fixtures;

/**
 * The disk fills up in the middle of a line: the part that fit stays on disk as a torn tail, the
 * writer warns once, keeps every line from then on in memory, and {@code saveTo} writes the whole
 * transcript elsewhere, where it verifies and recording continues. (DiskFullIT does the same end to
 * end on a real, tiny tmpfs.)
 */
class DiskFullTest {

    @TempDir
    Path dir;

    /** A file channel on a disk with room for {@code room} more bytes; then ENOSPC, as Linux says it. */
    static final class FillingChannel extends FileChannel {
        private final FileChannel d;
        private long room;

        FillingChannel(FileChannel d, long room) {
            this.d = d;
            this.room = room;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (room <= 0) {
                throw new IOException("No space left on device");
            }
            int n = (int) Math.min(room, src.remaining());
            ByteBuffer part = src.slice().limit(n);
            int w = d.write(part);
            src.position(src.position() + w);
            room -= w;
            return w;
        }

        @Override public int read(ByteBuffer dst) throws IOException { return d.read(dst); }
        @Override public long read(ByteBuffer[] dsts, int offset, int length) throws IOException { return d.read(dsts, offset, length); }
        @Override public long write(ByteBuffer[] srcs, int offset, int length) { throw new UnsupportedOperationException(); }
        @Override public long position() throws IOException { return d.position(); }
        @Override public FileChannel position(long p) throws IOException { d.position(p); return this; }
        @Override public long size() throws IOException { return d.size(); }
        @Override public FileChannel truncate(long size) throws IOException { d.truncate(size); return this; }
        @Override public void force(boolean metaData) throws IOException { d.force(metaData); }
        @Override public long transferTo(long p, long c, WritableByteChannel t) throws IOException { return d.transferTo(p, c, t); }
        @Override public long transferFrom(ReadableByteChannel s, long p, long c) { throw new UnsupportedOperationException(); }
        @Override public int read(ByteBuffer dst, long p) throws IOException { return d.read(dst, p); }
        @Override public int write(ByteBuffer src, long p) { throw new UnsupportedOperationException(); }
        @Override public MappedByteBuffer map(MapMode m, long p, long s) { throw new UnsupportedOperationException(); }
        @Override public FileLock lock(long p, long s, boolean sh) throws IOException { return d.lock(p, s, sh); }
        @Override public FileLock tryLock(long p, long s, boolean sh) throws IOException { return d.tryLock(p, s, sh); }
        @Override protected void implCloseChannel() throws IOException { d.close(); }
    }

    /** An event line as its type and, where it has one, its node: {@code node-entered ask-os}. */
    static String typeAndNode(String line) {
        JsonNode n = json(line);
        return n.path("type").asText() + (n.has("node") ? " " + n.path("node").asText() : "");
    }

    static JsonNode json(String line) {
        try {
            return TranscriptJson.MAPPER.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    @Test
    void aDiskThatFillsInMidLineLosesNothing() throws Exception {
        Playbook pb = Fixtures.playbook("001_walk.yaml");
        var engine = Fixtures.engine();
        TranscriptHeader header = new TranscriptHeader(TranscriptHeader.FORMAT, TranscriptHeader.FORMAT_VERSION, "test",
                "s0001", Instant.parse("2026-01-02T03:04:05Z"),
                new TranscriptHeader.PlaybookRef(pb.id(), pb.metadata().version(), pb.metadata().title(), pb.sha256(), pb.file()),
                HostSummary.current());
        Path file = dir.resolve("full.jsonl");
        List<String> warnings = new ArrayList<>();
        TranscriptWriter w = TranscriptWriter.create(file, header, true, warnings::add, () -> new FillingChannel(
                FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND), 1500));
        Session s = engine.start("s0001", pb, w);
        s.answer("windows");
        s.answer("yes");
        assertThat(warnings).as("the disk filled during these answers").singleElement().asString()
                .contains("Transcript not saved").contains("No space left on device").contains("transcript save <file>");
        assertThat(w.failed()).isTrue();
        s.answer("22631");
        s.note("after the disk filled");
        s.answer("done");
        s.answer("yes");
        assertThat(warnings).as("warned once").hasSize(1);

        // on the full disk: exactly 1500 bytes, the last line cut short; it verifies as a torn tail
        assertThat(Files.size(file)).isEqualTo(1500);
        TranscriptVerifier.Result onDisk = new TranscriptVerifier().verify(file);
        assertThat(onDisk.status()).as(onDisk.message()).isEqualTo(TranscriptVerifier.Status.TORN_TAIL);

        Path saved = dir.resolve("elsewhere/saved.jsonl");
        w.saveTo(saved);
        s.restart(); // recording continues in the saved file
        s.end("user");
        w.close();
        TranscriptVerifier.Result v = new TranscriptVerifier().verify(saved);
        assertThat(v.status()).as(v.message()).isEqualTo(TranscriptVerifier.Status.OK);
        assertThat(v.events()).isEqualTo(w.lines() - 1);
        List<String> all = Files.readAllLines(saved, StandardCharsets.UTF_8);
        List<String> partial = Files.readAllLines(file, StandardCharsets.UTF_8);
        int complete = (int) onDisk.events() + 1;
        assertThat(all.subList(0, complete)).as("what reached the disk is the start of the saved file")
                .isEqualTo(partial.subList(0, complete));
        assertThat(all).as("every event of the session, in order, the restart after the save among them")
                .map(DiskFullTest::typeAndNode).containsExactly(
                        "header", "node-entered ask-os", "prompt-shown ask-os", "answer-given ask-os",
                        "node-entered ask-vm", "prompt-shown ask-vm", "answer-given ask-vm", "node-entered route",
                        "check-evaluated route", "node-entered ask-build", "prompt-shown ask-build",
                        "answer-given ask-build", "check-evaluated ask-build", "node-entered fix-windows",
                        "prompt-shown fix-windows", "note fix-windows", "answer-given fix-windows",
                        "node-entered verify", "prompt-shown verify", "answer-given verify", "node-entered resolved",
                        "outcome resolved", "restart", "node-entered ask-os", "prompt-shown ask-os", "session-ended");
        assertThat(all).map(DiskFullTest::json).filteredOn(n -> n.path("type").asText().equals("note"))
                .singleElement().satisfies(n -> assertThat(n.path("text").asText()).isEqualTo("after the disk filled"));
    }
    /** A one-shot run on a full disk: the whole transcript goes to a fallback file, which verifies. */
    @Test
    void aOneShotRunRescuesTheWholeTranscriptToAFallbackFile() throws Exception {
        Path file = dir.resolve("full.jsonl");
        List<String> warnings = new ArrayList<>();
        TranscriptWriter w = fullDisk(file, warnings);
        Path fallback = Files.createDirectories(dir.resolve("tmp"));
        Files.writeString(fallback.resolve("tshoot-full.jsonl"), "someone else's file\n");
        TranscriptWriter.Rescue r = w.rescue(fallback);
        w.close();
        assertThat(r.needed()).isTrue();
        assertThat(r.original()).isEqualTo(file);
        assertThat(r.savedTo()).as("a taken name is never overwritten").isEqualTo(fallback.resolve("tshoot-full-2.jsonl"));
        assertThat(r.lost()).isNull();
        assertThat(Files.readString(fallback.resolve("tshoot-full.jsonl"))).isEqualTo("someone else's file\n");
        TranscriptVerifier.Result v = new TranscriptVerifier().verify(r.savedTo());
        assertThat(v.status()).as(v.message()).isEqualTo(TranscriptVerifier.Status.OK);
        assertThat(v.events()).isEqualTo(w.lines() - 1);
        assertThat(Files.readAllLines(r.savedTo()).get((int) w.lines() - 1)).contains("\"type\":\"session-ended\"");
    }

    /** When the fallback cannot be written either, the run says exactly which lines are lost. */
    @Test
    void whenTheFallbackFailsTooTheLostLinesAreNamed() throws Exception {
        Path file = dir.resolve("full.jsonl");
        TranscriptWriter w = fullDisk(file, new ArrayList<>());
        Path notAFolder = Files.writeString(dir.resolve("tmp"), "a file where the folder should be");
        long onDisk = new TranscriptVerifier().verify(file).events() + 1;
        TranscriptWriter.Rescue r = w.rescue(notAFolder);
        w.close();
        assertThat(r.savedTo()).isNull();
        assertThat(r.lost()).isEqualTo("lines " + (onDisk + 1) + " to " + w.lines() + " of " + w.lines() + " ("
                + (w.lines() - onDisk) + " line(s), the last being the end of the session) are lost: neither " + file
                + " nor the fallback folder " + notAFolder + " could take them (" + notAFolder + " is in the way: it exists"
                + " and is not a folder). Lines 1 to " + onDisk + " are in " + file + "; a part of line " + (onDisk + 1)
                + " may follow them (a torn tail).");
        assertThat(w.lines() - onDisk).as("lines were lost").isPositive();
    }

    @Test
    void aTranscriptThatWasWrittenWholeNeedsNoRescue() throws Exception {
        Path file = dir.resolve("fine.jsonl");
        TranscriptWriter w = TranscriptWriter.create(file, header(Fixtures.playbook("001_walk.yaml")), false, x -> { },
                () -> FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
        TranscriptWriter.Rescue r = w.rescue(dir.resolve("unused"));
        w.close();
        assertThat(r.needed()).isFalse();
        assertThat(Files.exists(dir.resolve("unused"))).isFalse();
    }

    static TranscriptHeader header(Playbook pb) {
        return new TranscriptHeader(TranscriptHeader.FORMAT, TranscriptHeader.FORMAT_VERSION, "test",
                "s0001", Instant.parse("2026-01-02T03:04:05Z"),
                new TranscriptHeader.PlaybookRef(pb.id(), pb.metadata().version(), pb.metadata().title(), pb.sha256(), pb.file()),
                HostSummary.current());
    }

    /** The walk of {@link #aDiskThatFillsInMidLineLosesNothing} on a disk with room for 1500 bytes, ended. */
    static TranscriptWriter fullDisk(Path file, List<String> warnings) throws Exception {
        Playbook pb = Fixtures.playbook("001_walk.yaml");
        TranscriptWriter w = TranscriptWriter.create(file, header(pb), true, warnings::add, () -> new FillingChannel(
                FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND), 1500));
        Session s = Fixtures.engine().start("s0001", pb, w);
        for (String a : List.of("windows", "yes", "22631", "done", "yes")) {
            s.answer(a);
        }
        s.end("outcome");
        assertThat(w.failed()).isTrue();
        return w;
    }
}
