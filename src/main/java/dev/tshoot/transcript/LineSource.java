package dev.tshoot.transcript;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams a file line by line as raw text, telling whether each line ended with a newline (a
 * missing one on the last line is how a torn write shows). Memory is bounded by the longest line.
 */
final class LineSource implements Closeable {

    static final int MAX_LINE = 64 * 1024 * 1024;

    /**
     * One line; {@code terminated} is false for a last line without a newline. A line longer than
     * {@link #MAX_LINE} is {@code tooLong} and its text is left empty (it is never a valid line).
     */
    record Line(long number, String text, boolean terminated, boolean tooLong) {}

    private final InputStream in;
    private final byte[] chunk = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private byte[] line = new byte[4096];
    private int length;
    private long number;

    LineSource(Path file) throws IOException {
        dev.tshoot.playbook.BoundedFiles.requireRegular(file, "transcript");
        this.in = Files.newInputStream(file);
    }

    LineSource(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end of the file. Reads in 64 KiB chunks and scans them for newlines. */
    Line next() throws IOException {
        length = 0;
        boolean tooLong = false;
        while (true) {
            if (pos == limit) {
                if (eof || !fill()) {
                    break;
                }
            }
            int start = pos;
            int nl = -1;
            for (int i = pos; i < limit; i++) {
                if (chunk[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int end = nl >= 0 ? nl : limit;
            tooLong |= !keep(start, end - start);
            pos = nl >= 0 ? nl + 1 : limit;
            if (nl >= 0) {
                number++;
                return new Line(number, tooLong ? "" : text(true), true, tooLong);
            }
        }
        if (length == 0 && !tooLong) {
            return null;
        }
        number++;
        return new Line(number, tooLong ? "" : text(false), false, tooLong);
    }

    private boolean fill() throws IOException {
        int n = in.read(chunk, 0, chunk.length);
        if (n <= 0) {
            eof = true;
            pos = limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /** Appends bytes to the current line up to MAX_LINE; false when some had to be dropped. */
    private boolean keep(int from, int count) {
        int room = MAX_LINE - length;
        int take = Math.min(room, count);
        if (take > 0) {
            if (length + take > line.length) {
                line = java.util.Arrays.copyOf(line, (int) Math.min(MAX_LINE, Math.max((long) line.length * 2, length + take)));
            }
            System.arraycopy(chunk, from, line, length, take);
            length += take;
        }
        return take == count;
    }

    /** The line as text; a CR before the newline (CRLF) is dropped, a CR at the very end of the file is kept. */
    private String text(boolean terminated) {
        int n = terminated && length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        String s = new String(line, 0, n, StandardCharsets.UTF_8);
        if (line.length > (1 << 20)) {
            line = new byte[4096]; // do not keep a huge buffer after one long line
        }
        return s;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
