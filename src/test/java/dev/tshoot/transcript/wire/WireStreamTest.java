package dev.tshoot.transcript.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;

import dev.tshoot.engine.ConsentPolicy;
import dev.tshoot.engine.Diagnostics;
import dev.tshoot.engine.ScriptedDiagnostics;
import dev.tshoot.engine.Session;
import dev.tshoot.testing.Fixtures;
import dev.tshoot.transcript.Recorder;
import dev.tshoot.transcript.TranscriptJson;

/**
 * The streaming decoder against the tree decoder it stands in for: on every line the writer writes
 * (every event type) it takes the line and builds the same record; on each of many altered lines it
 * either gives up or builds exactly what {@link WireCodec#decode} builds. And the timestamp fast path
 * against {@link Instant#parse}.
 */
class WireStreamTest {

    @TempDir
    Path dir;

    private static final List<String> ODD_VALUES = List.of("null", "\"x\"", "\"\"", "0", "-1", "1.5", "1e3", "true",
            "false", "[]", "[\"a\"]", "{}", "{\"a\":\"b\"}", "99999999999999999999", "\"2026-01-01T00:00:00Z\"",
            "\"start\"", "\"check\"", "\"exited\"", "[{}]", "{\"a\":null}", "{\"a\":1}");

    @Test
    void everyWrittenLineIsTakenAndAlteredLinesDecodeAsTheTreeDecodes() throws Exception {
        List<String> lines = recordEveryEventType();
        Set<String> types = new LinkedHashSet<>();
        int taken = 0;
        int variants = 0;
        for (String line : lines.subList(1, lines.size())) {
            WireStream.Line w = stream(line);
            assertThat(w).as("taken: %s", line).isNotNull();
            assertSkimmedAlike(line, w);
            types.add(w.type());
            assertSame(line, w);
            JsonNode tree = TranscriptJson.MAPPER.readTree(line);
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            for (String name : names) {
                String member = "\"" + name + "\":" + TranscriptJson.MAPPER.writeValueAsString(tree.get(name));
                List<String> altered = new ArrayList<>();
                altered.add(line.replace("," + member, "").replace(member + ",", "")); // removed
                altered.add(line.replace(",\"prev\":", "," + member + ",\"prev\":")); // repeated at the end
                altered.add("{" + member + "," + line.substring(1)); // repeated at the start
                for (String v : ODD_VALUES) {
                    altered.add(line.replace(member, "\"" + name + "\":" + v));
                }
                altered.add(line.replace(",\"prev\":", ",\"zz\":1,\"prev\":")); // unknown member
                for (String a : altered) {
                    variants++;
                    WireStream.Line got = stream(a);
                    assertSkimmedAlike(a, got);
                    if (got != null) {
                        taken++;
                        assertSame(a, got);
                    }
                }
            }
        }
        assertThat(types).containsExactlyInAnyOrderElementsOf(WireCodec.TYPES.keySet());
        assertThat(variants).isGreaterThan(1000);
        assertThat(taken).isGreaterThan(0);
    }

    /** What the stream built is what the tree decoder builds from the same line. */
    private static void assertSame(String line, WireStream.Line got) throws Exception {
        JsonNode tree = TranscriptJson.MAPPER.readTree(line);
        WireEvent expected;
        try {
            expected = WireCodec.decode(tree, 1);
        } catch (WireFormatException e) {
            throw new AssertionError("the stream took a line the tree decoder refuses: " + line + ": " + e.getMessage());
        }
        assertThat(got.event()).as(line).isEqualTo(expected);
        assertThat(got.type()).isEqualTo(tree.path("type").asText());
        assertThat(got.prev()).isEqualTo(tree.path("prev").asText());
    }

    /**
     * A skimmed line (checked, not built) is taken exactly when the full reading takes it, with the
     * same chain members: skimming changes what is built, never what is accepted.
     */
    private static void assertSkimmedAlike(String line, WireStream.Line full) {
        WireStream.Line skim;
        try (JsonParser p = TranscriptJson.MAPPER.getFactory().createParser(line.getBytes(StandardCharsets.UTF_8))) {
            WireStream.Line l = WireStream.event(p, WireCodec.TYPES.keySet());
            skim = l != null && p.nextToken() == null ? l : null;
        } catch (Exception e) {
            skim = null;
        }
        if (full == null) {
            assertThat(skim).as("skimmed but not taken whole: %s", line).isNull();
            return;
        }
        assertThat(skim).as("taken whole but not skimmed: %s", line).isNotNull();
        assertThat(skim.event()).isNull();
        assertThat(skim.type()).isEqualTo(full.type());
        assertThat(skim.prev()).isEqualTo(full.prev());
        assertThat(skim.seq()).isEqualTo(full.event().seq());
    }

