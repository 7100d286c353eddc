package dev.tshoot.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The chunked line reader: lines across chunk boundaries, CRLF, a last line without newline, multi-byte text. */
class LineSourceTest {

    /** A line as read, copied out of the reader's buffer (which the next line reuses). */
    record Read(long number, String text, boolean terminated, boolean tooLong, boolean ascii) {}

    private static List<Read> lines(InputStream in) throws IOException {
        List<Read> out = new ArrayList<>();
        try (LineSource src = new LineSource(in)) {
            LineSource.Line l;
            while ((l = src.next()) != null) {
                out.add(new Read(l.number(), l.text(), l.terminated(), l.tooLong(), l.ascii()));
            }
        }
        return out;
    }

    /** Hands out at most 7 bytes per read, so every line crosses read boundaries. */
    private static InputStream trickle(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
    }

    @Test
    void linesAcrossReadAndChunkBoundariesComeBackWhole() throws IOException {
        StringBuilder sb = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String s = "{\"seq\":" + i + ",\"text\":\"Grüße ✓ " + "x".repeat(i % 97) + "\"}";
            expected.add(s);
            sb.append(s).append(i % 5 == 0 ? "\r\n" : "\n");
        }
        sb.append("torn-tail-without-newline");
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        for (InputStream in : List.of(new ByteArrayInputStream(bytes), trickle(bytes))) {
            List<Read> got = lines(in);
            assertThat(got).hasSize(3001);
            for (int i = 0; i < 3000; i++) {
                assertThat(got.get(i).text()).isEqualTo(expected.get(i));
                assertThat(got.get(i).terminated()).isTrue();
                assertThat(got.get(i).number()).isEqualTo(i + 1);
            }
            assertThat(got.get(3000).text()).isEqualTo("torn-tail-without-newline");
            assertThat(got.get(3000).terminated()).isFalse();
        }
    }

    /** Whether a line is ASCII is told while its newline is looked for, eight bytes at a time: a byte at every place. */
    @Test
    void asciiLinesAreToldApartWhereverTheOtherByteIs() throws IOException {
        StringBuilder sb = new StringBuilder();
        List<Boolean> expected = new ArrayList<>();
        for (int len = 0; len < 40; len++) {
            for (int at = -1; at < len; at++) {
                StringBuilder line = new StringBuilder("a".repeat(len));
                if (at >= 0) {
                    line.setCharAt(at, 'é');
                }
                sb.append(line).append(len % 3 == 0 ? "\r\n" : "\n");
                expected.add(at < 0);
            }
        }
        sb.append("tail é");
        expected.add(false);
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        for (InputStream in : List.of(new ByteArrayInputStream(bytes), trickle(bytes))) {
            assertThat(lines(in)).extracting(Read::ascii).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void emptyInputAndEmptyLines() throws IOException {
        assertThat(lines(new ByteArrayInputStream(new byte[0]))).isEmpty();
        List<Read> got = lines(new ByteArrayInputStream("\n\na\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(got).extracting(Read::text).containsExactly("", "", "a");
    }

    @Test
    void aLineOverTheLimitIsFlaggedAndTheNextOneStillReads() throws IOException {
        int n = LineSource.MAX_LINE + 10;
        InputStream in = new InputStream() {
            long i;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                long total = n + 1 + 3;
                if (i >= total) {
                    return -1;
                }
                int k = (int) Math.min(len, total - i);
                for (int j = 0; j < k; j++, i++) {
                    b[off + j] = i < n ? (byte) 'x' : i == n ? (byte) '\n' : (byte) 'o';
                }
                return k;
            }
        };
        List<Read> got = lines(in);
        assertThat(got).hasSize(2);
        assertThat(got.get(0).tooLong()).isTrue();
        assertThat(got.get(0).text()).isEmpty();
        assertThat(got.get(1).text()).isEqualTo("ooo");
        assertThat(got.get(1).tooLong()).isFalse();
    }
    /**
     * Read ahead on a second thread: the same lines (bytes, numbers, ends) as reading on one, each
     * line's own hash checked ahead exactly as {@link LineSeal#matches} checks it, on a file whose
     * lines cross chunk boundaries, grow the buffer past a chunk, are altered, torn or too long.
     */
    @Test
    void readingAheadGivesTheSameLinesAndTheSealVerdictOfEach(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        StringBuilder sb = new StringBuilder();
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 5000; i++) {
            String body = "{\"seq\":" + i + ",\"text\":\"" + "é".repeat(r.nextInt(3)) + "y".repeat(r.nextInt(i % 500 == 0 ? 200_000 : 300)) + "\"";
            String line = sealed(body + "}");
            if (i % 97 == 0) {
                line = line.replace("\"seq\":", "\"seq\": "); // altered after it was hashed
            }
            sb.append(line).append(i % 11 == 0 ? "\r\n" : "\n");
        }
        sb.append("{\"seq\":5000,\"torn");
        java.nio.file.Path f = dir.resolve("t.jsonl");
        java.nio.file.Files.writeString(f, sb, StandardCharsets.UTF_8);
        LineSeal seal = new LineSeal();
        int checked = 0;
        int bad = 0;
        try (LineSource one = new LineSource(f, false); LineSource ahead = new LineSource(f, true)) {
            while (true) {
                LineSource.Line a = one.next();
                LineSource.Line b = ahead.next();
                if (a == null) {
                    assertThat(b).isNull();
                    break;
                }
                assertThat(b.number()).isEqualTo(a.number());
                assertThat(b.text()).isEqualTo(a.text());
                assertThat(b.terminated()).isEqualTo(a.terminated());
                assertThat(b.tooLong()).isEqualTo(a.tooLong());
                assertThat(b.ascii()).isEqualTo(a.ascii());
                assertThat(ahead.buffer()).isSameAs(b.bytes());
                assertThat(ahead.limit()).isGreaterThanOrEqualTo(b.end());
                assertThat(a.seal()).isEqualTo(LineSource.SEAL_UNKNOWN);
                if (LineSeal.hasSuffix(a) && a.utf8()) {
                    checked++;
                    boolean ok = seal.matches(a);
                    bad += ok ? 0 : 1;
                    assertThat(b.seal()).as("line %d", a.number()).isEqualTo(ok ? LineSource.SEAL_OK : LineSource.SEAL_BAD);
                } else {
                    assertThat(b.seal()).isEqualTo(LineSource.SEAL_UNKNOWN);
                }
            }
        }
        assertThat(checked).isEqualTo(5000);
        assertThat(bad).isEqualTo(52);
    }

    /** The line as the writer seals it: the body's SHA-256 as its last member. */
    private static String sealed(String body) {
        return body.substring(0, body.length() - 1) + ",\"hash\":\"" + TranscriptJson.sha256(body) + "\"}";
    }

    /** Closing a read-ahead source before its end stops its thread (nothing is left reading the file). */
    @Test
    void closingEarlyStopsTheReadingThread(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("t.jsonl");
        java.nio.file.Files.writeString(f, "{\"a\":1}\n".repeat(200_000));
        try (LineSource ahead = new LineSource(f, true)) {
            assertThat(ahead.next().text()).isEqualTo("{\"a\":1}");
        }
        Thread.sleep(50);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("tshoot-transcript-read-ahead"));
    }
}
