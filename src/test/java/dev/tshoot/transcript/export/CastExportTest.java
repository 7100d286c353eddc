package dev.tshoot.transcript.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tshoot.engine.SessionEvent;
import dev.tshoot.transcript.TranscriptJson;

/** asciicast v2: header, event shape, times, markers, line ends, surrogate pairs. */
class CastExportTest {

    record Cast(JsonNode header, List<JsonNode> events) {
        String output() {
            StringBuilder sb = new StringBuilder();
            events.stream().filter(e -> e.get(1).asText().equals("o")).forEach(e -> sb.append(e.get(2).asText()));
            return sb.toString();
        }
    }

    static Cast cast(String fixture) throws Exception {
        String text = new CastExporter().render(Report.of(ExportSource.load(ExportFixtures.file(fixture), ExportFixtures.PLAYBOOKS)));
        assertThat(text).endsWith("\n");
        String[] lines = text.split("\n");
        List<JsonNode> events = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            events.add(TranscriptJson.MAPPER.readTree(lines[i]));
        }
        return new Cast(TranscriptJson.MAPPER.readTree(lines[0]), events);
    }

    @Test
    void headerIsAsciicastV2() throws Exception {
        JsonNode h = cast("001_walk_resolved").header();
        assertThat(h.toString()).isEqualTo("{\"version\":2,\"width\":100,\"height\":30,\"timestamp\":1767323045,"
                + "\"idle_time_limit\":2,\"title\":\"tshoot: Test walk (session e0000001)\"}");
    }

    @Test
    void everyEventIsTimeCodeDataWithTimesThatNeverDecrease() throws Exception {
        for (String name : ExportFixtures.NAMES) {
            double last = 0;
            for (JsonNode e : cast(name).events()) {
                assertThat(e.isArray() && e.size() == 3).as(name + ": " + e).isTrue();
                assertThat(e.get(0).isNumber()).isTrue();
                assertThat(e.get(0).asDouble()).as(name).isGreaterThanOrEqualTo(last);
                last = e.get(0).asDouble();
                assertThat(e.get(1).asText()).isIn("o", "m");
                String data = e.get(2).asText();
                assertThat(data.replace("\r\n", "")).as("only CR LF line ends").doesNotContain("\n");
            }
        }
    }

    @Test
    void oneMarkerPerNodeEnteredAtTheTimeRecorded() throws Exception {
        Cast c = cast("003_walk_navigation");
        List<String> markers = c.events().stream().filter(e -> e.get(1).asText().equals("m")).map(e -> e.get(2).asText()).toList();
        List<String> entered = ExportSource.load(ExportFixtures.file("003_walk_navigation"), ExportFixtures.PLAYBOOKS).transcript().events().stream()
                .filter(e -> e instanceof SessionEvent.NodeEntered).map(e -> "node:" + ((SessionEvent.NodeEntered) e).node()).toList();
        assertThat(markers).isEqualTo(entered).startsWith("node:ask-os", "node:ask-vm", "node:route", "node:fix-linux",
                "node:ask-vm");
        JsonNode first = c.events().stream().filter(e -> e.get(1).asText().equals("m")).findFirst().orElseThrow();
        assertThat(first.get(0).asDouble()).as("one second after the header's start").isEqualTo(1.0);
    }

    @Test
    void theSessionAsTheUserSawIt() throws Exception {
        String out = cast("002_checks_commands").output();
        assertThat(out).contains("Which VM name?").contains("web <01>")
                .contains("tshoot wants to run a read-only command:").contains("vmlookup --name 'web <01>'")
                .contains("found VM web <01>: <script>alert(1)</script>\r\n")
                .contains("Grüße aus Köln, 東京, emoji 😀, ESC \\u001b[31mred\\u001b[0m")
                .contains("note: \u001b[0mcustomer password [redacted]")
                .contains("a command that CHANGES the system")
                .contains("not run (declined)")
                .contains("UNRESOLVED").contains("Not exposed")
                .contains("Integrity: OK: hash chain consistent (23 events)");
        assertThat(out).as("a recorded ESC never reaches the player's terminal")
                .doesNotContain("\u001b[31mred");
        String torn = cast("005_torn").output();
        assertThat(torn).contains("Integrity: TORN TAIL at line 23");
    }

    @Test
    void longOutputIsCutWithoutSplittingSurrogatePairs() {
        String s = "a" + "😀".repeat(3000) + "\nend";
        for (int max : new int[] {2, 3, 7, 2048}) {
            List<String> chunks = CastWriter.chunks(s, max);
            assertThat(String.join("", chunks)).isEqualTo(s);
            for (String c : chunks) {
                assertThat(c.length()).isLessThanOrEqualTo(max);
                assertThat(Character.isLowSurrogate(c.charAt(0))).as("chunk starts inside a pair").isFalse();
                assertThat(Character.isHighSurrogate(c.charAt(c.length() - 1))).as("chunk ends inside a pair").isFalse();
            }
        }
        assertThat(CastWriter.chunks("ab\r\ncd", 3)).as("CR LF stays together").containsExactly("ab", "\r\n", "cd");
    }
}
