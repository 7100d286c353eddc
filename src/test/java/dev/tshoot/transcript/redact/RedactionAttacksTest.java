package dev.tshoot.transcript.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tshoot.transcript.TranscriptHeader;
import dev.tshoot.transcript.TranscriptJson;
import dev.tshoot.transcript.TranscriptWriter;

/**
 * The numbered redaction attacks ({@code src/test/resources/attacks/redaction/NNN_<name>.<kind>}), each
 * with its exact expected text in {@code NNN_<name>.expected}. The kind says where the input goes:
 * {@code txt} a text value (output, a note, an answer); {@code argv} a command's argument list, one
 * argument per line; {@code cut} a stdout the output cap cut at its end; {@code capped} the same with what followed the
 * cap (after {@code <CAP>}) known to the redactor, as the process runner keeps it; {@code title} the playbook
 * title, as written into a transcript's header.
 */
class RedactionAttacksTest {

    static final Path DIR = Path.of("src/test/resources/attacks/redaction");

    @TempDir
    Path dir;

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> !p.getFileName().toString().endsWith(".expected")).sorted().toList().stream();
        }
    }

    @Test
    void theFixturesAreNumberedAndEachHasItsExpectedText() throws IOException {
        List<Path> inputs = fixtures().toList();
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(16);
        for (int i = 0; i < inputs.size(); i++) {
            String name = inputs.get(i).getFileName().toString();
            assertThat(name).matches(String.format("%03d_[a-z0-9_]+\\.(txt|argv|cut|capped|title)", i + 1));
            assertThat(expected(inputs.get(i))).exists();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void eachAttackIsRedactedExactlyAsExpected(Path fixture) throws IOException {
        String input = Files.readString(fixture, StandardCharsets.UTF_8);
        String want = Files.readString(expected(fixture), StandardCharsets.UTF_8);
        String name = fixture.getFileName().toString();
        String kind = name.substring(name.lastIndexOf('.') + 1);
        Redactor r = RedactionRules.defaults().newRedactor();
        String got = switch (kind) {
            case "txt" -> r.redact(input).text();
            case "argv" -> argv(r, input);
            case "cut" -> cut(r, input);
            case "capped" -> capped(r, input);
            case "title" -> title(input);
            default -> throw new AssertionError("unknown fixture kind " + kind);
        };
        assertThat(got).as(name).isEqualTo(want);
        // redacting again changes nothing
        if (!kind.equals("argv") && !kind.equals("title")) {
            assertThat(RedactionRules.defaults().newRedactor().redact(got).counts()).as(name + " twice").isEmpty();
        }
    }

    private static String argv(Redactor r, String input) {
        ObjectNode line = TranscriptJson.MAPPER.createObjectNode();
        ArrayNode a = line.putArray("argv");
        Arrays.stream(input.split("\n")).forEach(a::add);
        r.redact(line);
        List<String> out = new ArrayList<>();
        line.path("argv").forEach(n -> out.add(n.asText()));
        return String.join("\n", out) + "\n";
    }

    private static String cut(Redactor r, String input) {
        ObjectNode line = TranscriptJson.MAPPER.createObjectNode();
        line.put("stdout", input);
        line.put("stdoutTruncated", true);
        r.redact(line);
        return line.path("stdout").asText();
    }

    /** A stdout the cap cut at {@code <CAP>}, with what followed the cap handed to the redactor. */
    private static String capped(Redactor r, String input) {
        int at = input.indexOf("<CAP>");
        assertThat(at).as("a .capped fixture marks the cap with <CAP>").isPositive();
        ObjectNode line = TranscriptJson.MAPPER.createObjectNode();
        line.put("stdout", input.substring(0, at));
        line.put("stdoutTruncated", true);
        r.redact(line, java.util.Map.of("stdout", input.substring(at + "<CAP>".length())));
        return line.path("stdout").asText();
    }

    private String title(String input) throws IOException {
        TranscriptHeader h = new TranscriptHeader(TranscriptHeader.FORMAT, TranscriptHeader.FORMAT_VERSION, "test", "s0001",
                Instant.parse("2026-01-02T03:04:05Z"), new TranscriptHeader.PlaybookRef("db", "1.0.0", input,
                        "0".repeat(64), "db.yaml"), new TranscriptHeader.Host("Linux", "6.1", "amd64", "host1", "ops"));
        try (TranscriptWriter w = TranscriptWriter.create(dir, h, false, m -> { })) {
            String first = Files.readAllLines(w.file(), StandardCharsets.UTF_8).get(0);
            JsonNode n = TranscriptJson.MAPPER.readTree(first);
            assertThat(TranscriptJson.checkSeal(first)).as("the header's hash covers the redacted title").isNotNull();
            assertThat(first).doesNotContain("redactions");
            return n.path("playbook").path("title").asText();
        }
    }

    private static Path expected(Path input) {
        String n = input.getFileName().toString();
        return input.resolveSibling(n.substring(0, n.lastIndexOf('.')) + ".expected");
    }
}
