package dev.tshoot.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tshoot.engine.SessionEvent;
import dev.tshoot.playbook.Node;
import dev.tshoot.testing.Fixtures;
import dev.tshoot.transcript.export.ExportFixtures;
import dev.tshoot.transcript.wire.WireCodec;

/** Transcript format version 2: round trips, the shape of its lines, and what strict reading refuses. */
@dev.tshoot.testing.TranscriptSchemaCheck.WritesMalformedTranscripts // it seals malformed lines on purpose
class WireFormatTest {

    static final String ADVICE = " A version-2 transcript holds only what its format defines"
            + " (docs/transcript-format.md): the line was altered or written by another program."
            + " 'tshoot transcript verify <file>' tells whether it was altered.";

    private static final Instant AT = Instant.parse("2026-05-06T07:08:09.123456Z");

    @TempDir
    Path dir;

    /** One event of every type, every optional property set. */
    static List<SessionEvent> everyType() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("isVirtualMachine", true);
        facts.put("hypervisor", "kvm");
        facts.put("cores", 4);
        facts.put("flags", List.of("vmx", "ept"));
        return List.of(
                new SessionEvent.NodeEntered(1, AT, "ask", "question", "start"),
                new SessionEvent.PromptShown(2, AT, "ask", "choice", "Which?", "help text",
                        List.of(new SessionEvent.Option("a", "A"), new SessionEvent.Option("b", null)), "do this",
                        List.of(new Node.Snippet("linux", "sh", "ls -l", "a note"), new Node.Snippet("any", "none", "x", null)),
                        List.of("ls", "-l")),
                new SessionEvent.AnswerGiven(3, AT, "ask", "text", "[secret]", "label", true),
                new SessionEvent.CheckEvaluated(4, AT, "route", List.of(new SessionEvent.ConditionResult("a == 1", false,
                        "no such name"), new SessionEvent.ConditionResult(null, true, null)), "done"),
                new SessionEvent.WentBack(5, AT, "done", "ask"),
                new SessionEvent.Jumped(6, AT, "ask", "fix"),
                new SessionEvent.Restarted(7, AT, "fix"),
                new SessionEvent.NoteAdded(8, AT, "ask", "a note"),
                new SessionEvent.OutcomeReached(9, AT, "handed-over", "escalate", "Escalate", "Ask the team",
                        List.of("https://example.org"), new Node.Handover("other-playbook", "start-here")),
                new SessionEvent.SessionEnded(10, AT, "outcome", "escalate"),
                new SessionEvent.ProbeRan(11, AT, "detect", "virtualization", facts, Map.of("nested", "no /dev/kvm"),
                        List.of(Map.of("source", "dmi", "weight", "strong")), 7, "partly failed"),
                new SessionEvent.CommandRan(12, AT, "read", List.of("lscpu", "-e"), true, true, "dry-run", "cpu",
                        "timed_out", 137, "out", "err", true, false, false, true, 5000, true, "timed out"));
    }

    @Test
    void everyEventTypeRoundTripsEngineToWireToJsonAndBack() throws Exception {
        List<SessionEvent> events = everyType();
        assertThat(events.stream().map(SessionEvent::type).toList())
                .containsExactlyInAnyOrderElementsOf(WireCodec.TYPES.keySet());
        assertThat(SessionEvent.class.getPermittedSubclasses()).hasSameSizeAs(events);
        for (SessionEvent e : events) {
            String json = TranscriptJson.MAPPER.writeValueAsString(TranscriptJson.encode(e));
            assertThat(TranscriptJson.decode(TranscriptJson.MAPPER.readTree(json))).as(json).isEqualTo(e);
        }
        TranscriptHeader h = new TranscriptHeader(TranscriptHeader.FORMAT, 2, "1.0", "abcd0123", AT,
                new TranscriptHeader.PlaybookRef("walk", "1.0.0", "Walk", "a".repeat(64), "playbooks/walk.yaml"),
                new TranscriptHeader.Host("Linux", "6.1", "amd64", "host", "user"));
        String json = TranscriptJson.MAPPER.writeValueAsString(TranscriptJson.encode(h));
        assertThat(TranscriptJson.decodeHeader(TranscriptJson.MAPPER.readTree(json))).isEqualTo(h);
    }

    @Test
    void theCommandRanLineIsWrittenInThisExactForm() throws Exception {
        assertThat(TranscriptJson.MAPPER.writeValueAsString(TranscriptJson.encode(everyType().get(11)))).isEqualTo(
                "{\"seq\":12,\"type\":\"command-ran\",\"at\":\"2026-05-06T07:08:09.123456Z\",\"node\":\"read\","
                + "\"argv\":[\"lscpu\",\"-e\"],\"shell\":true,\"mutating\":true,\"consent\":\"dry-run\",\"register\":\"cpu\","
                + "\"status\":\"timed_out\",\"exitCode\":137,\"stdout\":\"out\",\"stderr\":\"err\",\"stdoutTruncated\":true,"
                + "\"stderrTruncated\":false,\"stdoutValidUtf8\":false,\"stderrValidUtf8\":true,\"durationMs\":5000,"
                + "\"timedOut\":true,\"error\":\"timed out\"}");
    }

    /** A version-2 line reads like the version-1 line of the same event: only the header's version differs. */
    @Test
    void versionTwoLinesLookLikeVersionOneLines() throws Exception {
        int compared = 0;
        for (String name : ExportFixtures.NAMES) {
            if (name.equals("005_torn")) {
                continue; // its last line is cut off
            }
            List<String> lines = Files.readAllLines(ExportFixtures.file(name), StandardCharsets.UTF_8);
            ObjectNode v1Header = (ObjectNode) TranscriptJson.MAPPER.readTree(lines.get(0));
            ObjectNode v2Header = TranscriptJson.encode(TranscriptV1.decodeHeader(v1Header));
            v1Header.remove(List.of("prev", "hash"));
            v1Header.put("formatVersion", 2);
            assertThat(v2Header.toString()).isEqualTo(v1Header.toString());
            for (String l : lines.subList(1, lines.size())) {
                ObjectNode v1 = (ObjectNode) TranscriptJson.MAPPER.readTree(l);
                ObjectNode v2 = TranscriptJson.encode(TranscriptV1.decode(v1));
                v1.remove(List.of("redactions", "prev", "hash"));
                assertThat(v2.toString()).isEqualTo(v1.toString());
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(90);
    }

    @Test
    void everyVersionOneFixtureStillReads() throws Exception {
        Map<String, Integer> events = new LinkedHashMap<>();
        for (String name : ExportFixtures.NAMES) {
            TranscriptReader.Transcript t = TranscriptReader.read(ExportFixtures.file(name));
            assertThat(t.header().formatVersion()).isEqualTo(1);
            events.put(name, t.events().size());
        }
        assertThat(events).containsExactly(Map.entry("001_walk_resolved", 22), Map.entry("002_checks_commands", 23),
                Map.entry("003_walk_navigation", 29), Map.entry("004_tampered", 22), Map.entry("005_torn", 21),
                Map.entry("006_playbook_changed", 15));
    }

    /** Version 1 promised its readers to ignore unknown members and event types: that promise is kept. */
    @Test
    void versionOneStaysLenient() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(ExportFixtures.file("001_walk_resolved")));
        lines.set(11, lines.get(11).replace("\"node\":", "\"mood\":\"calm\",\"node\":"));
        lines.add(12, "{\"seq\":99,\"type\":\"coffee-made\",\"at\":\"2026-01-02T03:04:05Z\"}");
        Path f = dir.resolve("v1-extended.jsonl");
        Files.write(f, lines);
        TranscriptReader.Transcript t = TranscriptReader.read(f);
        assertThat(t.skippedLines()).isEqualTo(1);
        assertThat(t.events()).hasSize(22);
        assertThat(t.events().get(10)).isInstanceOf(SessionEvent.NoteAdded.class);
    }

    /** Numbered hostile inputs: a change to one line of a sealed version-2 transcript, and what the reader says. */
    static Stream<Arguments> refused() {
        return Stream.of(
                c("001_unknown_event_type", 3, edit("type", "coffee-made"),
                        "line 3: unknown event type 'coffee-made'; format version 2 has node-entered, prompt-shown,"
                        + " answer-given, check-evaluated, back, goto, restart, note, outcome, session-ended, probe-ran,"
                        + " command-ran."),
                c("002_unknown_property", 4, put("mood", "calm"),
                        "line 4: unknown property 'mood' in event 'note'."),
                c("003_unknown_nested_property", 3, n -> {
                    ((ObjectNode) n.path("choices").get(1)).put("colour", "red");
                    return n;
                }, "line 3: unknown property 'colour' in event 'prompt-shown' (in 'choices[1]')."),
                c("004_unknown_via", 2, edit("via", "teleport"),
                        "line 2: property 'via' in event 'node-entered': 'teleport' is not a known way a node was reached"
                        + " (expected one of start, answer, check, action, back, goto, restart)."),
                c("005_missing_property", 4, n -> {
                    n.remove("text");
                    return n;
                }, "line 4: event 'note' lacks the required property 'text'."),
                c("006_null_property", 4, n -> n.putNull("text"),
                        "line 4: property 'text' in event 'note' is null; version 2 leaves a property without a value out."),
                c("007_wrong_type", 2, n -> n.put("node", 7),
                        "line 2: property 'node' in event 'node-entered' has a value of the wrong type (Cannot coerce"
                        + " Integer value (7) to `java.lang.String` value (but could if coercion was enabled using"
                        + " `CoercionConfig`))."),
                c("008_unknown_header_property", 1, put("licence", "none"),
                        "has a damaged header: line 1: unknown property 'licence' in the header."),
                c("009_bad_redactions", 4, n -> n.put("redactions", "many"),
                        "line 4: 'redactions' in event 'note' must map rule names to counts above zero."),
                c("010_missing_nested_property", 3, n -> {
                    ((ObjectNode) n.path("choices").get(0)).remove("value");
                    return n;
                }, "line 3: event 'prompt-shown' lacks the required property 'choices[0].value'."),
                c("011_bad_instant", 2, edit("at", "yesterday"),
                        "line 2: property 'at' in event 'node-entered' has a value of the wrong type (Cannot deserialize"
                        + " value of type `java.time.Instant` from String \"yesterday\": not an ISO-8601 instant in UTC)."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void strictReadingRefusesWithTheLineNumber(String name, int line, UnaryOperator<ObjectNode> change, String expected)
            throws Exception {
        Path f = sealed(dir.resolve(name + ".jsonl"), line, change);
        String prefix = line == 1 ? f + " " : f + ", ";
        assertThatThrownBy(() -> TranscriptReader.read(f)).isInstanceOf(TranscriptReader.UnreadableException.class)
                .hasMessage(prefix + expected + ADVICE);
        assertThat(new TranscriptVerifier().verify(f).intact()).as("the chain was re-sealed: only the format is wrong")
                .isTrue();
    }

    @Test
    void aNewerFormatVersionIsRefusedByReaderAndVerifier() throws Exception {
        Path f = sealed(dir.resolve("v3.jsonl"), 1, n -> n.put("formatVersion", 3));
        assertThatThrownBy(() -> TranscriptReader.read(f)).hasMessage(f + " uses transcript format version 3; this"
                + " tshoot reads versions 1 and 2. Open it with the tshoot release that wrote it (0.1.0-test) or a newer one.");
        assertThat(new TranscriptVerifier().verify(f).message())
                .isEqualTo("This transcript uses format version 3; this tshoot reads versions 1 and 2.");
    }

    /** A secret that equals a vocabulary name (here "check") leaves the typed members as written. */
    @Test
    void redactionLeavesClosedVocabulariesAlone() throws Exception {
        Recorder.Recorded r = new Recorder(Fixtures.engine(), dir, "0.1.0-test", false)
                .start(Fixtures.playbook("001_walk.yaml"), w -> { });
        r.writer().secret("check");
        r.session().answer("windows");
        r.session().answer("yes");
        r.session().note("please check the BIOS");
        r.writer().close();
        TranscriptReader.Transcript t = TranscriptReader.read(r.writer().file());
        assertThat(t.events()).filteredOn(e -> e instanceof SessionEvent.NodeEntered)
                .extracting(e -> ((SessionEvent.NodeEntered) e).nodeType()).containsExactly("question", "question", "check",
                        "question");
        assertThat(t.events()).filteredOn(e -> e instanceof SessionEvent.NoteAdded)
                .extracting(e -> ((SessionEvent.NoteAdded) e).text()).containsExactly("please [REDACTED:playbook-secret:1] the BIOS");
        assertThat(dev.tshoot.testing.TranscriptSchema.assertValid(r.writer().file())).isEqualTo(t.events().size() + 1);
    }

    private static Arguments c(String name, int line, UnaryOperator<ObjectNode> change, String expected) {
        return Arguments.of(name, line, change, expected);
    }

    private static UnaryOperator<ObjectNode> edit(String member, String value) {
        return n -> n.put(member, value);
    }

    private static UnaryOperator<ObjectNode> put(String member, String value) {
        return n -> n.put(member, value); // a member the format does not define, before the chain members
    }

    /**
     * A version-2 transcript of the walk playbook (header, node-entered, prompt-shown, note, ...) with line
     * {@code line} changed and the whole chain sealed again, so that only the format is wrong.
     */
    private Path sealed(Path target, int line, UnaryOperator<ObjectNode> change) throws Exception {
        Recorder.Recorded r = new Recorder(Fixtures.engine(), dir.resolve("src-" + target.getFileName()), "0.1.0-test",
                false).start(Fixtures.playbook("001_walk.yaml"), w -> { });
        r.session().note("a note");
        r.session().answer("windows");
        r.writer().close();
        List<String> lines = Files.readAllLines(r.writer().file(), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        String prev = "";
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode n = (ObjectNode) TranscriptJson.MAPPER.readTree(lines.get(i));
            n.remove(List.of("prev", "hash"));
            if (i + 1 == line) {
                n = change.apply(n);
                n.remove("prev");
            }
            TranscriptJson.Sealed s = TranscriptJson.seal(n, prev);
            prev = s.hash();
            out.append(s.line()).append('\n');
        }
        Files.writeString(target, out.toString());
        return target;
    }

}
