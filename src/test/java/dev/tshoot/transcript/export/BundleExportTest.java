package dev.tshoot.transcript.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.transcript.TranscriptJson;

/** The escalation zip: its entries, and a manifest whose hashes and sizes match them. */
class BundleExportTest {

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    static Map<String, byte[]> bundle(String fixture) throws Exception {
        return unzip(new Exporter().export(ExportSource.load(ExportFixtures.file(fixture), ExportFixtures.PLAYBOOKS), ExportFormat.BUNDLE));
    }

    @Test
    void holdsTheExactTranscriptAndPlaybookHostFactsMdHtmlAndManifest() throws Exception {
        Map<String, byte[]> z = bundle("002_checks_commands");
        assertThat(z.keySet()).containsExactly("manifest.json", "transcript.jsonl", "playbook/002_checks.yaml",
                "host-facts.json", "transcript.md", "transcript.html");
        assertThat(z.get("transcript.jsonl")).isEqualTo(Files.readAllBytes(ExportFixtures.file("002_checks_commands")));
        assertThat(z.get("playbook/002_checks.yaml")).isEqualTo(Files.readAllBytes(Path.of(ExportFixtures.CHECKS)));
        JsonNode facts = TranscriptJson.MAPPER.readTree(z.get("host-facts.json"));
        assertThat(facts.path("host").path("hostname").asText()).isEqualTo("fixture-host");
        assertThat(facts.path("probes")).hasSize(1);
        JsonNode probe = facts.path("probes").get(0);
        assertThat(probe.path("probe").asText()).isEqualTo("virtualization");
        assertThat(probe.path("facts").path("hypervisor").asText()).isEqualTo("vmware");
        assertThat(probe.path("unknown").path("nestedSupported").asText()).isEqualTo("no access to /dev/kvm");
        assertThat(probe.path("evidence").get(0).path("observed").asText()).isEqualTo("VMware, Inc.");
        assertThat(new String(z.get("transcript.md"), StandardCharsets.UTF_8)).startsWith("# tshoot session `e0000002`");
        assertThat(new String(z.get("transcript.html"), StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>");
    }

    @Test
    void theManifestNamesEveryOtherEntryWithItsHashAndSizeAndTheIntegrity() throws Exception {
        for (String fixture : ExportFixtures.NAMES) {
            Map<String, byte[]> z = bundle(fixture);
            JsonNode m = TranscriptJson.MAPPER.readTree(z.get("manifest.json"));
            assertThat(m.path("format").asText()).isEqualTo("tshoot-export-bundle");
            Map<String, byte[]> others = new LinkedHashMap<>(z);
            others.remove("manifest.json");
            assertThat(m.path("files")).hasSize(others.size());
            for (JsonNode f : m.path("files")) {
                byte[] data = others.get(f.path("name").asText());
                assertThat(data).as(fixture + ": " + f).isNotNull();
                assertThat(f.path("size").asLong()).isEqualTo(data.length);
                assertThat(f.path("sha256").asText()).isEqualTo(PlaybookLoader.sha256(data));
            }
            assertThat(m.path("integrity").path("status").asText()).isIn("OK", "BROKEN", "TORN_TAIL");
        }
        JsonNode broken = TranscriptJson.MAPPER.readTree(bundle("004_tampered").get("manifest.json"));
        assertThat(broken.path("integrity").path("status").asText()).isEqualTo("BROKEN");
        assertThat(broken.path("integrity").path("brokenSeq").asLong()).isEqualTo(11);
    }

    @Test
    void aMissingOrChangedPlaybookIsNamedInsteadOfIncluded() throws Exception {
        Map<String, byte[]> missing = bundle("003_walk_navigation");
        assertThat(missing).containsKey("playbook-missing.txt").doesNotContainKey("playbook/001_walk.yaml");
        assertThat(new String(missing.get("playbook-missing.txt"), StandardCharsets.UTF_8))
                .contains("playbooks/removed/001_walk.yaml").contains("920a2fb2df8b69c70de71502ef00bf8cd73e5c856053704aa334d6ce0ea63a3c")
                .contains("playbook file not found");
        Map<String, byte[]> changed = bundle("006_playbook_changed");
        assertThat(new String(changed.get("playbook-missing.txt"), StandardCharsets.UTF_8))
                .contains("changed since the session (hash differs)");
        assertThat(TranscriptJson.MAPPER.readTree(changed.get("manifest.json")).path("playbook").path("status").asText())
                .isEqualTo("CHANGED");
    }
}
