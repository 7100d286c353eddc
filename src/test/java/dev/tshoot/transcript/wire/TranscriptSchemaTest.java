package dev.tshoot.transcript.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tshoot.engine.CaseRunner;
import dev.tshoot.engine.ConsentPolicy;
import dev.tshoot.engine.Diagnostics;
import dev.tshoot.engine.PlaybookTests;
import dev.tshoot.engine.ScriptedDiagnostics;
import dev.tshoot.engine.Session;
import dev.tshoot.engine.SessionEvent;
import dev.tshoot.playbook.CaseFile;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.testing.Fixtures;
import dev.tshoot.testing.TranscriptSchema;
import dev.tshoot.transcript.HostSummary;
import dev.tshoot.transcript.Recorder;
import dev.tshoot.transcript.TranscriptHeader;
import dev.tshoot.transcript.TranscriptJson;
import dev.tshoot.transcript.TranscriptReader;
import dev.tshoot.transcript.TranscriptWriter;

/**
 * The published schema ({@code docs/transcript-line.schema.json}) against what the writer writes:
 * every shipped playbook's test cases and sessions using every event type are recorded, and every
 * line must conform; the schema must refuse what the reader refuses; and it must name exactly the
 * properties the wire records have.
 */
class TranscriptSchemaTest {

    @TempDir
    Path dir;

