package dev.tshoot.analytics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.tshoot.app.Steering;
import dev.tshoot.engine.ConsentPolicy;
import dev.tshoot.engine.Diagnostics;
import dev.tshoot.engine.Session;
import dev.tshoot.engine.SessionEngine;
import dev.tshoot.engine.SessionException;
import dev.tshoot.playbook.Node;
import dev.tshoot.playbook.Nodes;
import dev.tshoot.playbook.OsFamily;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookCatalog;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.playbook.SymptomMatcher;
import dev.tshoot.probe.ProbeRegistry;
import dev.tshoot.transcript.TranscriptHeader;
import dev.tshoot.transcript.TranscriptWriter;
import dev.tshoot.transcript.redact.RedactionRules;

/**
 * Writes realistic, valid transcript sets from the shipped playbooks, for the stats tests and the
 * bench: each session is walked by tshoot's own engine and recorded by its own
 * {@link TranscriptWriter} (hash chain, redaction), with an injected clock and session ids, so the
 * files are exactly what tshoot writes. Deterministic from the seed: the same seed gives the same
 * bytes.
 *
 * <p>What a session does: it starts at the playbook's start, or (one in six) from a symptom match
 * (the note and jump {@link Steering#startAt} makes); answers follow a skewed mix per question (the
 * first-listed choices are not always the popular ones); at each step a user may undo ({@code back},
 * about 7%), add a note, walk away (abandon, about 3%) or be interrupted (about 1%; a third of those
 * leave no {@code session-ended} line, as a crash does); a command is refused about 15% of the
 * time (commands run on the session's OS, probes report plausible facts); at an outcome that hands the case over, two in three sessions continue in the next
 * playbook (the note and jump of {@link Steering#continueAt}). Think times are log-normal around a
 * per-node median of 4 to 90 seconds.
 */
public final class TranscriptGenerator {

    /** What was written. */
    public record Summary(int files, long events, long bytes) {}

    private static final Instant EPOCH = Instant.parse("2026-10-01T08:00:00Z");

    private final List<Playbook> playbooks;
    private final Map<String, Playbook> byId = new LinkedHashMap<>();
    private final boolean lean;

    /**
     * {@code lean}: no optional notes, and no redaction rules (a user may run with none; the writer
     * then only hashes), for a quicker set in the unit tests; the walks are otherwise the same.
     */
    public TranscriptGenerator(List<Playbook> playbooks, boolean lean) {
        this.playbooks = List.copyOf(playbooks);
        this.playbooks.forEach(p -> byId.put(p.id(), p));
        this.lean = lean;
    }

    /** The playbooks of a folder (the shipped ones: {@code playbooks/}), valid ones only, by id. */
    public static List<Playbook> load(Path dir) {
        PlaybookCatalog catalog = new PlaybookCatalog(dir, Set.copyOf(ProbeRegistry.builtin().names()));
        List<Playbook> out = new ArrayList<>();
        for (PlaybookLoader.Result r : catalog.loadAll()) {
            if (!r.valid()) {
                throw new IllegalStateException("a playbook in " + dir + " does not load: " + r.findings());
            }
            out.add(r.playbook());
        }
        out.sort(Comparator.comparing(Playbook::id));
        return out;
    }

    /** Writes {@code sessions} walks into {@code dir} (hand-over continuations add files of their own). */
    public Summary write(Path dir, int sessions, long seed) throws IOException {
        Files.createDirectories(dir);
        Random rnd = new Random(seed);
        int[] files = {0};
        long[] events = {0};
        long[] bytes = {0};
        int serial = 0;
        for (int i = 0; i < sessions; i++) {
            Playbook pb = pick(rnd);
            Instant start = EPOCH.plus(Duration.ofSeconds(rnd.nextInt(30 * 24 * 3600)));
            Node.Outcome handover = null;
            String from = null;
            for (int chain = 0; chain < 3 && pb != null; chain++) {
                serial++;
                Walked w = walk(dir, pb, start, sessionId(seed, serial), rnd, handover, from);
                files[0]++;
                events[0] += w.events;
                bytes[0] += Files.size(w.file);
                if (w.handover == null || rnd.nextInt(3) == 0) {
                    break;
                }
                handover = w.handover;
                from = w.from;
                pb = byId.get(w.handover.handover().playbook());
                start = w.end.plusSeconds(5 + rnd.nextInt(60));
            }
        }
        return new Summary(files[0], events[0], bytes[0]);
    }

    /** A distinct 8-hex-digit id per serial number (an odd multiplier is a bijection mod 2^32). */
    static String sessionId(long seed, int serial) {
        return String.format("%08x", (int) (serial * 0x9E3779B1L ^ seed * 0x85EBCA6BL));
    }

    private Playbook pick(Random rnd) {
        // the nested-virtualization playbook is the common entry, the others less so
        int r = rnd.nextInt(10);
        int idx = r < 5 ? 1 : r < 8 ? 2 : 0;
        return playbooks.get(Math.min(idx, playbooks.size() - 1));
    }

