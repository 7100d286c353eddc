package dev.tshoot.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.tshoot.text.Words;

/**
 * {@code stats} over 10,000 generated sessions (plus the files their hand-overs start, and four
 * damaged files) gives the same counts as a computation written here from the format's text alone:
 * each line split on its newline, its hash checked by hand (SHA-256 of the line without its
 * {@code hash} member), and its members read with a bare Jackson streaming parser. Times per node
 * agree to the report's stated precision (three significant digits, rounded down).
 */
class StatsAtScaleTest {

    static final int SESSIONS = Integer.getInteger("stats.scale.sessions", 10_000);

    static Path dir;
    static StatsReport report;
    static Map<String, Expected> expected;
    static List<String> brokenFiles = new ArrayList<>();
    static List<String> tornFiles = new ArrayList<>();

    @BeforeAll
    static void generateAndCount() throws Exception {
        dir = Files.createTempDirectory("stats-scale");
        var playbooks = TranscriptGenerator.load(Path.of("playbooks"));
        // two halves on two threads, each deterministic from its seed
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<TranscriptGenerator.Summary>> parts = new ArrayList<>();
        for (int half = 0; half < 2; half++) {
            int h = half;
            parts.add(pool.submit(() -> new TranscriptGenerator(playbooks, true).write(dir.resolve("part" + h), SESSIONS / 2, 1000 + h)));
        }
        for (Future<TranscriptGenerator.Summary> f : parts) {
            f.get();
        }
        pool.shutdown();
        damage();
        report = Stats.over(dir);
        expected = independently(dir);
    }

