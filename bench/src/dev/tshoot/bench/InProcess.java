package dev.tshoot.bench;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

import dev.tshoot.engine.Session;
import dev.tshoot.engine.SessionEngine;
import dev.tshoot.engine.SessionEvent;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.probe.HostReader;
import dev.tshoot.probe.ProbeRegistry;
import dev.tshoot.probe.ProbeResult;
import dev.tshoot.probe.oshi.OshiHostReader;
import dev.tshoot.testing.PlaybookGenerator;
import dev.tshoot.transcript.HostSummary;
import dev.tshoot.transcript.Recorder;
import dev.tshoot.transcript.ReplayVerifier;
import dev.tshoot.transcript.TranscriptVerifier;
import dev.tshoot.transcript.TranscriptHeader;
import dev.tshoot.transcript.TranscriptWriter;

/**
 * The in-process measurements of bench/run: plain Java, warm-up rounds first, then measured rounds;
 * every result is one JSON line on standard output (bench/bench.py makes the table). Subject and
 * baseline are interleaved round by round, so drift on the shared machine hits both alike.
 *
 * <pre>
 *   lint &lt;dir&gt; &lt;nodes...&gt;        load + lint of generated playbooks vs a plain Jackson YAML parse
 *   append &lt;dir&gt;                 TranscriptWriter (fsync on/off) vs plain buffered append + flush
 *   gen-transcript &lt;file&gt; &lt;events&gt; record a long valid session (answer/back cycles, fixed clock)
 *   replay &lt;file&gt; &lt;rounds&gt;        ReplayVerifier and TranscriptVerifier vs a streaming Jackson parse of the same file
 *   replay-mem &lt;file&gt;             one replay; live heap after GC and peak RSS (run in its own JVM)
 *   probe-warm &lt;rounds&gt;            the virtualization probe, repeatedly, in this JVM
 *   regex &lt;dir&gt; &lt;rounds&gt;          match with a catastrophic symptom; the (?s).*X.* idiom on 1 and 16 MiB ({@link RegexBench})
 *   gen-stats &lt;dir&gt; &lt;parts&gt; &lt;sessions&gt; generated transcripts ({@link StatsBench}), parts of that many sessions
 *   stats &lt;rounds&gt; &lt;dir&gt;...        tshoot stats over the folders vs a streaming Jackson parse of the same files
 *   stats-mem &lt;dir&gt;                one stats run over a folder; live heap after GC and peak RSS (run in its own JVM)
 * </pre>
 */
public final class InProcess {

