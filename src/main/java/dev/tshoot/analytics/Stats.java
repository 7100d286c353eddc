package dev.tshoot.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
        return over(folder, files(folder), null);
    }

    /** As {@link #over(Path)} over these files; {@code rows} (if not null) also gets each verified session's events. */
    public static StatsReport over(Path folder, List<Path> files, Rows rows) {
        Map<String, PlaybookStats> byPlaybook = new TreeMap<>();
        List<StatsReport.Problem> broken = new ArrayList<>();
        List<StatsReport.Problem> torn = new ArrayList<>();
        long sessions = 0;
        for (Path f : files) {
            SessionTally tally = new SessionTally();
            List<SessionEvent> kept = rows == null ? null : new ArrayList<>();
            Consumer<SessionEvent> sink = kept == null ? e -> e.accept(tally) : e -> {
                e.accept(tally);
                kept.add(e);
            };
            TranscriptReader.Scanned s;
            try {
                s = TranscriptReader.scan(f, h -> sink, rows == null ? SKIMMED : Set.of());
            } catch (TranscriptReader.UnreadableException e) {
                broken.add(new StatsReport.Problem(f, "UNREADABLE", e.getMessage()));
                continue;
            }
            TranscriptVerifier.Result chain = s.chain();
            if (chain.status() == TranscriptVerifier.Status.BROKEN || chain.status() == TranscriptVerifier.Status.UNREADABLE) {
                broken.add(new StatsReport.Problem(f, chain.status().name(), chain.message()));
                continue;
            }
            if (s.notOfTheFormat() != null) {
                broken.add(new StatsReport.Problem(f, "NOT_OF_FORMAT", s.notOfTheFormat().getMessage()));
                continue;
            }
            if (chain.status() == TranscriptVerifier.Status.TORN_TAIL) {
                torn.add(new StatsReport.Problem(f, chain.status().name(), chain.message()));
            }
            TranscriptHeader.PlaybookRef pb = s.header().playbook();
            String version = pb.version() == null ? "" : pb.version();
            tally.addTo(byPlaybook.computeIfAbsent(pb.id() + "\u0000" + version, k -> new PlaybookStats(pb.id(), version)));
            sessions++;
            if (rows != null) {
                rows.session(s.header(), kept);
            }
        }
        return new StatsReport(folder, files.size(), sessions, List.copyOf(broken), List.copyOf(torn),
                byPlaybook.values().stream().map(PlaybookStats::view).toList());
    }
}