    /** An edited line, a missing line, a torn tail, and a file that is not a transcript. */
    static void damage() throws IOException {
        List<Path> files = files(dir.resolve("part0"));
        Path edited = files.get(10);
        Files.writeString(edited, Files.readString(edited).replaceFirst("\"via\":\"answer\"", "\"via\":\"check\""));
        Path gap = files.get(20);
        List<String> lines = Files.readAllLines(gap);
        lines.remove(3);
        Files.writeString(gap, String.join("\n", lines) + "\n");
        Path torn = files.get(30);
        String t = Files.readString(torn);
        Files.writeString(torn, t.substring(0, t.length() - 20));
        Path junk = dir.resolve("part1/notes.jsonl");
        Files.writeString(junk, "{\"hello\":1}\n");
        brokenFiles.addAll(List.of(edited.toString(), gap.toString(), junk.toString()));
        tornFiles.add(torn.toString());
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (dir != null) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void brokenFilesAreListedAndLeftOutTornOnesCount() {
        assertThat(report.broken().stream().map(p -> p.file().toString()).sorted().toList())
                .isEqualTo(brokenFiles.stream().sorted().toList());
        assertThat(report.torn().stream().map(p -> p.file().toString()).toList()).isEqualTo(tornFiles);
        long sessions = expected.values().stream().mapToLong(e -> e.sessions).sum();
        assertThat(sessions).isGreaterThan(SESSIONS);
        assertThat(report.sessions()).isEqualTo(sessions);
        assertThat(report.files()).isEqualTo(sessions + brokenFiles.size());
    }

    @Test
    void everyCountIsTheIndependentOne() {
        assertThat(report.playbooks().stream().map(p -> p.id() + "@" + p.version()).toList())
                .isEqualTo(new ArrayList<>(expected.keySet()));
        for (StatsReport.Playbook p : report.playbooks()) {
            Expected e = expected.get(p.id() + "@" + p.version());
            String at = p.id() + "@" + p.version() + " ";
            assertThat(p.sessions()).as(at + "sessions").isEqualTo(e.sessions);
            assertThat(p.outcomes()).as(at + "outcomes").isEqualTo(e.outcomes);
            assertThat(p.unclosed()).as(at + "unclosed").isEqualTo(e.unclosed);
            assertThat(map(p.abandonedAt())).as(at + "abandoned at").isEqualTo(e.abandonedAt);
            assertThat(map(p.visits())).as(at + "visits").isEqualTo(e.visits);
            assertThat(map(p.backs())).as(at + "backs").isEqualTo(e.backs);
            Map<String, long[]> cmds = new TreeMap<>();
            p.commands().forEach(c -> cmds.put(c.command(), new long[] {c.asked(), c.refused()}));
            assertThat(cmds).as(at + "commands").usingRecursiveComparison().isEqualTo(e.commands);
            assertThat(p.fromMatch()).as(at + "sessions from a match").isEqualTo(e.fromMatch);
            assertThat(map(p.symptoms())).as(at + "symptoms").isEqualTo(e.symptoms);
            Map<String, Long> handovers = new TreeMap<>();
            p.handovers().forEach(h -> handovers.put(h.from() + " -> " + h.to(), h.count()));
            assertThat(handovers).as(at + "hand-overs").isEqualTo(e.handovers);
            assertThat(map(p.continuedFrom())).as(at + "continued from").isEqualTo(e.continuedFrom);
            assertThat(map(p.escalationPaths())).as(at + "escalation paths").isEqualTo(e.escalationPaths);
            assertThat(p.timePerNode()).as(at + "timed nodes").hasSize(e.times.size());
            for (StatsReport.NodeTime t : p.timePerNode()) {
                List<Long> xs = e.times.get(t.node());
                xs.sort(null);
                assertThat(t.samples()).isEqualTo(xs.size());
                for (long[] q : new long[][] {{50, t.medianMs()}, {90, t.p90Ms()}}) {
                    long exact = xs.get((int) Math.max(0, Math.ceil(q[0] / 100.0 * xs.size()) - 1));
                    assertThat(q[1]).as(at + t.node() + " p" + q[0]).isLessThanOrEqualTo(exact)
                            .isGreaterThanOrEqualTo(exact - exact / 100);
                }
            }
        }
        assertThat(expected.values().stream().mapToLong(e -> e.outcomes.get("abandoned")).sum()).isPositive();
        assertThat(expected.values().stream().mapToLong(e -> e.backs.values().stream().mapToLong(Long::longValue).sum()).sum())
                .isPositive();
    }

    static Map<String, Long> map(List<StatsReport.Count> counts) {
        Map<String, Long> m = new TreeMap<>();
        counts.forEach(c -> m.put(c.key(), c.count()));
        return m;
    }

    // ------------------------------------------------------------------ the independent computation

    static final class Expected {
        long sessions;
        long unclosed;
        long fromMatch;
        final Map<String, Long> outcomes = new java.util.LinkedHashMap<>();
        final Map<String, Long> abandonedAt = new TreeMap<>();
        final Map<String, Long> visits = new TreeMap<>();
        final Map<String, Long> backs = new TreeMap<>();
        final Map<String, long[]> commands = new TreeMap<>();
        final Map<String, Long> symptoms = new TreeMap<>();
        final Map<String, Long> handovers = new TreeMap<>();
        final Map<String, Long> continuedFrom = new TreeMap<>();
        final Map<String, Long> escalationPaths = new TreeMap<>();
        final Map<String, List<Long>> times = new HashMap<>();

        Expected() {
            for (String o : List.of("resolved", "unresolved", "escalated", "abandoned", "interrupted")) {
                outcomes.put(o, 0L);
            }
        }
    }

    /** One line's members, as a bare streaming parse reads them. */
    static final class Line {
        long seq = -1;
        String type, at, node, via, from, to, reason, result, consent, text, prev, hash, pbId, pbVersion, handoverTo;
        List<String> argv = new ArrayList<>();
    }

    static final JsonFactory JSON = new JsonFactory();

    static Map<String, Expected> independently(Path root) throws Exception {
        Map<String, Expected> out = new TreeMap<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Path f : files(root)) {
            byte[] bytes = Files.readAllBytes(f);
            String all = new String(bytes, StandardCharsets.UTF_8);
            String[] parts = all.split("\n", -1);
            boolean torn = !parts[parts.length - 1].isEmpty();
            List<Line> lines = new ArrayList<>();
            String prevHash = "";
            boolean ok = true;
            for (int i = 0; i < parts.length - 1 && ok; i++) {
                String raw = parts[i];
                Line l = parse(raw);
                int cut = raw.lastIndexOf(",\"hash\":\"");
                ok = l != null && cut > 0 && raw.endsWith("\"}") && l.seq == i && prevHash.equals(l.prev)
                        && HexFormat.of().formatHex(sha.digest((raw.substring(0, cut) + "}").getBytes(StandardCharsets.UTF_8)))
                                .equals(l.hash);
                if (ok) {
                    lines.add(l);
                    prevHash = l.hash;
                }
            }
            if (!ok || lines.isEmpty() || !"header".equals(lines.get(0).type)) {
                continue; // left out, as the report must do
            }
            Line h = lines.get(0);
            count(out.computeIfAbsent(h.pbId + "@" + h.pbVersion, k -> new Expected()), lines.subList(1, lines.size()));
            assertThat(torn).as(f.toString()).isEqualTo(tornFiles.contains(f.toString()));
        }
        return out;
    }

