package dev.tshoot.transcript.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tshoot.engine.ConsentPolicy;
import dev.tshoot.engine.Diagnostics;
import dev.tshoot.engine.Session;
import dev.tshoot.engine.SessionEngine;
import dev.tshoot.engine.SessionEvent;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.testing.GoldenFiles;
import dev.tshoot.testing.TestClock;
import dev.tshoot.transcript.TranscriptHeader;
import dev.tshoot.transcript.TranscriptJson;
import dev.tshoot.transcript.TranscriptV1;

/**
 * The committed export fixtures in {@code src/test/resources/transcripts/}: sessions recorded with a
 * fixed clock and scripted diagnostics, written line by line exactly as the transcript writer does
 * (with a fixed host, so the files do not depend on the machine). They are committed files; run
 * {@code mvn test -Dtest=ExportFixtures -Dfixtures.update=true} to write them again.
 */
public final class ExportFixtures {

    public static final Path DIR = Path.of("src/test/resources/transcripts");
    /** The playbook folder exports look in: a transcript's pinned playbook is read only there (or beside it). */
    public static final Path PLAYBOOKS = Path.of("src/test/resources/playbooks");
    static final String WALK = "src/test/resources/playbooks/valid/001_walk.yaml";
    static final String CHECKS = "src/test/resources/playbooks/valid/002_checks.yaml";

    /** The command output that must never reach an HTML page unescaped. */
    public static final String HOSTILE_OUTPUT = "found VM web <01>: <script>alert(1)</script>\n"
            + "```\nconfig: `nested` = true\n````\n"
            + "Grüße aus Köln, 東京, emoji 😀, ESC \u001b[31mred\u001b[0m\n";

    public static final List<String> NAMES = List.of("001_walk_resolved", "002_checks_commands", "003_walk_navigation",
            "004_tampered", "005_torn", "006_playbook_changed");

    public static Path file(String name) {
        return DIR.resolve(name + ".jsonl");
    }

    static final GoldenFiles UPDATE = new GoldenFiles("fixtures.update",
            "mvn test -Dtest=ExportFixtures -Dfixtures.update=true");

    /** Writes the fixture transcripts anew and fails on purpose (see {@link GoldenFiles}); off unless asked for. */
    @Test
    @EnabledIfSystemProperty(named = "fixtures.update", matches = "true")
    void regenerate() throws Exception {
        byte[] walk = walkResolved();
        byte[] checks = checksCommands();
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(file("001_walk_resolved"), walk);
        files.put(file("002_checks_commands"), checks);
        files.put(file("003_walk_navigation"), walkNavigation());
        files.put(file("004_tampered"), tamper(walk));
        files.put(file("005_torn"), tear(checks));
        files.put(file("006_playbook_changed"), playbookChanged());
        UPDATE.writeAndFail(files);
    }

    static byte[] walkResolved() throws Exception {
        Recording r = new Recording(load(WALK, null), "2026-01-02T03:04:05Z", "e0000001", Diagnostics.NONE,
                ConsentPolicy.ASK_ALWAYS);
        Session s = r.session;
        s.answer("windows");
        s.answer("yes");
        s.note("Kunde: Grüße ✓ — build number read from `winver`; see *ticket* #4711 <b>bold?</b>");
        s.answer("22631");
        s.answer("done");
        s.answer("yes");
        s.end("outcome");
        return r.bytes(Map.of());
    }

    static byte[] checksCommands() throws Exception {
        Diagnostics d = new Diagnostics() {
            @Override public dev.tshoot.playbook.OsFamily osFamily() { return dev.tshoot.playbook.OsFamily.LINUX; }

            @Override public ProbeData probe(String node, String name) {
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("isVirtualMachine", true);
                facts.put("hypervisor", "vmware");
                facts.put("cpuVendor", "GenuineIntel");
                facts.put("flags", List.of("vmx", "ept"));
                Map<String, String> evidence = new LinkedHashMap<>(); // ordered: Map.of's order changes between runs
                evidence.put("source", "dmi:sys_vendor");
                evidence.put("observed", "VMware, Inc.");
                evidence.put("suggests", "vmware");
                evidence.put("weight", "strong");
                return new ProbeData(name, facts, Map.of("nestedSupported", "no access to /dev/kvm"), List.of(evidence), 7, null);
            }

            @Override public CommandData run(CommandRequest request) {
                return switch (request.argv().get(0)) {
                    case "vmlookup" -> new CommandData("exited", 0, HOSTILE_OUTPUT, "warning: <b>deprecated</b> flag\n",
                            false, false, true, true, 42, false, null);
                    case "lscpu" -> new CommandData("exited", 0, "Architecture:        x86_64\nVirtualization:      VT-x\n"
                            + "Hypervisor vendor:   VMware\n", "", true, false, true, true, 15, false, null);
                    default -> CommandData.notRun("not_found", "command not found: " + request.argv().get(0));
                };
            }
        };
        Recording r = new Recording(load(CHECKS, null), "2026-02-03T10:00:00Z", "e0000002", d, ConsentPolicy.ASK_ALWAYS);
        Session s = r.session;
        s.note("customer password [redacted], token [redacted]");
        s.answer("web <01>");
        s.consent(Session.Consent.YES);
        s.consent(Session.Consent.ALWAYS);
        s.consent(Session.Consent.NO);
        s.end("outcome");
        // what the record-time redaction (being added) writes: rule name -> count, per event
        Map<String, Map<String, Integer>> redactions = new LinkedHashMap<>();
        redactions.put("note", Map.of("password", 1, "token", 1));
        redactions.put("command-ran:read-vmx", Map.of("password", 1, "aws-key", 2));
        return r.bytes(redactions);
    }

