package dev.tshoot.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tshoot.testing.Fixtures;

/**
 * The byte-level checks of a line against the text-level ones they replace: the UTF-8 check
 * against Java's decoder, the seal against {@link TranscriptJson#checkSeal}; and a line whose bytes
 * are not UTF-8 is judged on its text with replacement characters, as line-by-line reading judged it.
 */
class LineSealTest {

    @TempDir
    Path dir;

    private static boolean decodes(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void utf8CheckAgreesWithJavasDecoder() {
        List<byte[]> cases = new ArrayList<>();
        for (String hex : List.of("", "41", "c280", "c0af", "c1bf", "e080af", "e0a080", "eda080", "edbfbf", "ed9fbf",
                "efbfbf", "f0808080", "f0908080", "f48fbfbf", "f4908080", "f5808080", "ff", "80", "c2", "e0a0",
                "f09080", "4142434445464748c280", "41424344454647c2", "c241", "e0a041", "f0908041", "efbbbf41")) {
            cases.add(HexFormat.of().parseHex(hex));
        }
        Random r = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            byte[] b = new byte[r.nextInt(24)];
            for (int k = 0; k < b.length; k++) {
                int kind = r.nextInt(4);
                b[k] = (byte) (kind == 0 ? 'a' + r.nextInt(26) : kind == 1 ? 0x80 + r.nextInt(64) : 0xc0 + r.nextInt(64));
            }
            cases.add(b);
        }
        for (byte[] b : cases) {
            assertThat(LineSeal.utf8(b, 0, b.length)).as(HexFormat.of().formatHex(b)).isEqualTo(decodes(b));
            byte[] padded = new byte[b.length + 6];
            System.arraycopy(b, 0, padded, 3, b.length);
            padded[0] = padded[1] = padded[2] = 'x';
            padded[padded.length - 1] = (byte) 0xc2; // outside the range: not looked at
            assertThat(LineSeal.utf8(padded, 3, 3 + b.length)).isEqualTo(decodes(b));
        }
    }

    @Test
    void sealOnBytesAgreesWithTheTextCheck() throws Exception {
        var r = new Recorder(Fixtures.engine(), dir, "0.1.0-test", false).start(Fixtures.playbook("001_walk.yaml"), w -> { });
        r.session().note("ünïcode ✓ 😀");
        r.writer().close();
        List<String> texts = new ArrayList<>(Files.readAllLines(r.writer().file(), StandardCharsets.UTF_8));
        for (String t : List.copyOf(texts)) {
            texts.add(t.replace("a", "b"));
            texts.add(t.substring(0, t.length() - 1));
            texts.add(t + " ");
            texts.add(t.replace(",\"hash\":\"", ",\"hash\": \""));
            texts.add(t.toUpperCase(java.util.Locale.ROOT));
        }
        LineSeal seal = new LineSeal();
        for (String t : texts) {
            byte[] b = t.getBytes(StandardCharsets.UTF_8);
            LineSource.Line line = new LineSource.Line(1, b, 0, b.length, true, false);
            boolean bytes = LineSeal.hasSuffix(line) && seal.matches(line);
            assertThat(bytes).as(t).isEqualTo(TranscriptJson.checkSeal(t) != null);
            if (bytes) {
                assertThat(LineSeal.claimed(line)).isEqualTo(TranscriptJson.checkSeal(t));
            }
        }
    }

    /** A line with a byte that is not UTF-8, sealed over its text with the replacement character: judged as before. */
    @Test
    void aLineThatIsNotUtf8IsJudgedOnItsText() throws Exception {
        var r = new Recorder(Fixtures.engine(), dir, "0.1.0-test", false).start(Fixtures.playbook("001_walk.yaml"), w -> { });
        r.session().note("X marks the spot");
        r.writer().close();
        List<String> lines = Files.readAllLines(r.writer().file(), StandardCharsets.UTF_8);
        String last = lines.get(lines.size() - 1);
        String prev = TranscriptJson.MAPPER.readTree(lines.get(lines.size() - 2)).path("hash").asText();
        ObjectNode n = (ObjectNode) TranscriptJson.MAPPER.readTree(last);
        n.remove(List.of("prev", "hash"));
        n.put("text", "\uFFFD marks the spot");
        String sealed = TranscriptJson.seal(n, prev).line();
        byte[] b = sealed.getBytes(StandardCharsets.UTF_8);
        byte[] utf8Fffd = "\uFFFD".getBytes(StandardCharsets.UTF_8);
        String head = sealed.substring(0, sealed.indexOf('\uFFFD'));
        int at = head.getBytes(StandardCharsets.UTF_8).length;
        byte[] raw = new byte[b.length - utf8Fffd.length + 1];
        System.arraycopy(b, 0, raw, 0, at);
        raw[at] = (byte) 0xff; // decodes to U+FFFD
        System.arraycopy(b, at + utf8Fffd.length, raw, at + 1, b.length - at - utf8Fffd.length);
        StringBuilder file = new StringBuilder();
        for (String l : lines.subList(0, lines.size() - 1)) {
            file.append(l).append('\n');
        }
        Path f = dir.resolve("not-utf8.jsonl");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(file.toString().getBytes(StandardCharsets.UTF_8));
        out.write(raw);
        out.write('\n');
        Files.write(f, out.toByteArray());
        TranscriptVerifier.Result v = new TranscriptVerifier().verify(f);
        assertThat(v.status()).isEqualTo(TranscriptVerifier.Status.OK); // line-by-line reading took it on its text
        assertThat(v.events()).isEqualTo(lines.size() - 1);
        assertThat(TranscriptReader.read(f).events().get(lines.size() - 2).toString()).contains("\uFFFD marks the spot");
        raw[at - 1] ^= 1; // now the text no longer matches the hash
        out.reset();
        out.write(file.toString().getBytes(StandardCharsets.UTF_8));
        out.write(raw);
        out.write('\n');
        Files.write(f, out.toByteArray());
        assertThat(new TranscriptVerifier().verify(f).message())
                .isEqualTo("BROKEN at line " + lines.size() + ": event " + (lines.size() - 1)
                        + " was altered: its content does not match its hash");
        assertThat(new LineSource(new ByteArrayInputStream(raw)).next().length()).isEqualTo(raw.length);
    }
}
