package dev.tshoot.probe.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Drains one output stream of a child process until end of stream, keeping only the first
 * {@code cap} bytes, plus up to {@link #PAST_CAP} bytes that follow the cap: they decide whether the
 * cap split a UTF-8 character, and they let the redactor see a secret the cap cuts through whole
 * (they are never shown, recorded or seen by a condition). Everything after that is read and
 * discarded so the child never blocks on a full pipe, and memory stays bounded by the cap however
 * much the child prints.
 *
 * <p>Lifecycle: {@link #startThread(String)} starts the reader thread <em>before</em> the process
 * is started, {@link #attach(InputStream, String)} hands it the stream right after (or
 * {@link #abandon()} if the process did not start). A thread that is already running takes hold
 * of the stream within microseconds, which matters for the exit-hook race described in
 * {@link #run()}. {@link #snapshot()} may be called from any thread at any time, including while
 * reading is still going on.
 */
final class StreamCapture implements Runnable {

    private static final int CHUNK = 64 * 1024;
    private static final int INITIAL_CAPACITY = 8 * 1024;
    /** How much of what follows the cap is kept for the redactor: more than any secret shape it knows. */
    static final int PAST_CAP = 16 * 1024;

    /** Captured text and the facts about it. */
    record Snapshot(String text, boolean truncated, boolean validUtf8, long totalBytes,
                    boolean finished, IOException failure, String pastCap) { }

    private final CompletableFuture<Attachment> source = new CompletableFuture<>();
    private final int cap;
    private final CountDownLatch done = new CountDownLatch(1);

    // guarded by this
    private byte[] buf;
    private int len;
    private final byte[] lookahead = new byte[PAST_CAP];
    private int lookaheadLen;
    private long total;
    private IOException failure;

    private record Attachment(InputStream stream, String threadName) { }

    StreamCapture(long cap) {
        this.cap = (int) Math.min(cap, ProcessSpec.MAX_OUTPUT_BYTES_LIMIT);
        this.buf = new byte[Math.min(this.cap, INITIAL_CAPACITY)];
    }

    /** Starts the (daemon) reader thread, which waits for {@link #attach} or {@link #abandon}. */
    void startThread(String name) {
        Thread t = new Thread(this, name);
        t.setDaemon(true);
        t.start();
    }

    /** Hands the stream to the reader thread, which renames itself {@code threadName}. */
    void attach(InputStream stream, String threadName) {
        source.complete(new Attachment(stream, threadName));
    }

    /** Releases the reader thread without a stream (the process did not start). */
    void abandon() {
        source.complete(null);
    }

    @Override
    public void run() {
        Attachment attachment;
        try {
            attachment = source.join();
        } catch (RuntimeException e) {
            attachment = null;
        }
        if (attachment == null) {
            done.countDown();
            return;
        }
        try {
            Thread.currentThread().setName(attachment.threadName());
        } catch (RuntimeException ignored) {
            // cosmetic only
        }
        try (InputStream stream = attachment.stream()) {
            byte[] chunk = new byte[CHUNK];
            // Hold the stream's monitor for the whole drain. On POSIX the JDK's exit hook
            // (ProcessImpl.ProcessPipeInputStream.processExited, synchronized on the stream) would
            // otherwise, as soon as the direct child exits, slurp whatever is currently available
            // into an unbounded array and close our end of the pipe: output a background
            // descendant writes after that would be lost, and a descendant that keeps writing
            // would make the JDK buffer without limit. Holding the monitor makes the hook wait
            // until we reach the real end of the stream, so the cap applies to everything.
            // (If the child exits before we get here the hook wins: it keeps what was already
            // written, but later output from background descendants is lost. Starting this thread
            // before the process keeps that window to a few microseconds.)
            synchronized (stream) {
                int n;
                while ((n = stream.read(chunk)) != -1) {
                    append(chunk, n);
                }
            }
        } catch (IOException e) {
            synchronized (this) {
                failure = e;
            }
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                failure = new IOException("reader failed: " + e, e);
            }
        } finally {
            done.countDown();
        }
    }

    private synchronized void append(byte[] chunk, int n) {
        total += n;
        int keep = Math.min(cap - len, n);
        if (keep > 0) {
            if (len + keep > buf.length) {
                // Grow geometrically, never beyond the cap.
                buf = Arrays.copyOf(buf, (int) Math.min(cap, Math.max(len + keep, 2L * buf.length)));
            }
            System.arraycopy(chunk, 0, buf, len, keep);
            len += keep;
        }
        int extra = Math.min(n - keep, lookahead.length - lookaheadLen);
        if (extra > 0) {
            System.arraycopy(chunk, keep, lookahead, lookaheadLen, extra);
            lookaheadLen += extra;
        }
    }

    /** Waits until end of stream (or a read failure); {@code true} if reading has finished. */
    boolean await(long nanos) throws InterruptedException {
        return done.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    boolean finished() {
        return done.getCount() == 0;
    }

    /** The bytes captured so far, decoded. Safe to call while the reader is still running. */
    Snapshot snapshot() {
        boolean isFinished = finished();
        byte[] bytes;
        byte[] look;
        int n;
        int lookN;
        long seen;
        IOException err;
        synchronized (this) {
            bytes = isFinished ? buf : Arrays.copyOf(buf, len);
            n = len;
            look = lookahead.clone();
            lookN = lookaheadLen;
            seen = total;
            err = failure;
        }
        boolean truncated = seen > cap;
        int end = Utf8Text.textEnd(bytes, n, look, lookN, truncated);
        Utf8Text.Decoded decoded = Utf8Text.decodeStrict(bytes, end);
        String past = "";
        if (truncated) {
            byte[] rest = Arrays.copyOfRange(bytes, end, n + lookN);
            System.arraycopy(look, 0, rest, n - end, lookN);
            past = Utf8Text.decodeStrict(rest, rest.length).text();
        }
        return new Snapshot(decoded.text(), truncated, decoded.valid(), seen, isFinished, err, past);
    }
}