    static void count(Expected e, List<Line> events) {
        e.sessions++;
        String current = null;
        Instant entered = null;
        Instant last = null;
        List<String> path = new ArrayList<>();
        Line end = null;
        boolean matched = false;
        boolean continued = false;
        for (Line l : events) {
            Instant at = Instant.parse(l.at);
            switch (l.type) {
                case "node-entered" -> {
                    if (current != null) {
                        e.times.computeIfAbsent(current, k -> new ArrayList<>()).add(Duration.between(entered, at).toMillis());
                    }
                    e.visits.merge(l.node, 1L, Long::sum);
                    if ("restart".equals(l.via)) {
                        path.clear();
                    } else if ("back".equals(l.via) && path.lastIndexOf(l.node) >= 0) {
                        path.subList(path.lastIndexOf(l.node), path.size()).clear();
                    }
                    path.add(l.node);
                    current = l.node;
                    entered = at;
                }
                case "back" -> e.backs.merge(l.to, 1L, Long::sum);
                case "command-ran" -> {
                    if (List.of("yes", "always", "no").contains(l.consent)) {
                        long[] c = e.commands.computeIfAbsent(Words.argv(l.argv), k -> new long[2]);
                        c[0]++;
                        c[1] += "no".equals(l.consent) ? 1 : 0;
                    }
                }
                case "note" -> {
                    if (l.text.startsWith("Started from the error text (symptom ")) {
                        String ids = l.text.substring("Started from the error text (symptom ".length(), l.text.indexOf("):"));
                        for (String s : ids.split(", ")) {
                            e.symptoms.merge(s, 1L, Long::sum);
                        }
                        matched = true;
                    } else if (l.text.startsWith("Continued from ") && !continued) {
                        e.continuedFrom.merge(l.text.split(" ")[2], 1L, Long::sum);
                        continued = true;
                    }
                }
                case "outcome" -> {
                    if (l.handoverTo != null) {
                        e.handovers.merge(l.node + " -> " + l.handoverTo, 1L, Long::sum);
                    }
                }
                case "session-ended" -> end = l;
                default -> { }
            }
            last = at;
        }
        if (current != null) {
            e.times.computeIfAbsent(current, k -> new ArrayList<>())
                    .add(Duration.between(entered, end != null ? Instant.parse(end.at) : last).toMillis());
        }
        if (matched) {
            e.fromMatch++;
        }
        String outcome = end == null ? "interrupted" : end.result != null ? ("escalate".equals(end.result) ? "escalated" : end.result)
                : "interrupted".equals(end.reason) ? "interrupted" : "abandoned";
        e.outcomes.merge(outcome, 1L, Long::sum);
        if (end == null) {
            e.unclosed++;
        }
        if ("abandoned".equals(outcome)) {
            e.abandonedAt.merge(current, 1L, Long::sum);
        }
        if ("escalated".equals(outcome)) {
            e.escalationPaths.merge(String.join(" > ", path), 1L, Long::sum);
        }
    }

    /** The members this test needs, top level and in {@code playbook} / {@code handover}; null when not JSON. */
    static Line parse(String raw) {
        Line l = new Line();
        try (JsonParser p = JSON.createParser(raw)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "seq" -> l.seq = p.getLongValue();
                    case "type" -> l.type = p.getText();
                    case "at" -> l.at = p.getText();
                    case "node" -> l.node = p.getText();
                    case "via" -> l.via = p.getText();
                    case "from" -> l.from = p.getText();
                    case "to" -> l.to = p.getText();
                    case "reason" -> l.reason = p.getText();
                    case "result" -> l.result = p.getText();
                    case "consent" -> l.consent = p.getText();
                    case "text" -> l.text = p.getText();
                    case "prev" -> l.prev = p.getText();
                    case "hash" -> l.hash = p.getText();
                    case "argv" -> {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            l.argv.add(p.getText());
                        }
                    }
                    case "playbook", "handover" -> {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String inner = p.currentName();
                            p.nextToken();
                            if ("playbook".equals(name) && "id".equals(inner)) {
                                l.pbId = p.getText();
                            } else if ("playbook".equals(name) && "version".equals(inner)) {
                                l.pbVersion = p.getText();
                            } else if ("handover".equals(name) && "playbook".equals(inner)) {
                                l.handoverTo = p.getText();
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
                if (v == null) {
                    return null;
                }
            }
            return l;
        } catch (IOException ex) {
            return null;
        }
    }

    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
    }
}
