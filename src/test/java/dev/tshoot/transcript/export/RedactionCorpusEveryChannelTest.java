package dev.tshoot.transcript.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.tshoot.engine.ConsentPolicy;
import dev.tshoot.engine.Diagnostics;
import dev.tshoot.engine.Session;
import dev.tshoot.engine.SessionException;
import dev.tshoot.playbook.Node;
import dev.tshoot.playbook.Nodes;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.testing.FakeDiagnostics;
import dev.tshoot.testing.Fixtures;
import dev.tshoot.transcript.Recorder;
import dev.tshoot.transcript.TranscriptJson;
import dev.tshoot.transcript.redact.RedactionRules;

/**
 * The 100-secret corpus ({@code redaction/corpus/001_every_channel.yaml}): secrets planted in every
 * channel a session records (answers, notes, command output, argv, environment dumps, probe facts,
 * every kind of playbook text, the playbook's title and folder in the header, an output the cap
 * cut), recorded through real sessions, exported in every format, and then every file written
 * under the test's folders (transcripts, exports, the unzipped bundles, the export log) is searched
 * for every secret. The table of what was planted and found per channel is printed.
 */
class RedactionCorpusEveryChannelTest {

    /** Input the test hands to tshoot (the playbooks, which hold playbook-text secrets by design). */
    @TempDir
    Path input;

    /** Everything tshoot writes: searched whole. */
    @TempDir
    Path written;

    record Entry(String id, String channel, String secret, String text, List<String> argv) {}

    static final List<String> CHANNELS = List.of("answer", "note", "stdout", "stderr", "env", "probe", "argv", "cut",
            "playbook-prompt", "playbook-help", "playbook-choice", "playbook-title", "playbook-instructions",
            "playbook-snippet", "playbook-outcome-title", "playbook-outcome-message", "title", "header-file");

