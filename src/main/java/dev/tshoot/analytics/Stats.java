package dev.tshoot.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.tshoot.engine.SessionEvent;
import dev.tshoot.transcript.TranscriptHeader;
import dev.tshoot.transcript.TranscriptReader;
import dev.tshoot.transcript.TranscriptVerifier;

/**
 * Reads every {@code *.jsonl} file under a folder (sorted by path, sub-folders included), each in
 * one streaming pass that walks its hash chain ({@link TranscriptReader#scan}), and adds each
 * session that verified to its playbook's figures. A file that does not verify is listed with what
 * is wrong and adds nothing; a torn tail (a crash mid-write) counts, as an interrupted session,
 * and is listed too. Events that stats do not use are checked but not built.
 */
public final class Stats {

    /** The event types no figure uses: checked (hash, chain, format) but not built. */
    static final Set<String> SKIMMED = Set.of("prompt-shown", "answer-given", "check-evaluated", "probe-ran");

    /** Gets every event of every session that verified, with its header (for the flat events table); may be null. */
    public interface Rows {
        void session(TranscriptHeader header, List<SessionEvent> events);
    }

    private Stats() {}

    /** The transcript files under {@code folder}, by path. */
    public static List<Path> files(Path folder) {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(p))
                    .sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static StatsReport over(Path folder) {
        return over(folder, (Rows) null);
    }

    /**
     * As {@link #over(Path, List, Rows)} over every transcript under {@code folder}, found as the
     * walk goes (in the folders' own order; the figures do not depend on it, the lists of problems
     * are sorted), so that not even the list of file names grows with the folder.
     */
    public static StatsReport over(Path folder, Rows rows) {
        try (Stream<Path> s = Files.walk(folder)) {
            return over(folder, s.filter(p -> p.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(p))
                    .iterator(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What reading one file gave: its session (or why it was left out), for the in-order merge. */
    private record Read(Path file, TranscriptHeader header, SessionTally tally, List<SessionEvent> events,
            StatsReport.Problem broken, StatsReport.Problem torn) {}

    /**
     * As {@link #over(Path)} over these files; {@code rows} (if not null) also gets each verified
     * session's events. Files are read on as many threads as there are cores (each file on one
     * thread, no read-ahead), at most a few files ahead, and added in the order given, so the report
     * does not depend on the threads and memory stays bounded; {@code rows} runs on the calling thread.
     */
    public static StatsReport over(Path folder, List<Path> files, Rows rows) {
        return over(folder, files.iterator(), rows);
    }

    private static StatsReport over(Path folder, java.util.Iterator<Path> files, Rows rows) {
        Map<String, PlaybookStats> byPlaybook = new TreeMap<>();
        long count = 0;
        List<StatsReport.Problem> broken = new ArrayList<>();
        List<StatsReport.Problem> torn = new ArrayList<>();
        long sessions = 0;
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tshoot-stats");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<Read>> window = new ArrayDeque<>();
            while (files.hasNext() || !window.isEmpty()) {
                while (files.hasNext() && window.size() < threads * 4) {
                    Path f = files.next();
                    count++;
                    window.add(pool.submit(() -> read(f, rows != null)));
                }
                Read r = take(window.poll());
                if (r.broken() != null) {
                    broken.add(r.broken());
                    continue;
                }
                if (r.torn() != null) {
                    torn.add(r.torn());
                }
                TranscriptHeader.PlaybookRef pb = r.header().playbook();
                String version = pb.version() == null ? "" : pb.version();
                r.tally().addTo(byPlaybook.computeIfAbsent(pb.id() + "\u0000" + version, k -> new PlaybookStats(pb.id(), version)));
                sessions++;
                if (rows != null) {
                    rows.session(r.header(), r.events());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        broken.sort(java.util.Comparator.comparing(StatsReport.Problem::file));
        torn.sort(java.util.Comparator.comparing(StatsReport.Problem::file));
        return new StatsReport(folder, count, sessions, List.copyOf(broken), List.copyOf(torn),
                byPlaybook.values().stream().map(PlaybookStats::view).toList());
    }

    private static Read take(Future<Read> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stats was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** One file: streamed and verified; its session, or the problem that leaves it out. */
    private static Read read(Path f, boolean keep) {
        SessionTally tally = new SessionTally();
        List<SessionEvent> kept = keep ? new ArrayList<>() : null;
        Consumer<SessionEvent> sink = kept == null ? e -> e.accept(tally) : e -> {
            e.accept(tally);
            kept.add(e);
        };
        TranscriptReader.Scanned s;
        try {
            s = TranscriptReader.scan(f, h -> sink, keep ? Set.of() : SKIMMED);
        } catch (TranscriptReader.UnreadableException e) {
            return new Read(f, null, null, null, new StatsReport.Problem(f, "UNREADABLE", e.getMessage()), null);
        }
        TranscriptVerifier.Result chain = s.chain();
        if (chain.status() == TranscriptVerifier.Status.BROKEN || chain.status() == TranscriptVerifier.Status.UNREADABLE) {
            return new Read(f, null, null, null, new StatsReport.Problem(f, chain.status().name(), chain.message()), null);
        }
        if (s.notOfTheFormat() != null) {
            return new Read(f, null, null, null, new StatsReport.Problem(f, "NOT_OF_FORMAT", s.notOfTheFormat().getMessage()), null);
        }
        StatsReport.Problem torn = chain.status() == TranscriptVerifier.Status.TORN_TAIL
                ? new StatsReport.Problem(f, chain.status().name(), chain.message()) : null;
        return new Read(f, s.header(), tally, kept, null, torn);
    }
}