    @Test
    void everyShippedPlaybooksCasesRecordLinesTheSchemaAccepts() throws Exception {
        Set<String> types = new LinkedHashSet<>();
        int cases = 0;
        List<Path> playbooks;
        try (Stream<Path> s = Files.list(Path.of("playbooks"))) {
            playbooks = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(playbooks).hasSize(3);
        for (Path file : playbooks) {
            Playbook pb = load(file);
            List<Path> caseFiles = PlaybookTests.caseFiles(PlaybookTests.caseDir(Path.of("playbooks"), pb.id()));
            assertThat(caseFiles).as("cases of %s", pb.id()).isNotEmpty();
            for (Path c : caseFiles) {
                types.addAll(recordCase(pb, CaseFile.read(c), ++cases));
            }
        }
        Playbook checks = load(Path.of("src/test/resources/playbooks/valid/002_checks.yaml"));
        for (Path c : PlaybookTests.caseFiles(Path.of("src/test/resources/cases/checks"))) {
            CaseFile cf = CaseFile.read(c);
            if (cf.ok()) { // 005_bad_case is refused by the case reader, on purpose
                types.addAll(recordCase(checks, cf, ++cases));
            }
        }
        assertThat(types).contains("header", "node-entered", "prompt-shown", "answer-given", "check-evaluated",
                "probe-ran", "command-ran", "outcome"); // a case ends at its outcome, without closing the session
    }

    @Test
    void aPastedOutputIsRecordedAsPastedValidatedAndReadBack() throws Exception {
        Playbook pb = load(Path.of("playbooks/windows-wsl2-virtualization.yaml"));
        recordCase(pb, CaseFile.read(Path.of(
                "playbooks/tests/windows-wsl2-virtualization/19_elsewhere_pasted_firmware_off.yaml")), 1);
        Path file;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
        List<String> pasted = Files.readAllLines(file).stream().filter(l -> l.contains("\"pasted\":")).toList();
        assertThat(pasted).hasSize(4).allMatch(l -> l.contains("\"type\":\"answer-given\""));
        assertThat(pasted.get(3)).contains("\"node\":\"paste-systeminfo\"", "\"pasted\":\"sysinfo\"",
                "Virtualization Enabled In Firmware: No");
        List<String> read = TranscriptReader.read(file).events().stream().map(dev.tshoot.engine.Events::answerGiven)
                .filter(java.util.Objects::nonNull).map(SessionEvent.AnswerGiven::pasted)
                .filter(java.util.Objects::nonNull).toList();
        assertThat(read).containsExactly("features", "bcd", "services", "sysinfo");
        assertThat(TranscriptSchema.problems(pasted.get(3).replace("\"pasted\":\"sysinfo\"", "\"pasted\":\"Not A Register\"")))
                .isNotEmpty();
    }

    @Test
    void sessionsWithEveryEventTypeRecordLinesTheSchemaAccepts() throws Exception {
        Recorder rec = new Recorder(Fixtures.engine(), dir, "0.1.0-test", false);
        List<String> warnings = new ArrayList<>();
        Set<String> types = new LinkedHashSet<>();

        Recorder.Recorded walk = rec.start(Fixtures.playbook("001_walk.yaml"), warnings::add);
        Session s = walk.session();
        s.answer("linux");
        s.answer("yes");
        s.back();
        s.note("password=hunter2hunter2 and a note");
        s.answer("no");
        s.back();
        s.jump("fix-windows");
        s.restart();
        s.answer("windows");
        s.answer("yes");
        s.answer("22631");
        s.answer("done");
        s.answer("yes");
        s.end("outcome");
        walk.writer().close();
        types.addAll(check(walk.writer().file(), s.events()));

        ScriptedDiagnostics d = new ScriptedDiagnostics("linux")
                .probe("virtualization", new Diagnostics.ProbeData("virtualization",
                        Map.of("isVirtualMachine", true, "hypervisor", "vmware"), Map.of("nested", "no /dev/kvm"),
                        List.of(Map.of("source", "dmi:sys_vendor", "weight", "strong")), 3, null))
                .command("vmlookup", new Diagnostics.CommandData("exited", 0, "found\n", "", false, false, true, true,
                        5, false, null))
                .command("lscpu", new Diagnostics.CommandData("exited", 0, "Virtualization: VT-x\n", "", false, false,
                        true, true, 5, false, null));
        Recorder.Recorded checks = rec.start(Fixtures.playbook("002_checks.yaml"), warnings::add, d,
                ConsentPolicy.ASK_ALWAYS);
        s = checks.session();
        s.answer("web");
        s.consent(Session.Consent.YES);
        s.consent(Session.Consent.ALWAYS);
        s.consent(Session.Consent.NO);
        s.end("user");
        checks.writer().close();
        types.addAll(check(checks.writer().file(), s.events()));

        assertThat(types).containsExactlyInAnyOrderElementsOf(allTypes());
        assertThat(warnings).isEmpty();
    }

    @Test
    void theSchemaRefusesWhatTheReaderRefuses() throws Exception {
        Recorder.Recorded r = new Recorder(Fixtures.engine(), dir, "0.1.0-test", false)
                .start(Fixtures.playbook("001_walk.yaml"), w -> { });
        r.session().note("a note");
        r.writer().close();
        List<String> lines = Files.readAllLines(r.writer().file());
        String note = lines.get(lines.size() - 1);
        assertThat(TranscriptSchema.problems(note)).isEmpty();
        assertThat(TranscriptSchema.problems(note.replace("\"node\":", "\"mood\":\"ok\",\"node\":"))).isNotEmpty();
        String entered = lines.get(1);
        assertThat(TranscriptSchema.problems(entered)).isEmpty();
        assertThat(TranscriptSchema.problems(entered.replace("\"via\":\"start\"", "\"via\":\"teleport\""))).isNotEmpty();
        assertThat(TranscriptSchema.problems(entered.replace("\"type\":\"node-entered\"", "\"type\":\"coffee\"")))
                .isNotEmpty();
        assertThat(TranscriptSchema.problems(entered.replace(",\"via\":\"start\"", ""))).isNotEmpty();
        assertThat(TranscriptSchema.problems(lines.get(0))).isEmpty();
        assertThat(TranscriptSchema.problems(lines.get(0).replace("\"formatVersion\":2", "\"formatVersion\":1")))
                .isNotEmpty();
    }

    /** The check every test gets after it runs: it passes an intact good file and fails an intact malformed one. */
    @Test
    void theCheckOnTestTranscriptsCanFail() throws Exception {
        Path own = Files.createTempDirectory("schema-check");
        try {
            Recorder.Recorded r = new Recorder(Fixtures.engine(), own, "0.1.0-test", false)
                    .start(Fixtures.playbook("001_walk.yaml"), w -> { });
            r.session().note("a note");
            r.writer().close();
            assertThat(dev.tshoot.testing.TranscriptSchemaCheck.checkAll(own)).isEqualTo(1);
            List<String> lines = Files.readAllLines(r.writer().file());
            StringBuilder out = new StringBuilder();
            String prev = "";
            for (String l : lines) {
                ObjectNode n = (ObjectNode) TranscriptJson.MAPPER.readTree(l);
                n.remove(List.of("prev", "hash"));
                if (n.path("type").asText().equals("note")) {
                    n.put("mood", "calm");
                }
                TranscriptJson.Sealed sealed = TranscriptJson.seal(n, prev);
                prev = sealed.hash();
                out.append(sealed.line()).append('\n');
            }
            Files.writeString(r.writer().file(), out.toString());
            assertThatThrownBy(() -> dev.tshoot.testing.TranscriptSchemaCheck.checkAll(own))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("line 4");
        } finally {
            try (Stream<Path> s = Files.walk(own)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The schema names, for every event type, exactly the wire record's properties plus the envelope. */
    @Test
    void theSchemaAndTheWireRecordsNameTheSameProperties() throws Exception {
        JsonNode defs = TranscriptJson.MAPPER.readTree(Files.readString(TranscriptSchema.FILE)).path("$defs");
        for (Map.Entry<String, Class<? extends WireEvent>> t : WireCodec.TYPES.entrySet()) {
            JsonNode def = defs.path("event-" + t.getKey());
            Set<String> props = new LinkedHashSet<>();
            def.path("properties").fieldNames().forEachRemaining(props::add);
            Set<String> required = new LinkedHashSet<>();
            def.path("required").forEach(n -> required.add(n.asText()));
            Set<String> expected = new LinkedHashSet<>(List.of("seq", "type", "at"));
            Set<String> expectedRequired = new LinkedHashSet<>(expected);
            for (RecordComponent rc : t.getValue().getRecordComponents()) {
                JsonProperty p = field(t.getValue(), rc.getName()).getAnnotation(JsonProperty.class);
                expected.add(p.value());
                if (p.required()) {
                    expectedRequired.add(p.value());
                }
            }
            expected.addAll(List.of("redactions", "prev", "hash"));
            expectedRequired.addAll(List.of("prev", "hash"));
            assertThat(props).as("properties of %s", t.getKey()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(required).as("required of %s", t.getKey()).containsExactlyInAnyOrderElementsOf(expectedRequired);
            assertThat(def.path("additionalProperties").asBoolean(true)).isFalse();
        }
        JsonNode playbook = defs.path("header").path("properties").path("playbook");
        assertThat(names(playbook.path("properties"))).as("properties of header.playbook")
                .containsExactlyInAnyOrderElementsOf(jsonNames(WireHeader.Playbook.class));
        assertThat(names(playbook.path("properties").path("signature").path("properties")))
                .as("properties of header.playbook.signature")
                .containsExactlyInAnyOrderElementsOf(jsonNames(WireHeader.Signature.class));
        for (Class<?> vocab : List.of(NodeType.class, Via.class, PromptKind.class, AnswerKind.class, Consent.class,
                CommandStatus.class, OutcomeResult.class, EndReason.class, SignatureStatus.class)) {
            String name = Character.toLowerCase(vocab.getSimpleName().charAt(0)) + vocab.getSimpleName().substring(1);
            List<String> inSchema = new ArrayList<>();
            defs.path(name).path("enum").forEach(n -> inSchema.add(n.asText()));
            assertThat(inSchema).as("vocabulary %s", name)
                    .isEqualTo(WireCodec.names((WireValue[]) vocab.getEnumConstants()));
        }
    }

    private static Set<String> names(JsonNode properties) {
        Set<String> out = new LinkedHashSet<>();
        properties.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Set<String> jsonNames(Class<?> record) {
        Set<String> out = new LinkedHashSet<>();
        for (RecordComponent rc : record.getRecordComponents()) {
            out.add(field(record, rc.getName()).getAnnotation(JsonProperty.class).value());
        }
        return out;
    }

    /** A header with a signature (every status), and one without (older transcripts), both conform and read back. */
    @Test
    void theHeadersSignatureConformsAndReadsBack() throws Exception {
        Playbook pb = Fixtures.playbook("001_walk.yaml");
        List<dev.tshoot.playbook.Provenance> all = List.of(
                dev.tshoot.playbook.Provenance.signed(pb.sha256(), "Acme Support", "0123456789abcdef"),
                dev.tshoot.playbook.Provenance.unsigned(pb.sha256()),
                dev.tshoot.playbook.Provenance.notTrusted(pb.sha256(), "Mallory", "fedcba9876543210"),
                dev.tshoot.playbook.Provenance.altered(pb.sha256(), "0123456789abcdef", "the signature does not verify"),
                dev.tshoot.playbook.Provenance.malformed(pb.sha256(), "walk.yaml.sig:2: field 'key': not a key id"));
        Recorder rec = new Recorder(Fixtures.engine(), dir, "0.1.0-test", false);
        for (dev.tshoot.playbook.Provenance p : all) {
            Recorder.Recorded r = rec.start(pb, p, w -> { }, Diagnostics.NONE, ConsentPolicy.ASK_ALWAYS);
            r.session().end("user");
            r.writer().close();
            TranscriptSchema.assertValid(r.writer().file());
            assertThat(TranscriptReader.read(r.writer().file()).header().playbook().signature())
                    .isEqualTo(TranscriptHeader.Signature.of(p));
        }
        Recorder.Recorded old = rec.start(pb, w -> { });
        old.writer().close();
        String header = Files.readAllLines(old.writer().file()).get(0);
        assertThat(header).doesNotContain("signature");
        assertThat(TranscriptSchema.problems(header)).isEmpty();
        assertThat(TranscriptReader.read(old.writer().file()).header().playbook().signature()).isNull();
        String signed = Files.readAllLines(Files.list(dir).sorted().findFirst().orElseThrow()).get(0);
        assertThat(TranscriptSchema.problems(signed.replace("\"status\":\"signed\"", "\"status\":\"trusted\"")))
                .isNotEmpty();
    }

    private static java.lang.reflect.Field field(Class<?> c, String name) {
        try {
            return c.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    private Set<String> recordCase(Playbook pb, CaseFile c, int n) throws Exception {
        assertThat(c.ok()).as("case %s: %s", c.file(), c.findings()).isTrue();
        TranscriptHeader h = new TranscriptHeader(TranscriptHeader.FORMAT, TranscriptHeader.FORMAT_VERSION,
                "0.1.0-test", String.format("c%07d", n), Fixtures.engine().clock().instant(),
                new TranscriptHeader.PlaybookRef(pb.id(), pb.metadata().version(), pb.metadata().title(), pb.sha256(),
                        pb.file()), HostSummary.current());
        List<String> warnings = new ArrayList<>();
        List<SessionEvent> events = new ArrayList<>();
        try (TranscriptWriter w = TranscriptWriter.create(dir, h, false, warnings::add)) {
            CaseRunner.Result r = CaseRunner.run(pb, c, Fixtures.engine(), e -> {
                events.add(e);
                w.accept(e);
            });
            assertThat(r.path()).as("case %s", c.file()).isNotEmpty(); // a failing case (004) is recorded all the same
            assertThat(warnings).isEmpty();
            return check(w.file(), events);
        }
    }

    /** Validates every line, reads the file back strictly, and returns the line types met. */
    private static Set<String> check(Path file, List<SessionEvent> recorded) throws Exception {
        int lines = TranscriptSchema.assertValid(file);
        TranscriptReader.Transcript t = TranscriptReader.read(file);
        assertThat(t.skippedLines()).isZero();
        assertThat(t.integrity().status()).isEqualTo(dev.tshoot.transcript.TranscriptVerifier.Status.OK);
        assertThat(t.events()).hasSize(lines - 1);
        assertThat(t.events().stream().map(SessionEvent::type).toList())
                .isEqualTo(recorded.stream().map(SessionEvent::type).toList());
        Set<String> types = new LinkedHashSet<>();
        for (String l : Files.readAllLines(file)) {
            types.add(((ObjectNode) TranscriptJson.MAPPER.readTree(l)).path("type").asText());
        }
        return types;
    }

    private static Playbook load(Path file) throws IOException {
        PlaybookLoader.Result r = new PlaybookLoader().load(file.toString(), Files.readAllBytes(file), null);
        assertThat(r.valid()).as("%s: %s", file, r.findings()).isTrue();
        return r.playbook();
    }

    private static Set<String> allTypes() {
        Set<String> s = new LinkedHashSet<>(List.of("header"));
        s.addAll(WireCodec.TYPES.keySet());
        return s;
    }
}