    private record Walked(Path file, long events, Instant end, Node.Outcome handover, String from) {}

    private Walked walk(Path dir, Playbook pb, Instant start, String id, Random rnd, Node.Outcome continued,
            String continuedFrom) throws IOException {
        StepClock clock = new StepClock(start);
        OsFamily os = pickOs(pb, rnd);
        TranscriptHeader header = new TranscriptHeader(TranscriptHeader.FORMAT, TranscriptHeader.FORMAT_VERSION,
                "gen", id, start, new TranscriptHeader.PlaybookRef(pb.id(), pb.metadata().version(),
                        pb.metadata().title(), pb.sha256(), pb.file()),
                new TranscriptHeader.Host(os.id(), "1.0", "amd64", "host-" + rnd.nextInt(500), "user"));
        java.util.function.Consumer<String> warn = m -> {
            throw new IllegalStateException(m);
        };
        TranscriptWriter writer = TranscriptWriter.create(dir, header, false, warn,
                (lean ? RedactionRules.none() : RedactionRules.defaults()).newRedactor(warn));
        clock.instant(); // the header's reading
        SessionEngine engine = new SessionEngine(clock, () -> id);
        Session s = engine.start(id, pb, null, writer, new GenDiagnostics(os, rnd), ConsentPolicy.ASK_ALWAYS, false);
        Node.Outcome handover = null;
        boolean crashed = false;
        try {
            if (continued != null) {
                clock.think(rnd, 3);
                Steering.continueAt(s, continued, continuedFrom);
            } else if (!pb.symptoms().isEmpty() && rnd.nextInt(6) == 0) {
                Playbook.Symptom sym = pb.symptoms().get(rnd.nextInt(pb.symptoms().size()));
                String node = sym.node() == null ? pb.start() : sym.node();
                SymptomMatcher.Candidate c = new SymptomMatcher.Candidate(pb, node, 1,
                        List.of(new SymptomMatcher.Hit(sym.id(), sym.description(), "error text")));
                Steering.startAt(s, c, "error text matching symptom " + sym.id());
            }
            for (int step = 0; s.state() != Session.State.ENDED; step++) {
                if (step > 150) {
                    s.end("interrupted");
                    break;
                }
                switch (s.state()) {
                    case AT_OUTCOME -> {
                        clock.think(rnd, 20);
                        if (rnd.nextInt(25) == 0) {
                            s.back(); // not what they hoped for: undo the last answer
                            continue;
                        }
                        Node.Outcome o = s.outcome();
                        s.end("outcome");
                        if (o != null && o.handover() != null && byId.containsKey(o.handover().playbook())) {
                            handover = o;
                        }
                    }
                    case WAITING_FOR_CONSENT -> {
                        clock.think(rnd, 6);
                        int r = rnd.nextInt(100);
                        s.consent(r < 15 ? Session.Consent.NO
                                : r < 35 && s.pendingCommand().readOnly() ? Session.Consent.ALWAYS : Session.Consent.YES);
                    }
                    case WAITING_FOR_ANSWER, WAITING_FOR_CONFIRMATION -> {
                        Node n = s.current();
                        clock.think(rnd, median(n));
                        int r = rnd.nextInt(1000);
                        if (r < 30) {
                            s.end("user"); // walked away
                        } else if (r < 40) {
                            if (r < 33) {
                                crashed = true; // killed: no session-ended line
                                return done(writer, s, clock, null);
                            }
                            s.end("interrupted");
                        } else if (r < 110 && hasAnswer(s)) {
                            s.back();
                        } else {
                            if (!lean && r >= 990) {
                                s.note("tried it twice, same result");
                            }
                            if (!answer(s, n, rnd)) {
                                s.end("user");
                            }
                        }
                    }
                    case ENDED -> { }
                }
            }
        } catch (SessionException e) {
            throw new IllegalStateException("the generated walk of " + pb.id() + " failed: " + e.getMessage(), e);
        }
        return done(writer, s, clock, crashed ? null : handover);
    }

    private static Walked done(TranscriptWriter writer, Session s, StepClock clock, Node.Outcome handover) {
        writer.close();
        return new Walked(writer.file(), writer.lines() - 1, clock.peek(), handover,
                handover == null ? null : Steering.from(s, handover));
    }

    private static boolean hasAnswer(Session s) {
        return s.route().stream().anyMatch(r -> !"check".equals(r.how()));
    }

    private static OsFamily pickOs(Playbook pb, Random rnd) {
        if (pb.id().contains("linux")) {
            return OsFamily.LINUX;
        }
        if (pb.id().contains("windows")) {
            return OsFamily.WINDOWS;
        }
        int r = rnd.nextInt(10);
        return r < 6 ? OsFamily.WINDOWS : r < 8 ? OsFamily.LINUX : OsFamily.MACOS;
    }

    /** A node's typical think time in seconds, fixed by its id (4 to 90 s; actions take longer). */
    private static double median(Node n) {
        int h = Math.floorMod(n.id().hashCode(), 1000);
        double base = 4 + h % 40;
        return Nodes.kind(n) == Nodes.Kind.ACTION ? base * 2.2 : base;
    }

