package dev.tshoot.transcript;

import java.io.IOException;
import java.io.InputStream;

/**
 * What {@link LineSource} does, on whichever thread reads: splits a stream into lines that are
 * views of one buffer. Read in 64 KiB chunks; memory is bounded by the longest line. In the
 * {@code fresh} mode a move of the buffer's bytes goes to a new array, so the bytes of a line handed
 * out are never written over and another thread may read them later.
 */
final class LineSplitter {

    private final InputStream in;
    private final boolean fresh;
    private byte[] buf = new byte[LineSource.CHUNK];
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

    /** {@code fresh}: never write over bytes once a line was handed out of them (lines may be read on another thread). */
    LineSplitter(InputStream in, boolean fresh) {
        this.in = in;
        this.fresh = fresh;
    }

    /** The next line, or null at the end of the file. */
    LineSource.Line next() throws IOException {
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
                if (tooLong || raw > LineSource.MAX_LINE) {
                    return new LineSource.Line(number, buf, start, 0, true, true, true);
                }
                int n = raw > 0 && buf[nl - 1] == '\r' ? raw - 1 : raw;
                return new LineSource.Line(number, buf, start, n, true, false, (high & HIGH_BITS) == 0);
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
                boolean over = tooLong || raw > LineSource.MAX_LINE;
                return new LineSource.Line(number, buf, start, over ? 0 : raw, false, over, over || (high & HIGH_BITS) == 0);
            }
            if (limit - pos > LineSource.MAX_LINE) {
                tooLong = true; // never a valid line: drop what was read of it and look for its end
                pos = limit = scan = 0;
                if (fresh) {
                    buf = new byte[LineSource.CHUNK]; // the lines handed out of the old buffer keep it
                }
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
            byte[] to = fresh ? null : buf;
            if (keep == buf.length) {
                to = new byte[(int) Math.min((long) LineSource.MAX_LINE + 1, (long) buf.length * 2)];
            } else if (buf.length > (1 << 20) && keep < LineSource.CHUNK / 2) {
                to = new byte[LineSource.CHUNK]; // do not keep a huge buffer after one long line
            } else if (to == null) {
                to = new byte[Math.max(LineSource.CHUNK, buf.length)];
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

    void close() throws IOException {
        in.close();
    }
}
