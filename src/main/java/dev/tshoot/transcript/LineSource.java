package dev.tshoot.transcript;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Streams a file line by line as raw bytes, telling whether each line ended with a newline (a
 * missing one on the last line is how a torn write shows). The file is read in 64 KiB chunks into
 * one buffer, and a line is handed out as a view of that buffer, without copying it or decoding it
 * to text ({@link LineSplitter}); {@link #buffer()} and {@link #limit()} let one JSON parser read
 * every complete line of a chunk ({@link LineParser}). Memory is bounded by the longest line.
 *
 * <p>Read ahead ({@link #LineSource(Path, boolean)}): a second thread splits the file and checks
 * each line's own hash on its bytes ({@link LineSeal}) while this thread reads the lines before;
 * {@link Line#seal()} then holds the result. The lines come out in the same order, of the same bytes
 * (read once, from one stream), so a verdict is the same as reading on one thread; only the work is
 * shared between two cores. At most {@value #AHEAD} batches wait, so memory stays bounded.
 */
final class LineSource implements Closeable {

    static final int MAX_LINE = 64 * 1024 * 1024;

    static final int CHUNK = 1 << 16;

    /** {@link Line#seal()}: not checked (read on one thread, or the line cannot carry a hash). */
    static final byte SEAL_UNKNOWN = 0;
    /** {@link Line#seal()}: the line ends in its hash member and its bytes hash to it. */
    static final byte SEAL_OK = 1;
    /** {@link Line#seal()}: the line ends in a hash member its bytes do not hash to. */
    static final byte SEAL_BAD = 2;

    /**
     * One line: {@code length} bytes of {@code bytes} from {@code offset}, without its newline and
     * without a CR before it (CRLF); a CR at the very end of the file is kept. {@code terminated} is
     * false for a last line without a newline. A line longer than {@link #MAX_LINE} bytes is
     * {@code tooLong} and empty (it is never a valid line). The bytes are the reader's buffer: they
     * hold this line only until the next call of {@link LineSource#next()}. {@code seal}: its own
     * hash checked ahead ({@link #SEAL_OK}, {@link #SEAL_BAD}) or not ({@link #SEAL_UNKNOWN}).
     */
    record Line(long number, byte[] bytes, int offset, int length, boolean terminated, boolean tooLong, boolean ascii,
            byte seal) {
        Line(long number, byte[] bytes, int offset, int length, boolean terminated, boolean tooLong, boolean ascii) {
            this(number, bytes, offset, length, terminated, tooLong, ascii, SEAL_UNKNOWN);
        }

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

    private static final int AHEAD = 4;
    private static final int BATCH_LINES = 1024;
    private static final int BATCH_BYTES = 1 << 20;

    /** A line read ahead, with the buffer's state when it was handed out (what a parser over it may read). */
    private record Ahead(Line line, int limit, int generation) {}

    /** A batch of lines read ahead; {@code end}: the file ends after them; {@code failure}: reading failed after them. */
    private record Batch(Ahead[] lines, int count, boolean end, IOException failure) {}

    private final LineSplitter direct;
    private final BlockingQueue<Batch> queue;
    private final Thread reader;
    private Batch batch;
    private int at;
    private Ahead current;
    private boolean done;

    LineSource(Path file) throws IOException {
        this(file, false);
    }

    /** {@code ahead}: split and hash on a second thread (see the class comment). */
    LineSource(Path file, boolean ahead) throws IOException {
        dev.tshoot.playbook.BoundedFiles.requireRegular(file, "transcript");
        InputStream in = Files.newInputStream(file);
        if (!ahead) {
            direct = new LineSplitter(in, false);
            queue = null;
            reader = null;
            return;
        }
        direct = null;
        queue = new ArrayBlockingQueue<>(AHEAD);
        LineSplitter splitter = new LineSplitter(in, true);
        reader = new Thread(() -> readAhead(splitter), "tshoot-transcript-read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    LineSource(InputStream in) {
        direct = new LineSplitter(in, false);
        queue = null;
        reader = null;
    }

    private void readAhead(LineSplitter s) {
        LineSeal seal = new LineSeal();
        try {
            Ahead[] lines = new Ahead[BATCH_LINES];
            int count = 0;
            long bytes = 0;
            try {
                Line l;
                while ((l = s.next()) != null) {
                    byte checked = SEAL_UNKNOWN;
                    if (!l.tooLong() && LineSeal.hasSuffix(l) && l.utf8()) {
                        checked = seal.matches(l) ? SEAL_OK : SEAL_BAD;
                    }
                    lines[count++] = new Ahead(new Line(l.number(), l.bytes(), l.offset(), l.length(), l.terminated(),
                            l.tooLong(), l.ascii(), checked), s.limit(), s.generation());
                    bytes += l.length();
                    if (count == BATCH_LINES || bytes >= BATCH_BYTES) {
                        queue.put(new Batch(lines, count, false, null));
                        lines = new Ahead[BATCH_LINES];
                        count = 0;
                        bytes = 0;
                    }
                }
                queue.put(new Batch(lines, count, true, null));
            } catch (IOException e) {
                queue.put(new Batch(lines, count, true, e));
            } catch (RuntimeException e) {
                queue.put(new Batch(lines, count, true, new IOException(e.toString(), e)));
            }
        } catch (InterruptedException e) {
            // closed before the end: nothing more is wanted
        } finally {
            try {
                s.close();
            } catch (IOException e) {
                // nothing was written: closing a read stream cannot lose anything
            }
        }
    }

    /** The next line, or null at the end of the file. */
    Line next() throws IOException {
        if (direct != null) {
            return direct.next();
        }
        while (batch == null || at == batch.count()) {
            if (done) {
                return null;
            }
            if (batch != null && batch.end()) {
                done = true;
                if (batch.failure() != null) {
                    throw batch.failure();
                }
                return null;
            }
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the transcript");
            }
            at = 0;
        }
        current = batch.lines()[at];
        batch.lines()[at++] = null; // let the batch's buffers go as they are read
        return current.line();
    }

    /** The buffer lines are views of (it changes when {@link #generation()} does). */
    byte[] buffer() {
        return direct != null ? direct.buffer() : current == null ? new byte[0] : current.line().bytes();
    }

    /** End of the bytes read so far in {@link #buffer()}: the complete lines before it stay in place until {@link #generation()} changes. */
    int limit() {
        return direct != null ? direct.limit() : current == null ? 0 : current.limit();
    }

    /** Changes whenever bytes in the buffer move, so that a parser over an earlier state is no longer used. */
    int generation() {
        return direct != null ? direct.generation() : current == null ? 0 : current.generation();
    }

    @Override
    public void close() throws IOException {
        if (direct != null) {
            direct.close();
            return;
        }
        reader.interrupt();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
