package dev.tshoot.transcript;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams a file line by line as raw bytes, telling whether each line ended with a newline (a
 * missing one on the last line is how a torn write shows). The file is read in 64 KiB chunks into
 * one buffer, and a line is handed out as a view of that buffer, without copying it or decoding it
 * to text; {@link #buffer()} and {@link #limit()} let one JSON parser read every complete line of a
 * chunk ({@link LineParser}). Memory is bounded by the longest line.
 */
final class LineSource implements Closeable {

    static final int MAX_LINE = 64 * 1024 * 1024;

    private static final int CHUNK = 1 << 16;

    /**
     * One line: {@code length} bytes of {@code bytes} from {@code offset}, without its newline and
     * without a CR before it (CRLF); a CR at the very end of the file is kept. {@code terminated} is
     * false for a last line without a newline. A line longer than {@link #MAX_LINE} bytes is
     * {@code tooLong} and empty (it is never a valid line). The bytes are the reader's buffer: they
     * hold this line only until the next call of {@link LineSource#next()}.
     */
    record Line(long number, byte[] bytes, int offset, int length, boolean terminated, boolean tooLong, boolean ascii) {
        /** A line read some other way: whether it is ASCII is found out here. */
        Line(long number, byte[] bytes, int offset, int length, boolean terminated, boolean tooLong) {
            this(number, bytes, offset, length, terminated, tooLong, LineSeal.ascii(bytes, offset, offset + length));
        }

        /** Whether the line is well-formed UTF-8 ({@link LineSeal#utf8}); an ASCII line is, without a second look. */
        boolean utf8() {
            return ascii || LineSeal.utf8(bytes, offset, offset + length);
        }

        /** The line decoded as UTF-8 (a malformed sequence becomes U+FFFD). */
        String text() {
            return new String(bytes, offset, length, StandardCharsets.UTF_8);
        }

        /** Offset just past the line's last byte in {@link #bytes()}. */
        int end() {
            return offset + length;
        }
    }

    private final InputStream in;
    private byte[] buf = new byte[CHUNK];
    private int pos;
    private int limit;
    private boolean eof;
    private long number;
    private int generation;
    /** The bytes of the line being scanned or-ed together: a high bit set means it is not ASCII. */
    private long high;

    private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
    private static final long ONES = 0x0101010101010101L;
    static final long HIGH_BITS = 0x8080808080808080L;
    static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    LineSource(Path file) throws IOException {
        dev.tshoot.playbook.BoundedFiles.requireRegular(file, "transcript");
        this.in = Files.newInputStream(file);
    }

    LineSource(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end of the file. */
    Line next() throws IOException {
        int scan = pos;
        boolean tooLong = false;
        high = 0;
        while (true) {
            int nl = newline(scan);
            if (nl >= 0) {
                number++;
                int start = pos;
                pos = nl + 1;
                int raw = nl - start;
                if (tooLong || raw > MAX_LINE) {
                    return new Line(number, buf, start, 0, true, true, true);
                }
                int n = raw > 0 && buf[nl - 1] == '\r' ? raw - 1 : raw;
                return new Line(number, buf, start, n, true, false, (high & HIGH_BITS) == 0);
            }
            scan = limit;
            if (eof) {
                if (pos == limit && !tooLong) {
                    return null;
                }
                number++;
                int start = pos;
                int raw = limit - pos;
                pos = limit;
                boolean over = tooLong || raw > MAX_LINE;
                return new Line(number, buf, start, over ? 0 : raw, false, over, over || (high & HIGH_BITS) == 0);
            }
            if (limit - pos > MAX_LINE) {
                tooLong = true; // never a valid line: drop what was read of it and look for its end
                pos = limit = scan = 0;
                generation++;
            }
            scan -= room();
            fill();
        }
    }

    /** Makes room after {@link #limit}: moves the unfinished line to the front, or grows the buffer; returns by how much it moved. */
    private int room() {
        int moved = 0;
        if (limit == buf.length || pos > buf.length / 2) {
            int keep = limit - pos;
            byte[] to = buf;
            if (keep == buf.length) {
                to = new byte[(int) Math.min((long) MAX_LINE + 1, (long) buf.length * 2)];
            } else if (buf.length > (1 << 20) && keep < CHUNK / 2) {
                to = new byte[CHUNK]; // do not keep a huge buffer after one long line
            }
            System.arraycopy(buf, pos, to, 0, keep);
            buf = to;
            moved = pos;
            pos = 0;
            limit = keep;
            generation++;
        }
        return moved;
    }

    private void fill() throws IOException {
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    /**
     * The offset of the first newline from {@code from}, or -1; the bytes looked at before it are
     * or-ed into {@link #high} (to tell an ASCII line). Eight bytes at a time, with the usual
     * has-a-zero-byte test on the bytes xor-ed with newlines.
     */
    private int newline(int from) {
        byte[] b = buf;
        int end = limit;
        int i = from;
        long acc = high;
        while (i + 8 <= end) {
            long v = (long) LONGS.get(b, i);
            long x = v ^ NEWLINES;
            if (((x - ONES) & ~x & HIGH_BITS) != 0) {
                break; // a newline in these eight: find it byte by byte
            }
            acc |= v;
            i += 8;
        }
        for (; i < end; i++) {
            byte c = b[i];
            if (c == '\n') {
                high = acc;
                return i;
            }
            acc |= c;
        }
        high = acc;
        return -1;
    }

    /** The buffer lines are views of (it changes when {@link #generation()} does). */
    byte[] buffer() {
        return buf;
    }

    /** End of the bytes read so far in {@link #buffer()}: the complete lines before it stay in place until {@link #generation()} changes. */
    int limit() {
        return limit;
    }

    /** Changes whenever bytes in the buffer move, so that a parser over an earlier state is no longer used. */
    int generation() {
        return generation;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
