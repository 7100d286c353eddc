package dev.tshoot.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.engine.Session;
import dev.tshoot.testing.Fixtures;

/**
 * 1,000 random single-byte changes (seeded, reproducible) to a recorded transcript with every kind
 * of line: each is found at the line it hit. A change anywhere in an event's line, its newline
 * included, is BROKEN at that line and its event; a change to the header is BROKEN at line 1,
 * except inside the header's own format name and version, which make the file UNREADABLE (another
 * format, or none: tshoot says so rather than guess). Never OK, never a torn tail.
 */
class TranscriptTamperingTest {

    static final long SEED = Long.getLong("tshoot.faults.seed", 20261126L);
    static final int CHANGES = Integer.getInteger("tshoot.faults.tamper", 1_000);

    @TempDir
    Path dir;

    @Test
    void everySingleByteChangeIsFoundAtTheLineItHit() throws Exception {
        Recorder.Recorded rec = new Recorder(Fixtures.engine(), dir, "test", false)
                .start(Fixtures.playbook("001_walk.yaml"), w -> { throw new AssertionError(w); });
        Session s = rec.session();
        s.answer("windows");
        s.note("Grüße, 日本語 and an emoji 🙂 in a note");
        s.answer("yes");
        s.back();
        s.answer("yes");
        s.answer("22631");
        s.jump("verify");
        s.back();
        s.answer("done");
        s.answer("yes");
        s.end("outcome");
        rec.writer().close();
        byte[] bytes = Files.readAllBytes(rec.writer().file());
        assertThat(new TranscriptVerifier().verify(rec.writer().file()).status()).isEqualTo(TranscriptVerifier.Status.OK);

        // line index of every byte: a line's newline belongs to it
        List<Integer> lineOf = new ArrayList<>(bytes.length);
        int line = 0;
        for (byte b : bytes) {
            lineOf.add(line);
            if (b == '\n') {
                line++;
            }
        }
        String header = new String(bytes, StandardCharsets.UTF_8).substring(0, new String(bytes, StandardCharsets.UTF_8).indexOf('\n'));
        int idStart = header.indexOf(TranscriptVerifier.HEADER_IDENTITY);
        assertThat(idStart).as("the header names its format first").isPositive();
        int idEnd = idStart + TranscriptVerifier.HEADER_IDENTITY.length(); // ASCII: chars are bytes here

        Random rnd = new Random(SEED);
        TranscriptVerifier v = new TranscriptVerifier();
        Path altered = dir.resolve("altered.jsonl");
        int broken = 0;
        int unreadable = 0;
        for (int i = 0; i < CHANGES; i++) {
            int pos = rnd.nextInt(bytes.length);
            byte b;
            do {
                b = (byte) rnd.nextInt(256);
            } while (b == bytes[pos]);
            byte[] copy = bytes.clone();
            copy[pos] = b;
            Files.write(altered, copy);
            TranscriptVerifier.Result r = v.verify(altered);
            int hit = lineOf.get(pos);
            String what = String.format("change %d (seed %d): byte %d (line %d) from %d to %d -> %s", i, SEED, pos,
                    hit + 1, bytes[pos], b, r.message());
            if (hit == 0 && pos >= idStart && pos < idEnd) {
                assertThat(r.status()).as(what).isEqualTo(TranscriptVerifier.Status.UNREADABLE);
                assertThat(r.message()).as(what).containsAnyOf("not a tshoot transcript", "format version");
                assertThat(r.exitStatus()).isEqualTo(2);
                unreadable++;
            } else {
                assertThat(r.status()).as(what).isEqualTo(TranscriptVerifier.Status.BROKEN);
                assertThat(r.line()).as(what).isEqualTo(hit + 1);
                assertThat(r.brokenSeq()).as(what).isEqualTo(hit);
                assertThat(r.message()).as(what).startsWith("BROKEN at line " + (hit + 1) + ": ");
                assertThat(r.exitStatus()).isEqualTo(1);
                broken++;
            }
        }
        // and deterministically: every line end, the file's last one included, turned into CR, space or a letter
        for (int pos = 0; pos < bytes.length; pos++) {
            if (bytes[pos] != '\n') {
                continue;
            }
            for (byte b : new byte[] {'\r', ' ', 'x', 0}) {
                byte[] copy = bytes.clone();
                copy[pos] = b;
                Files.write(altered, copy);
                TranscriptVerifier.Result r = v.verify(altered);
                assertThat(r.status()).as("newline at %d -> %d: %s", pos, b, r.message()).isEqualTo(TranscriptVerifier.Status.BROKEN);
                assertThat(r.line()).as("newline at %d -> %d", pos, b).isEqualTo(lineOf.get(pos) + 1);
            }
        }
        assertThat(broken + unreadable).isEqualTo(CHANGES);
        assertThat(broken).isGreaterThan(CHANGES * 9 / 10);
    }
}