    static final Path PLAYBOOK = Path.of("playbooks/docker-desktop-nested-virtualization.yaml");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "lint" -> lint(Path.of(args[1]), Arrays.stream(args).skip(2).mapToInt(Integer::parseInt).toArray());
            case "append" -> append(Path.of(args[1]));
            case "gen-transcript" -> genTranscript(Path.of(args[1]), Long.parseLong(args[2]));
            case "replay" -> replay(Path.of(args[1]), Integer.parseInt(args[2]));
            case "replay-mem" -> replayMem(Path.of(args[1]));
            case "probe-warm" -> probeWarm(Integer.parseInt(args[1]));
            case "regex" -> RegexBench.run(Path.of(args[1]), Integer.parseInt(args[2]));
            case "gen-stats" -> StatsBench.generate(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "stats" -> StatsBench.compare(Integer.parseInt(args[1]), Arrays.stream(args).skip(2).map(Path::of).toList());
            case "stats-mem" -> StatsBench.memory(Arrays.stream(args).skip(1).map(Path::of).toList());
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    // ---------------------------------------------------------------- output

    static void emit(String id, String unit, List<Double> samples, Map<String, Object> extra) throws IOException {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", id);
        m.put("unit", unit);
        m.put("samples", samples);
        m.putAll(extra);
        System.out.println(new ObjectMapper().writeValueAsString(m));
        System.out.flush();
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static void quiet(String what) {
        System.err.println("bench: " + what);
    }

    // ---------------------------------------------------------------- lint

    static void lint(Path dir, int[] sizes) throws Exception {
        Files.createDirectories(dir);
        Set<String> probes = Set.copyOf(ProbeRegistry.builtin().names());
        PlaybookLoader loader = new PlaybookLoader(probes, new PlaybookLoader.Limits(1 << 30, 64));
        LoaderOptions lo = new LoaderOptions();
        lo.setCodePointLimit(Integer.MAX_VALUE);
        ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder().loaderOptions(lo).build());
        for (int size : sizes) {
            String id = "gen-" + size;
            Path file = dir.resolve(id + ".yaml");
            Files.write(file, PlaybookGenerator.generate(id, size));
            PlaybookLoader.Result check = loader.load(file);
            if (!check.findings().isEmpty()) {
                throw new IllegalStateException("generated playbook has findings: " + check.findings().get(0).format());
            }
            int nodes = check.playbook().nodes().size();
            int warm = size <= 1_000 ? 15 : size <= 10_000 ? 5 : 2;
            int rounds = size <= 1_000 ? 21 : size <= 10_000 ? 11 : 5;
            List<Double> tshoot = new ArrayList<>();
            List<Double> jackson = new ArrayList<>();
            for (int i = 0; i < warm + rounds; i++) {
                long t0 = System.nanoTime();
                PlaybookLoader.Result r = loader.load(file);
                long t1 = System.nanoTime();
                Object tree = yaml.readTree(Files.readAllBytes(file));
                long t2 = System.nanoTime();
                if (r.playbook() == null || tree == null) {
                    throw new IllegalStateException();
                }
                if (i >= warm) {
                    tshoot.add(ms(t1 - t0));
                    jackson.add(ms(t2 - t1));
                }
            }
            Map<String, Object> extra = Map.of("nodes", nodes, "bytes", Files.size(file));
            emit("lint-" + size, "ms", tshoot, extra);
            emit("yaml-" + size, "ms", jackson, extra);
            Files.delete(file);
        }
    }

    // ---------------------------------------------------------------- transcripts

    /** Advances one millisecond per reading: deterministic, always increasing event times. */
    static final class FixedClock extends Clock {
        private Instant now = Instant.parse("2026-01-02T03:04:05Z");

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(ZoneId zone) { return this; }

        @Override public synchronized Instant instant() {
            Instant t = now;
            now = now.plus(Duration.ofMillis(1));
            return t;
        }
    }

    static SessionEngine engine() {
        AtomicInteger n = new AtomicInteger();
        Supplier<String> ids = () -> String.format("b%07x", n.incrementAndGet());
        return new SessionEngine(new FixedClock(), ids);
    }

    static Playbook shippedPlaybook() {
        PlaybookLoader.Result r = new PlaybookLoader().load(PLAYBOOK);
        if (!r.valid()) {
            throw new IllegalStateException("the shipped playbook does not load: " + r.findings());
        }
        return r.playbook();
    }

    /** One answer/back cycle: two answers, then back twice (12 events), with a note now and then. */
    static void cycle(Session s, long i) throws Exception {
        s.answer("1");
        s.answer("1");
        s.back();
        s.back();
        if (i % 100 == 0) {
            s.note("cycle " + i + ": still at the first question");
        }
    }

    static void genTranscript(Path file, long events) throws Exception {
        Path dir = Files.createTempDirectory(file.toAbsolutePath().getParent(), "gen");
        Playbook pb = shippedPlaybook();
        Recorder.Recorded rec = new Recorder(engine(), dir, "bench", false).start(pb, w -> {
            throw new IllegalStateException(w);
        });
        Session s = rec.session();
        for (long i = 0; rec.writer().lines() < events - 10; i++) {
            cycle(s, i);
        }
        s.answer("1");
        s.answer("1");
        s.end("user");
        rec.writer().close();
        Files.move(rec.writer().file(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.delete(dir);
        emit("gen-" + events, "events", List.of((double) (rec.writer().lines() - 1)), Map.of("bytes", Files.size(file)));
    }

    static void append(Path dir) throws Exception {
        Files.createDirectories(dir);
        Playbook pb = shippedPlaybook();
        List<SessionEvent> events = new ArrayList<>();
        Session s = engine().start("b0000001", pb, events::add);
        for (long i = 0; events.size() < 20_000; i++) {
            cycle(s, i);
        }
        TranscriptHeader header = new TranscriptHeader(TranscriptHeader.FORMAT, TranscriptHeader.FORMAT_VERSION, "bench",
                "b0000001", Instant.parse("2026-01-02T03:04:05Z"),
                new TranscriptHeader.PlaybookRef(pb.id(), pb.metadata().version(), pb.metadata().title(), pb.sha256(),
                        pb.file()), HostSummary.current());
        // the exact bytes TranscriptWriter produces, for the plain baselines
        Path reference;
        try (TranscriptWriter w = TranscriptWriter.create(dir.resolve("ref"), header, false, m -> { })) {
            events.forEach(w::accept);
            reference = w.file();
        }
        List<byte[]> lines = new ArrayList<>();
        for (String l : Files.readAllLines(reference, StandardCharsets.UTF_8)) {
            lines.add((l + "\n").getBytes(StandardCharsets.UTF_8));
        }
        lines = lines.subList(1, lines.size()); // events only; the header is written at create time
        int many = events.size();
        int few = Integer.getInteger("bench.fsyncEvents", 1_000);
        List<Double> wNoSync = new ArrayList<>();
        List<Double> plainFlush = new ArrayList<>();
        List<Double> wSync = new ArrayList<>();
        List<Double> plainSync = new ArrayList<>();
        int warm = 2;
        int rounds = 7;
        for (int round = 0; round < warm + rounds; round++) {
            Path d = Files.createDirectories(dir.resolve("r" + round));
            double a = writerPerEvent(d.resolve("nosync"), header, events.subList(0, many), false);
            double b = plainPerEvent(d.resolve("plain.jsonl"), lines.subList(0, many), false);
            double c = writerPerEvent(d.resolve("sync"), header, events.subList(0, few), true);
            double e = plainPerEvent(d.resolve("plain-sync.jsonl"), lines.subList(0, few), true);
            if (round >= warm) {
                wNoSync.add(a);
                plainFlush.add(b);
                wSync.add(c);
                plainSync.add(e);
            }
            deleteTree(d);
        }
        deleteTree(dir.resolve("ref"));
        long bytes = lines.stream().mapToLong(l -> l.length).sum();
        emit("append-writer-nosync", "us/event", wNoSync, Map.of("events", many, "bytesPerEvent", bytes / many));
        emit("append-plain-flush", "us/event", plainFlush, Map.of("events", many));
        emit("append-writer-fsync", "us/event", wSync, Map.of("events", few));
        emit("append-plain-fsync", "us/event", plainSync, Map.of("events", few));
    }

    static double writerPerEvent(Path dir, TranscriptHeader h, List<SessionEvent> events, boolean fsync) throws IOException {
        try (TranscriptWriter w = TranscriptWriter.create(dir, h, fsync, m -> {
            throw new IllegalStateException(m);
        })) {
            long t0 = System.nanoTime();
            for (SessionEvent e : events) {
                w.accept(e);
            }
            return (System.nanoTime() - t0) / 1e3 / events.size();
        }
    }

    static double plainPerEvent(Path file, List<byte[]> lines, boolean fsync) throws IOException {
        try (FileOutputStream fos = new FileOutputStream(file.toFile(), true);
                OutputStream out = new BufferedOutputStream(fos, 8192)) {
            FileChannel ch = fos.getChannel();
            long t0 = System.nanoTime();
            for (byte[] l : lines) {
                out.write(l);
                out.flush();
                if (fsync) {
                    ch.force(false);
                }
            }
            return (System.nanoTime() - t0) / 1e3 / lines.size();
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    // ---------------------------------------------------------------- replay

    static void replay(Path file, int rounds) throws Exception {
        Playbook pb = shippedPlaybook();
        JsonFactory json = new JsonFactory();
        List<Double> tshoot = new ArrayList<>();
        List<Double> verify = new ArrayList<>();
        List<Double> jackson = new ArrayList<>();
        long events = 0;
        for (int i = 0; i < rounds + 1; i++) {
            long t0 = System.nanoTime();
            ReplayVerifier.Report r = new ReplayVerifier(engine()).verify(file, pb);
            long t1 = System.nanoTime();
            TranscriptVerifier.Result v = new TranscriptVerifier().verify(file);
            long t2 = System.nanoTime();
            long tokens = 0;
            try (InputStream in = Files.newInputStream(file); JsonParser p = json.createParser(in)) {
                while (p.nextToken() != null) {
                    tokens++;
                }
            }
            long t3 = System.nanoTime();
            if (!r.same() || tokens == 0) {
                throw new IllegalStateException("replay diverged: " + r.divergence());
            }
            if (v.status() != TranscriptVerifier.Status.OK) {
                throw new IllegalStateException("verify failed: " + v.message());
            }
            events = r.eventsRead();
            if (i > 0) { // the first round warms up
                tshoot.add(ms(t1 - t0));
                verify.add(ms(t2 - t1));
                jackson.add(ms(t3 - t2));
            }
        }
        Map<String, Object> extra = Map.of("events", events, "bytes", Files.size(file));
        emit("replay-" + events, "ms", tshoot, extra);
        emit("verify-" + events, "ms", verify, extra);
        emit("jsonparse-" + events, "ms", jackson, extra);
    }

    static void replayMem(Path file) throws Exception {
        Playbook pb = shippedPlaybook();
        ReplayVerifier.Report r = new ReplayVerifier(engine()).verify(file, pb);
        if (!r.same()) {
            throw new IllegalStateException("replay diverged: " + r.divergence());
        }
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long hwm = 0;
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmHWM:")) {
                hwm = Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        // the report is still referenced here, so what it holds is counted
        emit("replaymem-" + r.eventsRead(), "MiB", List.of(heap.getUsed() / 1048576.0),
                Map.of("events", r.eventsRead(), "peakRssMiB", hwm / 1048576.0, "maxHeapMiB",
                        Runtime.getRuntime().maxMemory() / 1048576.0, "routeNodes", r.path().size()));
    }

    // ---------------------------------------------------------------- probe

    static void probeWarm(int rounds) throws Exception {
        ProbeRegistry registry = ProbeRegistry.builtin();
        HostReader host = new OshiHostReader();
        List<Double> samples = new ArrayList<>();
        List<Double> first = new ArrayList<>();
        for (int i = 0; i < rounds + 3; i++) {
            long t0 = System.nanoTime();
            ProbeResult r = registry.run("virtualization", host);
            long t1 = System.nanoTime();
            if (r == null) {
                throw new IllegalStateException();
            }
            if (i == 0) {
                first.add(ms(t1 - t0));
            } else if (i >= 3) {
                samples.add(ms(t1 - t0));
            }
        }
        emit("probe-warm", "ms", samples, Map.of("firstInJvmMs", first.get(0)));
    }

    static {
        Locale.setDefault(Locale.ROOT);
    }
}
