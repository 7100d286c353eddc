package dev.tshoot.transcript;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

import dev.tshoot.engine.SessionEvent;

/**
 * Hands the events of a {@link TranscriptPass} to their sink on a thread of its own, in the order
 * they were read, so that decoding the next lines and re-walking the earlier ones share two cores.
 * Events travel in batches of at most {@value #BATCH} events or {@value #BATCH_BYTES} bytes of
 * their lines, and at most {@value #AHEAD} batches wait, so memory stays bounded whatever the lines
 * hold. The sink sees exactly what it would see called directly; {@link #finish} waits for it to
 * take the last event and rethrows what it threw.
 */
final class SinkThread implements AutoCloseable {

    private static final int BATCH = 256;
    private static final int BATCH_BYTES = 1 << 20;
    private static final int AHEAD = 3;
    private static final Object SKIMMED = new Object();
    private static final Object SKIPPED = new Object();
    private static final Object[] END = new Object[0];

    private final Consumer<SessionEvent> sink;
    private final Runnable skimmed;
    private final Runnable skipped;
    private final BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread thread;
    private volatile Throwable failure;
    private Object[] batch = new Object[BATCH + 1];
    private int count;
    private long bytes;
    private boolean finished;

    SinkThread(Consumer<SessionEvent> sink, Runnable skimmed, Runnable skipped) {
        this.sink = sink;
        this.skimmed = skimmed;
        this.skipped = skipped;
        thread = new Thread(this::drain, "tshoot-transcript-sink");
        thread.setDaemon(true);
        thread.start();
    }

    /** An event decoded from a line of {@code lineBytes} bytes. */
    void event(SessionEvent e, int lineBytes) throws InterruptedException {
        add(e, lineBytes);
    }

    /** A line checked and not built. */
    void skimmed() throws InterruptedException {
        add(SKIMMED, 0);
    }

    /** A line left out. */
    void skipped() throws InterruptedException {
        add(SKIPPED, 0);
    }

    private void add(Object o, int lineBytes) throws InterruptedException {
        batch[count++] = o;
        bytes += lineBytes;
        if (count == BATCH || bytes >= BATCH_BYTES) {
            flush();
        }
    }

    private void flush() throws InterruptedException {
        Object[] b = batch;
        b[BATCH] = count; // the count rides in the last slot
        send(b);
        batch = new Object[BATCH + 1];
        count = 0;
        bytes = 0;
    }

    /** Hands over what is left, waits until the sink took it all, and rethrows what the sink threw. */
    void finish() throws InterruptedException {
        flush();
        send(END);
        finished = true;
        thread.join();
        rethrow();
    }

    /** Queues a batch, waiting while the sink is busy, unless the sink has failed (then its failure is thrown). */
    private void send(Object[] b) throws InterruptedException {
        while (!queue.offer(b, 20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            rethrow();
        }
        rethrow(); // the sink failed: reading on is pointless
    }

    private void rethrow() {
        Throwable f = failure;
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
    }

    private void drain() {
        try {
            while (true) {
                Object[] b = queue.take();
                if (b == END) {
                    return;
                }
                int n = (Integer) b[BATCH];
                for (int i = 0; i < n && failure == null; i++) {
                    Object o = b[i];
                    if (o == SKIMMED) {
                        skimmed.run();
                    } else if (o == SKIPPED) {
                        skipped.run();
                    } else {
                        sink.accept((SessionEvent) o);
                    }
                }
            }
        } catch (InterruptedException e) {
            // given up: the pass ended early
        } catch (RuntimeException | Error e) {
            failure = e; // the reader sees it at its next batch
            queue.clear();
        }
    }

    /** Stops the thread when the pass ends without {@link #finish} (a failure while reading). */
    @Override
    public void close() {
        if (!finished) {
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
