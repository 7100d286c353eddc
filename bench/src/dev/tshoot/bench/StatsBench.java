package dev.tshoot.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;

import dev.tshoot.analytics.Stats;
import dev.tshoot.analytics.StatsReport;
import dev.tshoot.analytics.TranscriptGenerator;
import dev.tshoot.playbook.Playbook;

/**
 * The stats rows of bench/run: transcripts generated from the shipped playbooks (test sources'
 * {@link TranscriptGenerator}, in parts of a fixed number of sessions, two parts at a time), then
 * {@code Stats.over} (what {@code tshoot stats} runs: every chain walked, every event read)
 * against a streaming Jackson parse of every token of the same files, interleaved round by round.
 */
final class StatsBench {

    private StatsBench() {}

    static void generate(Path dir, int parts, int sessions) throws Exception {
        List<Playbook> playbooks = TranscriptGenerator.load(Path.of("playbooks"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<TranscriptGenerator.Summary>> done = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            int part = i;
            done.add(pool.submit(() -> new TranscriptGenerator(playbooks, false)
                    .write(dir.resolve(String.format("part%02d", part)), sessions, 4242 + part)));
        }
        long files = 0;
        long events = 0;
        long bytes = 0;
        for (Future<TranscriptGenerator.Summary> f : done) {
            TranscriptGenerator.Summary s = f.get();
            files += s.files();
            events += s.events();
            bytes += s.bytes();
        }
        pool.shutdown();
        InProcess.emit("gen-stats", "files", List.of((double) files), Map.of("events", events, "bytes", bytes,
                "sessions", (long) parts * sessions));
    }

    static List<Path> files(List<Path> dirs) {
        List<Path> all = new ArrayList<>();
        dirs.forEach(d -> all.addAll(Stats.files(d)));
        return all;
    }

    static void compare(int rounds, List<Path> dirs) throws Exception {
        List<Path> files = files(dirs);
        JsonFactory json = new JsonFactory();
        List<Double> tshoot = new ArrayList<>();
        List<Double> jackson = new ArrayList<>();
        long sessions = 0;
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        for (int i = 0; i < rounds + 1; i++) {
            long t0 = System.nanoTime();
            StatsReport r = Stats.over(dirs.get(0).getParent(), files, null);
            long t1 = System.nanoTime();
            long tokens = 0;
            for (Path f : files) {
                try (InputStream in = Files.newInputStream(f); JsonParser p = json.createParser(in)) {
                    while (p.nextToken() != null) {
                        tokens++;
                    }
                }
            }
            long t2 = System.nanoTime();
            if (!r.broken().isEmpty() || tokens == 0) {
                throw new IllegalStateException("stats left files out: " + r.broken().get(0));
            }
            sessions = r.sessions();
            if (i > 0) { // the first round warms up
                tshoot.add(InProcess.ms(t1 - t0));
                jackson.add(InProcess.ms(t2 - t1));
            }
            InProcess.quiet("stats round " + (i + 1) + "/" + (rounds + 1));
        }
        Map<String, Object> extra = Map.of("files", files.size(), "sessions", sessions, "bytes", bytes);
        InProcess.emit("stats-" + files.size(), "ms", tshoot, extra);
        InProcess.emit("statsjson-" + files.size(), "ms", jackson, extra);
    }

    /** One folder, walked as {@code tshoot stats <folder>} walks it (no list of files is made). */
    static void memory(List<Path> dirs) throws Exception {
        StatsReport r = Stats.over(dirs.get(0));
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
        InProcess.emit("statsmem-" + r.files(), "MiB", List.of(heap.getUsed() / 1048576.0),
                Map.of("files", r.files(), "sessions", r.sessions(), "peakRssMiB", hwm / 1048576.0,
                        "maxHeapMiB", Runtime.getRuntime().maxMemory() / 1048576.0));
    }
}
