package dev.tshoot.transcript;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
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

    /** One line; {@code terminated} is false for a last line without a newline. */
    record Line(long number, String text, boolean terminated, boolean tooLong) {}

    private final InputStream in;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream(4096);
    private long number;

    LineSource(Path file) throws IOException {
        this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    LineSource(InputStream in) {
        this.in = new BufferedInputStream(in, 1 << 16);
    }

    /** The next line, or null at the end of the file. */
    Line next() throws IOException {
        buf.reset();
        boolean tooLong = false;
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                number++;
                return new Line(number, text(), true, tooLong);
            }
            if (buf.size() < MAX_LINE) {
                buf.write(b);
            } else {
                tooLong = true;
            }
        }
        if (buf.size() == 0 && !tooLong) {
            return null;
        }
        number++;
        return new Line(number, text(), false, tooLong);
    }

    private String text() {
        String s = buf.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
