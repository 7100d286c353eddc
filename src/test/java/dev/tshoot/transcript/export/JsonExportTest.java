package dev.tshoot.transcript.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tshoot.transcript.TranscriptJson;

/** The whole transcript as one JSON document. */
class JsonExportTest {

    static JsonNode json(String fixture) throws Exception {
        return TranscriptJson.MAPPER.readTree(new JsonExporter().render(ExportSource.load(ExportFixtures.file(fixture), ExportFixtures.PLAYBOOKS)));
    }

    @Test
    void headerEventsAndIntegrity() throws Exception {
        JsonNode j = json("002_checks_commands");
        assertThat(j.path("format").asText()).isEqualTo("tshoot-transcript-export");
        assertThat(j.path("formatVersion").asInt()).isEqualTo(1);
        assertThat(j.path("source").asText()).isEqualTo("002_checks_commands.jsonl");
        assertThat(j.path("header").path("sessionId").asText()).isEqualTo("e0000002");
        assertThat(j.path("header").path("playbook").path("id").asText()).isEqualTo("checks");
        assertThat(j.path("events").size()).isEqualTo(23);
        assertThat(j.path("events").get(10).path("stdout").asText()).isEqualTo(ExportFixtures.HOSTILE_OUTPUT);
        assertThat(j.path("events").get(10).path("redactions").toString()).as("members this version does not model stay")
                .isEqualTo("{\"aws-key\":2,\"password\":1}");
        JsonNode i = j.path("integrity");
        assertThat(i.path("status").asText()).isEqualTo("OK");
        assertThat(i.path("events").asInt()).isEqualTo(23);
        assertThat(i.path("brokenSeq").isNull()).isTrue();
        assertThat(i.path("line").isNull()).isTrue();
        assertThat(i.path("message").asText()).isEqualTo("OK: 23 events, hash chain consistent");
    }

    @Test
    void brokenAndTornAreLocated() throws Exception {
        JsonNode broken = json("004_tampered").path("integrity");
        assertThat(broken.path("status").asText()).isEqualTo("BROKEN");
        assertThat(broken.path("brokenSeq").asLong()).isEqualTo(11);
        assertThat(broken.path("line").asLong()).isEqualTo(12);
        assertThat(broken.path("message").asText()).contains("event 11 was altered");
        JsonNode torn = json("005_torn");
        assertThat(torn.path("integrity").path("status").asText()).isEqualTo("TORN_TAIL");
        assertThat(torn.path("integrity").path("line").asLong()).isEqualTo(23);
        assertThat(torn.path("events").size()).as("the cut-off line is left out").isEqualTo(21);
    }
}