    private static WireStream.Line stream(String line) {
        try (JsonParser p = TranscriptJson.MAPPER.getFactory().createParser(line.getBytes(StandardCharsets.UTF_8))) {
            WireStream.Line l = WireStream.event(p);
            return l != null && p.nextToken() == null ? l : null;
        } catch (Exception e) {
            return null;
        }
    }

    private List<String> recordEveryEventType() throws Exception {
        Recorder rec = new Recorder(Fixtures.engine(), dir, "0.1.0-test", false);
        Recorder.Recorded walk = rec.start(Fixtures.playbook("001_walk.yaml"), w -> { });
        Session s = walk.session();
        s.answer("linux");
        s.answer("yes");
        s.back();
        s.note("a note with ünïcode ✓ and \"quotes\"\n");
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
        List<String> lines = new ArrayList<>(Files.readAllLines(walk.writer().file(), StandardCharsets.UTF_8));
        ScriptedDiagnostics d = new ScriptedDiagnostics("linux")
                .probe("virtualization", new Diagnostics.ProbeData("virtualization",
                        Map.of("isVirtualMachine", true, "hypervisor", "vmware", "n", 3), Map.of("nested", "no /dev/kvm"),
                        List.of(Map.of("source", "dmi:sys_vendor", "weight", "strong")), 3, null))
                .command("vmlookup", new Diagnostics.CommandData("exited", 0, "found\n", "", false, false, true, true,
                        5, false, null))
                .command("lscpu", new Diagnostics.CommandData("exited", 0, "Virtualization: VT-x\n", "", false, false,
                        true, true, 5, false, null));
        Recorder.Recorded checks = rec.start(Fixtures.playbook("002_checks.yaml"), w -> { }, d, ConsentPolicy.ASK_ALWAYS);
        s = checks.session();
        s.answer("web");
        s.consent(Session.Consent.YES);
        s.consent(Session.Consent.ALWAYS);
        s.consent(Session.Consent.NO);
        s.end("user");
        checks.writer().close();
        List<String> more = Files.readAllLines(checks.writer().file(), StandardCharsets.UTF_8);
        lines.addAll(more.subList(1, more.size()));
        return lines;
    }

    @Test
    void timestampsReadAsInstantParseReadsThem() {
        List<String> texts = new ArrayList<>(List.of("2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z",
                "2100-02-29T00:00:00Z", "2000-02-29T23:59:59.999999999Z", "2024-13-01T00:00:00Z", "2024-00-01T00:00:00Z",
                "2024-01-00T00:00:00Z", "2024-04-31T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T23:60:00Z",
                "2024-01-01T23:59:60Z", "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00.1234567890Z",
                "2024-01-01T00:00:00.1Z", "2024-01-01T00:00:00,5Z", "+12024-01-01T00:00:00Z", "-0001-01-01T00:00:00Z",
                "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2024-01-01t00:00:00Z", "2024-01-01T00:00:00z",
                "2024-01-01T00:00:00+01:00", "2024-01-01T00:00Z", "2024-1-01T00:00:00Z", "2024-01-01T0a:00:00Z",
                "２０２４-01-01T00:00:00Z", "2024-01-01T00:00:00.12a4Z", "2024-01-01 00:00:00Z", " 2024-01-01T00:00:00Z",
                "2024-01-01T00:00:00Z ", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z", ""));
        Random r = new Random(12);
        for (int i = 0; i < 20_000; i++) {
            long sec = r.nextLong(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            int nanos = switch (r.nextInt(4)) {
                case 0 -> 0;
                case 1 -> r.nextInt(1000) * 1_000_000;
                case 2 -> r.nextInt(1_000_000) * 1000;
                default -> r.nextInt(1_000_000_000);
            };
            texts.add(Instant.ofEpochSecond(sec, nanos).toString());
        }
        for (String t : texts) {
            Instant expected;
            try {
                expected = Instant.parse(t);
            } catch (DateTimeParseException e) {
                expected = null;
            }
            assertThat(WireTime.parseOrNull(t)).as(t).isEqualTo(expected);
            Instant fast = WireTime.fast(t);
            if (fast != null) {
                assertThat(fast).as(t).isEqualTo(expected);
            }
        }
        assertThat(WireTime.fast("2026-02-03T10:00:01.123Z")).isNotNull(); // the writer's form takes the short path
    }
}
