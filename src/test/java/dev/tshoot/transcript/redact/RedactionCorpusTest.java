package dev.tshoot.transcript.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tshoot.testing.RedactionCorpus;
import dev.tshoot.testing.RedactionCorpus.Channel;
import dev.tshoot.testing.RedactionCorpus.Entry;
import dev.tshoot.transcript.TranscriptJson;
import dev.tshoot.transcript.TranscriptReader;
import dev.tshoot.transcript.TranscriptVerifier;

/** Records a real session full of planted secrets and checks the transcript on disk. */
class RedactionCorpusTest {

    @TempDir
    static Path dir;

    static Path file;
    static byte[] bytes;
    static List<String> rawLines;
    static List<JsonNode> lines;

    @BeforeAll
    static void record() throws IOException {
        file = RedactionCorpus.recordSession(dir);
        bytes = Files.readAllBytes(file);
        rawLines = Files.readAllLines(file, StandardCharsets.UTF_8);
        lines = new ArrayList<>();
        for (String l : rawLines) {
            lines.add(TranscriptJson.MAPPER.readTree(l));
        }
    }

    @Test
    void theCorpusPlantsAtLeastThirtySecretsInEveryChannelAndCoversEveryDefaultRule() {
        assertThat(RedactionCorpus.entries().stream().filter(e -> e.channel() != Channel.SECRET_ANSWER))
                .hasSizeGreaterThanOrEqualTo(30);
        assertThat(RedactionCorpus.entries().stream().map(Entry::channel).distinct())
                .containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Channel.class));
        assertThat(RedactionCorpus.entries().stream().map(Entry::rule).distinct())
                .containsAll(RedactionRules.defaults().names())
                .contains(RedactionRules.PLAYBOOK_SECRET);
    }

    @Test
    void noSecretReachesTheFile() {
        assertThat(RedactionCorpus.leaks(bytes)).as("secrets found in %s", file).isEmpty();
        for (String s : RedactionCorpus.secrets()) {
            assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain(s);
        }
    }

    @Test
    void theHashChainVerifiesAndTheTranscriptReadsBack() throws Exception {
        TranscriptVerifier.Result r = new TranscriptVerifier().verify(file);
        assertThat(r.status()).as(r.message()).isEqualTo(TranscriptVerifier.Status.OK);
        assertThat(r.closed()).isTrue();
        TranscriptReader.Transcript t = TranscriptReader.read(file);
        assertThat(t.events()).hasSize(lines.size() - 1);
        assertThat(t.skippedLines()).isZero();
    }

    @Test
    void everyPlantedSecretBecomesOnePlaceholderAndTheSameSecretTheSameOne() {
        List<String> strings = new ArrayList<>();
        lines.forEach(l -> strings(l, strings));
        Map<String, Integer> numberOf = new HashMap<>();
        for (Entry e : RedactionCorpus.entries()) {
            if (e.channel() == Channel.SECRET_ANSWER) {
                continue;
            }
            Integer n = null;
            for (String s : strings) {
                Matcher m = e.redacted().matcher(s);
                if (m.find()) {
                    n = Integer.valueOf(m.group(1));
                    break;
                }
            }
            assertThat(n).as("%s: no '%s' in the transcript", e.id(), e.redacted()).isNotNull();
            Integer before = numberOf.putIfAbsent(e.secret(), n);
            assertThat(before == null ? n : before).as("%s: the same secret got another number", e.id()).isEqualTo(n);
        }
        // distinct secrets, distinct numbers
        assertThat(Set.copyOf(numberOf.values())).hasSize(numberOf.size());

        JsonNode cmd = only("command-ran");
        List<String> argv = new ArrayList<>();
        cmd.path("argv").forEach(a -> argv.add(a.asText()));
        int endpointNo = numberOf.get(RedactionCorpus.in(Channel.ENDPOINT).get(0).secret());
        assertThat(argv).as("the engine shows a secret answer passed to a command as [secret]")
                .containsExactly(RedactionCorpus.COMMAND, "--token", "[secret]",
                "--endpoint", "https://ops:[REDACTED:url-credentials:" + endpointNo + "]@api.internal.example:8443/v2/health");
    }

    @Test
    void theSecretAnswerIsWithheldAndTheLinesCountWhatFired() {
        JsonNode secret = lines.stream().filter(l -> l.path("type").asText().equals("answer-given")
                && l.path("node").asText().equals("ask-token")).findFirst().orElseThrow();
        assertThat(secret.path("value").asText()).isEqualTo("[secret]");
        assertThat(secret.path("secret").asBoolean()).isTrue();
        assertThat(secret.has("redactions")).isFalse();

        Map<String, Integer> total = new TreeMap<>();
        for (JsonNode l : lines) {
            l.path("redactions").fields().forEachRemaining(f -> total.merge(f.getKey(), f.getValue().asInt(), Integer::sum));
        }
        assertThat(total).isEqualTo(new TreeMap<>(RedactionCorpus.expectedCounts()));

        Map<String, Integer> command = new LinkedHashMap<>();
        command.put("url-credentials", 1);             // argv: the endpoint
        for (Entry e : RedactionCorpus.entries()) {
            if (e.channel() == Channel.STDOUT || e.channel() == Channel.STDERR) {
                command.merge(e.rule(), 1, Integer::sum);
            }
        }
        assertThat(counts(only("command-ran"))).isEqualTo(new TreeMap<>(command));

        List<JsonNode> notes = lines.stream().filter(l -> l.path("type").asText().equals("note")).toList();
        List<Entry> planted = RedactionCorpus.in(Channel.NOTE);
        assertThat(notes).hasSameSizeAs(planted);
        for (int i = 0; i < notes.size(); i++) {
            assertThat(counts(notes.get(i))).as(planted.get(i).id()).isEqualTo(Map.of(planted.get(i).rule(), 1));
        }
        Map<String, Integer> facts = new TreeMap<>();
        RedactionCorpus.in(Channel.FACT).forEach(e -> facts.merge(e.rule(), 1, Integer::sum));
        assertThat(counts(only("probe-ran"))).isEqualTo(facts);
    }

    @Test
    void redactionsSitBeforePrevSoTheHashCoversThemAndTheHeaderIsUntouched() {
        assertThat(rawLines.get(0)).doesNotContain("redactions").contains("\"type\":\"header\"");
        long withRedactions = 0;
        for (String raw : rawLines) {
            if (raw.contains("\"redactions\":")) {
                withRedactions++;
                assertThat(raw).containsPattern(",\"redactions\":\\{(\"[a-z0-9-]+\":[1-9][0-9]*,?)+\\},\"prev\":\"[0-9a-f]{64}\","
                        + "\"hash\":\"[0-9a-f]{64}\"}$");
            }
        }
        assertThat(withRedactions).isGreaterThanOrEqualTo(RedactionCorpus.in(Channel.NOTE).size() + 3);
    }

    @Test
    void numberingRestartsInEachTranscript(@TempDir Path other) throws IOException {
        Path second = RedactionCorpus.recordSession(other);
        // the same session (same test clock and ids) numbers from 1 again: the file is the same, byte for byte
        assertThat(Files.readAllBytes(second)).isEqualTo(bytes);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(":1]");
    }

    @Test
    void reRedactingTheTranscriptChangesNothing() {
        Redactor r = RedactionRules.defaults().newRedactor();
        String text = new String(bytes, StandardCharsets.UTF_8);
        Redactor.Redacted out = r.redact(text);
        assertThat(out.counts()).isEmpty();
        assertThat(out.text()).isEqualTo(text);
    }

    private static JsonNode only(String type) {
        List<JsonNode> l = lines.stream().filter(n -> n.path("type").asText().equals(type)).toList();
        assertThat(l).as(type).hasSize(1);
        return l.get(0);
    }

    private static Map<String, Integer> counts(JsonNode line) {
        Map<String, Integer> m = new TreeMap<>();
        line.path("redactions").fields().forEachRemaining(f -> m.put(f.getKey(), f.getValue().asInt()));
        return m;
    }

    private static void strings(JsonNode n, List<String> out) {
        if (n.isTextual()) {
            out.add(n.asText());
        } else if (n.isObject()) {
            n.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("prev") && !f.getKey().equals("hash")) {
                    strings(f.getValue(), out);
                }
            });
        } else if (n.isArray()) {
            n.forEach(c -> strings(c, out));
        }
    }
}