    @Test
    void noPlantedSecretReachesAnyFileTshootWrites() throws Exception {
        List<Entry> entries = load();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(100);
        assertThat(entries.stream().map(Entry::channel).distinct()).containsExactlyInAnyOrderElementsOf(CHANNELS);

        String yaml = playbookYaml(entries);
        Path plain = Files.createDirectories(input.resolve("playbooks")).resolve("corpus.yaml");
        Files.writeString(plain, yaml);
        Path odd = Files.createDirectories(input.resolve(only(entries, "header-file").text())).resolve("corpus.yaml");
        Files.writeString(odd, yaml);

        Path transcripts = written.resolve("transcripts");
        Path first = record(entries, plain, transcripts.resolve("a"));
        Path second = record(entries, odd, transcripts.resolve("b"));
        assertThat(ExportSource.load(first, plain.getParent()).playbook().found())
                .as("the pinned playbook is found, so the exports draw its decision tree").isTrue();

        StringWriter log = new StringWriter();
        Path exports = Files.createDirectories(written.resolve("exports"));
        for (Path t : List.of(first, second)) {
            for (ExportFormat f : ExportFormat.values()) {
                Path out = exports.resolve(t.getParent().getFileName() + "-" + t.getFileName() + f.extension());
                int code = new ExportJob(t.getParent(), plain.getParent())
                        .run(new ExportJob.Request(t.toString(), f.id(), out.toString(), true, false), new PrintWriter(log));
                assertThat(code).as(f.id() + ": " + log).isZero();
                if (f == ExportFormat.BUNDLE) {
                    unzip(out, Files.createDirectories(written.resolve("unzipped").resolve(t.getParent().getFileName().toString())));
                }
            }
            new ExportJob(t.getParent(), plain.getParent())
                    .run(new ExportJob.Request(t.toString(), "md", null, false, true), new PrintWriter(log));
        }
        Files.writeString(Files.createDirectories(written.resolve("logs")).resolve("export.log"), log.toString());

        List<Path> files;
        try (Stream<Path> s = Files.walk(written)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(2 + 2 * ExportFormat.values().length + 2 * 5);
        Map<String, int[]> table = new TreeMap<>();
        CHANNELS.forEach(c -> table.put(c, new int[2]));
        List<String> found = new ArrayList<>();
        Map<Path, String> contents = new LinkedHashMap<>();
        for (Path f : files) {
            contents.put(f, new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
        }
        for (Entry e : entries) {
            table.get(e.channel())[0]++;
            for (Map.Entry<Path, String> c : contents.entrySet()) {
                if (needles(e.secret()).stream().anyMatch(c.getValue()::contains)) {
                    table.get(e.channel())[1]++;
                    found.add(e.id() + " in " + written.relativize(c.getKey()));
                    break;
                }
            }
        }
        StringBuilder sb = new StringBuilder("Redaction corpus: " + entries.size() + " planted secrets, " + files.size()
                + " files written and searched\n");
        sb.append(String.format("%-26s %8s %6s%n", "channel", "planted", "found"));
        table.forEach((c, n) -> sb.append(String.format("%-26s %8d %6d%n", c, n[0], n[1])));
        System.out.print(sb);
        assertThat(found).as(sb.toString()).isEmpty();
        assertThat(contents.get(first)).contains("[REDACTED:");
    }

    /** The secret as is, JSON-escaped and HTML-escaped, and each piece of an escaped-dot token. */
    static Set<String> needles(String secret) {
        Set<String> n = new LinkedHashSet<>();
        n.add(secret);
        try {
            String q = TranscriptJson.MAPPER.writeValueAsString(secret);
            n.add(q.substring(1, q.length() - 1));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        n.add(secret.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;"));
        for (String piece : secret.split("\\\\u002e|\\n")) {
            if (piece.length() >= 12) {
                n.add(piece);
            }
        }
        return n;
    }

    /** One session through the corpus playbook: every question answered, every command run. */
    private static Path record(List<Entry> entries, Path playbookFile, Path transcripts) throws IOException {
        PlaybookLoader.Result loaded = new PlaybookLoader().load(playbookFile.toString(), Files.readAllBytes(playbookFile), null);
        assertThat(loaded.valid()).as("the corpus playbook lints clean: %s", loaded.findings()).isTrue();
        Playbook pb = loaded.playbook();
        Map<String, Object> facts = new LinkedHashMap<>();
        in(entries, "probe").forEach(e -> facts.put(e.id(), e.text()));
        FakeDiagnostics host = new FakeDiagnostics("linux").probe("network", facts);
        pb.nodes().forEach((id, n) -> {
            Node.Check c = n.accept(new ChecksOnly());
            if (c != null && c.run() != null) {
                host.command(c.run().argv().get("linux"), output(entries, id));
            }
        });
        List<String> warnings = new ArrayList<>();
        Recorder.Recorded r = new Recorder(Fixtures.engine(), transcripts, "test", false, RedactionRules.defaults())
                .start(pb, warnings::add, host, ConsentPolicy.flags(true, false, false));
        Session s = r.session();
        List<String> answers = new ArrayList<>(in(entries, "answer").stream().map(Entry::text).toList());
        try {
            for (Entry e : in(entries, "note")) {
                s.note(e.text());
            }
            for (int guard = 0; guard < 200 && s.state() != Session.State.AT_OUTCOME; guard++) {
                if (s.state() == Session.State.WAITING_FOR_CONSENT) {
                    s.answer("yes");
                    continue;
                }
                Node n = s.current();
                switch (Nodes.kind(n)) {
                    case ACTION -> s.answer("done");
                    case QUESTION -> s.answer(n.id().equals("ask-choice") ? "go"
                            : n.id().equals("ask-more") ? (answers.isEmpty() ? "done" : answers.remove(0)) : "ok");
                    case CHECK, OUTCOME -> throw new AssertionError("the walk stopped at " + n.id());
                }
            }
        } catch (SessionException e) {
            throw new AssertionError("the corpus session did not go through: " + e.getMessage(), e);
        } finally {
            s.end(s.state() == Session.State.AT_OUTCOME ? "outcome" : "interrupted");
            r.writer().close();
        }
        assertThat(s.outcome()).as("the walk reached its outcome").isNotNull();
        assertThat(host.commands).hasSize(in(entries, "argv").size() + 2 + in(entries, "cut").size());
        assertThat(warnings).isEmpty();
        return r.writer().file();
    }

    private static Diagnostics.CommandData output(List<Entry> entries, String node) {
        return switch (node) {
            case "fetch-logs" -> new Diagnostics.CommandData("exited", 0, joined(in(entries, "stdout")),
                    joined(in(entries, "stderr")), false, false, true, true, 12, false, null);
            case "print-env" -> new Diagnostics.CommandData("exited", 0, "HOME=/home/ops\n" + joined(in(entries, "env")),
                    "", false, false, true, true, 3, false, null);
            default -> node.startsWith("tail-")
                    // the cap cut this output in the middle of a secret: what is left of it ends the text
                    ? new Diagnostics.CommandData("exited", 0, "line one\n" + in(entries, "cut").get(
                            Integer.parseInt(node.substring(5)) - 1).text(), "", true, false, true, true, 5, false, null)
                    : new Diagnostics.CommandData("exited", 0, "ok\n", "", false, false, true, true, 1, false, null);
        };
    }

    /** The playbook that carries every playbook-text secret, with one command check per argv entry. */
    static String playbookYaml(List<Entry> entries) throws IOException {
        List<String> prompts = texts(entries, "playbook-prompt");
        List<String> helps = texts(entries, "playbook-help");
        List<String> titles = texts(entries, "playbook-title");
        List<String> instructions = texts(entries, "playbook-instructions");
        List<String> snippets = texts(entries, "playbook-snippet");
        List<String> outcomeTitles = texts(entries, "playbook-outcome-title");
        List<String> messages = texts(entries, "playbook-outcome-message");
        Map<String, Object> nodes = new LinkedHashMap<>();
        List<Object> choices = new ArrayList<>();
        List<String> labels = texts(entries, "playbook-choice");
        for (int i = 0; i < labels.size(); i++) {
            choices.add(Map.of("value", i == 0 ? "go" : "go" + i, "label", labels.get(i), "goto", "ask-1"));
        }
        nodes.put("ask-choice", map("type", "question", "prompt", prompts.get(0), "help", helps.get(0), "answer", "choice",
                "choices", choices));
        for (int i = 1; i < prompts.size(); i++) {
            nodes.put("ask-" + i, map("type", "question", "prompt", prompts.get(i), "help", helps.get(i), "answer", "text",
                    "next", List.of(Map.of("goto", i + 1 < prompts.size() ? "ask-" + (i + 1) : "net"))));
        }
        List<String> checks = new ArrayList<>();
        checks.add("net");
        List<Entry> argvs = in(entries, "argv");
        for (int i = 0; i < argvs.size(); i++) {
            checks.add("cmd-" + (i + 1));
        }
        checks.addAll(List.of("fetch-logs", "print-env"));
        for (int i = 0; i < in(entries, "cut").size(); i++) {
            checks.add("tail-" + (i + 1));
        }
        for (int i = 0; i < checks.size(); i++) {
            String id = checks.get(i);
            String next = i + 1 < checks.size() ? checks.get(i + 1) : "do-1";
            String title = i < titles.size() ? titles.get(i) : "Run command " + i;
            Map<String, Object> n = id.equals("net") ? map("type", "check", "title", title, "probe", "network")
                    : map("type", "check", "title", title, "run", Map.of("linux", id.startsWith("cmd-")
                            ? argvs.get(Integer.parseInt(id.substring(4)) - 1).argv()
                            : id.startsWith("tail-") ? List.of("tail", "-n", id.substring(5), "/var/log/app.log")
                            : List.of(id.equals("fetch-logs") ? "fetch-logs" : "printenv")),
                            "register", "r" + i);
            n.put("next", List.of(Map.of("goto", next)));
            nodes.put(id, n);
        }
        for (int i = 0; i < instructions.size(); i++) {
            Map<String, Object> a = map("type", "action", "title", "Step " + (i + 1), "instructions", instructions.get(i),
                    "sources", List.of("https://example.org/source"));
            if (i < snippets.size()) {
                a.put("commands", List.of(Map.of("platform", "linux", "shell", "sh", "text", snippets.get(i))));
            }
            a.put("next", i + 1 < instructions.size() ? "do-" + (i + 2) : "ask-more");
            nodes.put("do-" + (i + 1), a);
        }
        nodes.put("ask-more", map("type", "question", "prompt", "Anything else to add? Paste it, or answer 'done'.",
                "answer", "text", "next", List.of(Map.of("when", "answer == 'done'", "goto", "collected"),
                        Map.of("when", "answer == 'never-typed'", "goto", "other"), Map.of("goto", "ask-more"))));
        nodes.put("collected", map("type", "outcome", "result", "escalate", "title", outcomeTitles.get(0),
                "message", String.join("\n", messages.subList(0, 2))));
        nodes.put("other", map("type", "outcome", "result", "unresolved", "title", outcomeTitles.get(1),
                "message", String.join("\n", messages.subList(2, messages.size()))));
        Map<String, Object> root = map("apiVersion", "tshoot/v1", "kind", "Playbook",
                "metadata", map("id", "corpus", "version", "1.0.0", "title", String.join(" / ", texts(entries, "title")),
                        "description", "Carries the redaction corpus's playbook-text secrets.",
                        "sources", List.of("https://example.org/source")),
                "start", "ask-choice", "nodes", nodes);
        return new ObjectMapper(new YAMLFactory()).writeValueAsString(root);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** The check nodes, through the node visitor. */
    private static final class ChecksOnly implements Node.Visitor<Node.Check> {
        @Override public Node.Check question(Node.Question q) { return null; }

        @Override public Node.Check check(Node.Check c) { return c; }

        @Override public Node.Check action(Node.Action a) { return null; }

        @Override public Node.Check outcome(Node.Outcome o) { return null; }
    }

    private static void unzip(Path zip, Path dir) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            int n = 0;
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = dir.resolve("entry-" + (++n) + "-" + e.getName().replaceAll("[^A-Za-z0-9._-]", "_"));
                Files.write(target, in.readAllBytes());
            }
            assertThat(n).as("bundle entries").isGreaterThanOrEqualTo(5);
        }
    }

    private static String joined(List<Entry> l) {
        return String.join("\n", l.stream().map(Entry::text).toList()) + "\n";
    }

    private static List<String> texts(List<Entry> entries, String channel) {
        return in(entries, channel).stream().map(Entry::text).toList();
    }

    static List<Entry> in(List<Entry> entries, String channel) {
        return entries.stream().filter(e -> e.channel().equals(channel)).toList();
    }

    private static Entry only(List<Entry> entries, String channel) {
        List<Entry> l = in(entries, channel);
        assertThat(l).hasSize(1);
        return l.get(0);
    }

    static List<Entry> load() throws IOException {
        try (InputStream in = RedactionCorpusEveryChannelTest.class.getResourceAsStream("/redaction/corpus/001_every_channel.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Entry> out = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            for (JsonNode n : root.path("secrets")) {
                List<String> argv = new ArrayList<>();
                n.path("argv").forEach(a -> argv.add(a.asText()));
                Entry e = new Entry(n.path("id").asText(), n.path("channel").asText(), n.path("secret").asText(),
                        n.path("text").asText(), argv);
                assertThat(e.text()).as(e.id()).contains(e.secret());
                assertThat(ids.add(e.id())).as("id %s used twice", e.id()).isTrue();
                out.add(e);
            }
            return out;
        }
    }
}