    /** Answers the question or confirms the action; false when no answer fits (the user gives up). */
    private static boolean answer(Session s, Node n, Random rnd) throws SessionException {
        String a = Nodes.kind(n) == Nodes.Kind.ACTION ? "done" : pickAnswer(Nodes.question(n), rnd);
        if (a == null) {
            return false;
        }
        try {
            s.answer(a);
            return true;
        } catch (SessionException e) {
            return false;
        }
    }

    private static String pickAnswer(Node.Question q, Random rnd) {
        if (q == null) {
            return null;
        }
        int h = q.id().hashCode();
        return switch (q.answer()) {
            case CHOICE -> {
                // skewed weights, their order fixed by the node: 1, 1/2^1.3, 1/3^1.3 ...
                int k = q.choices().size();
                double[] w = new double[k];
                double sum = 0;
                for (int i = 0; i < k; i++) {
                    int rank = Math.floorMod(i + h, k);
                    w[i] = 1 / Math.pow(rank + 1, 1.3);
                    sum += w[i];
                }
                double x = rnd.nextDouble() * sum;
                int i = 0;
                while (i < k - 1 && (x -= w[i]) > 0) {
                    i++;
                }
                yield q.choices().get(i).value();
            }
            case YESNO -> rnd.nextInt(100) < 30 + Math.floorMod(h, 50) ? "yes" : "no";
            case TEXT -> q.pasted() ? (rnd.nextInt(4) == 0 ? "" : PASTES[rnd.nextInt(PASTES.length)]) : "example";
        };
    }

    private static final String[] PASTES = {
        "INFO: /dev/kvm exists\nKVM acceleration can be used",
        "INFO: Your CPU does not support KVM extensions\nKVM acceleration can NOT be used",
        "Architecture: x86_64\nVirtualization: VT-x\nHypervisor vendor: VMware\nVirtualization type: full",
        "Architecture: x86_64\nHypervisor vendor: KVM\nVirtualization type: full",
    };

    /** A clock the walk moves: each reading adds a few milliseconds, each think time the user's pause. */
    static final class StepClock extends Clock {
        private Instant now;

        StepClock(Instant start) {
            this.now = start;
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(ZoneId zone) { return this; }

        @Override public Instant instant() {
            Instant t = now;
            now = now.plusMillis(3);
            return t;
        }

        Instant peek() { return now; }

        /** Log-normal around {@code medianSeconds} (sigma 0.6), at least 300 ms. */
        void think(Random rnd, double medianSeconds) {
            double s = medianSeconds * Math.exp(0.6 * rnd.nextGaussian());
            now = now.plusMillis(Math.max(300, Math.round(s * 1000)));
        }
    }

    /** Commands exit 0 or 1 (sometimes not found), quickly; probes report nothing (as on an unknown host). */
    private static final class GenDiagnostics implements Diagnostics {
        private final OsFamily os;
        private final Random rnd;

        GenDiagnostics(OsFamily os, Random rnd) {
            this.os = os;
            this.rnd = rnd;
        }

        @Override public OsFamily osFamily() { return os; }

        @Override public ProbeData probe(String node, String name) {
            Map<String, Object> facts = new LinkedHashMap<>();
            if ("os".equals(name)) {
                facts.put("family", os.id());
                facts.put("arch", rnd.nextInt(8) == 0 ? "aarch64" : "amd64");
                facts.put("elevated", rnd.nextBoolean());
            } else if ("virtualization".equals(name)) {
                String[] hv = {"vmware", "hyperv", "azure", "kvm", "virtualbox", "none"};
                String h = hv[rnd.nextInt(hv.length)];
                facts.put("hypervisor", h);
                facts.put("confidence", rnd.nextInt(4) == 0 ? "low" : "high");
                facts.put("kvm", rnd.nextBoolean());
                facts.put("traps", rnd.nextBoolean());
            }
            return new ProbeData(name, facts, Map.of(), List.of(), 40 + rnd.nextInt(200), null);
        }

        @Override public CommandData run(CommandRequest request) {
            int r = rnd.nextInt(20);
            if (r == 0) {
                return CommandData.notRun("not_found", "no such program");
            }
            return new CommandData("exited", r < 12 ? 0 : 1, r < 12 ? "ok\n" : "", r < 12 ? "" : "error\n", false, false,
                    true, true, 20 + rnd.nextInt(400), false, null);
        }
    }

    /** For the bench: {@code TranscriptGenerator <dir> <sessions> <seed> [lean]}, prints the summary. */
    public static void main(String[] args) throws IOException {
        TranscriptGenerator g = new TranscriptGenerator(load(Path.of("playbooks")), args.length > 3 && "lean".equals(args[3]));
        Summary s = g.write(Path.of(args[0]), Integer.parseInt(args[1]), Long.parseLong(args[2]));
        System.out.println("{\"files\":" + s.files() + ",\"events\":" + s.events() + ",\"bytes\":" + s.bytes() + "}");
    }
}