    static byte[] walkNavigation() throws Exception {
        Recording r = new Recording(load(WALK, "playbooks/removed/001_walk.yaml"), "2026-03-04T05:06:07Z", "e0000003",
                Diagnostics.NONE, ConsentPolicy.ASK_ALWAYS);
        Session s = r.session;
        s.answer("linux");
        s.answer("yes");
        s.back();
        s.answer("no");
        s.back();
        s.jump("fix-windows");
        s.answer("done");
        s.answer("no");
        s.end("user");
        return r.bytes(Map.of());
    }

    static byte[] playbookChanged() throws Exception {
        byte[] original = Files.readAllBytes(Path.of(WALK));
        byte[] older = new String(original, StandardCharsets.UTF_8)
                .replace("Second line.", "Second line, as it read at the time.").getBytes(StandardCharsets.UTF_8);
        Playbook pb = new PlaybookLoader().load(WALK, older, null).playbook();
        Recording r = new Recording(pb, "2026-04-05T06:07:08Z", "e0000006", Diagnostics.NONE, ConsentPolicy.ASK_ALWAYS);
        Session s = r.session;
        s.answer("windows");
        s.answer("yes");
        s.answer("19045");
        s.end("outcome");
        return r.bytes(Map.of());
    }

    /** Changes the note's text in place: the line still parses, but its hash no longer matches. */
    static byte[] tamper(byte[] walk) {
        String text = new String(walk, StandardCharsets.UTF_8);
        String altered = text.replaceFirst("Kunde: Grüße", "Kunde: Gruesse");
        if (altered.equals(text)) {
            throw new IllegalStateException("the note to tamper with is missing");
        }
        return altered.getBytes(StandardCharsets.UTF_8);
    }

    /** Cuts the transcript in the middle of its outcome line, as a crash in mid-write leaves it. */
    static byte[] tear(byte[] checks) {
        String text = new String(checks, StandardCharsets.UTF_8);
        int outcome = text.indexOf("\"type\":\"outcome\"");
        int lineStart = text.lastIndexOf('\n', outcome) + 1;
        int lineEnd = text.indexOf('\n', outcome);
        return text.substring(0, lineStart + (lineEnd - lineStart) / 2).getBytes(StandardCharsets.UTF_8);
    }

    static Playbook load(String path, String recordedAs) throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of(path));
        PlaybookLoader.Result r = new PlaybookLoader().load(recordedAs == null ? path : recordedAs, bytes, null);
        if (!r.valid()) {
            throw new IllegalStateException(path + ": " + r.findings());
        }
        return r.playbook();
    }

    /** A session whose events are kept, then written with a fixed header. */
    static final class Recording {
        final TranscriptHeader header;
        final List<SessionEvent> events = new ArrayList<>();
        final Session session;

        Recording(Playbook pb, String start, String id, Diagnostics d, ConsentPolicy policy) {
            TestClock clock = new TestClock(Instant.parse(start));
            AtomicInteger n = new AtomicInteger();
            SessionEngine engine = new SessionEngine(clock, () -> id + n.incrementAndGet());
            header = new TranscriptHeader(TranscriptHeader.FORMAT, TranscriptV1.VERSION, "0.1.0-test", id,
                    clock.instant(), new TranscriptHeader.PlaybookRef(pb.id(), pb.metadata().version(),
                            pb.metadata().title(), pb.sha256(), pb.file()),
                    new TranscriptHeader.Host("Linux", "6.1.0-test", "amd64", "fixture-host", "support"));
            session = engine.start(id, pb, events::add, d, policy);
        }

        /** The transcript's bytes; {@code redactions} adds a member to events keyed by type or type:node. */
        byte[] bytes(Map<String, Map<String, Integer>> redactions) {
            StringBuilder sb = new StringBuilder();
            String prev = "";
            List<ObjectNode> nodes = new ArrayList<>();
            nodes.add(TranscriptV1.encode(header));
            for (SessionEvent e : events) {
                ObjectNode o = TranscriptV1.encode(e);
                Map<String, Integer> r = redactions.getOrDefault(e.type() + ":" + o.path("node").asText(),
                        redactions.get(e.type()));
                if (r != null) {
                    o.set("redactions", TranscriptJson.MAPPER.valueToTree(new java.util.TreeMap<>(r)));
                }
                nodes.add(o);
            }
            for (ObjectNode o : nodes) {
                TranscriptJson.Sealed sealed = TranscriptJson.seal(o, prev);
                prev = sealed.hash();
                sb.append(sealed.line()).append('\n');
            }
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Applies a function to every fixture name (for parameterised tests). */
    public static <T> List<T> each(Function<String, T> f) {
        return NAMES.stream().map(f).toList();
    }
}
