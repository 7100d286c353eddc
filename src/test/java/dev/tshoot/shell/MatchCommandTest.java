package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code match}: the candidates for an error text (exit 0), none (exit 1), no text or an unreadable log (exit 2). */
class MatchCommandTest {

    @TempDir
    Path dir;

    Adapters a = new Adapters();
    MatchCommand match = new MatchCommand(Adapters.catalog(Path.of("playbooks")), null, null, null, null, a.exit);

    @Test
    void aKnownErrorTextNamesThePlaybookAndEntryNode() {
        match.match(a.out, List.of("Virtualization", "support", "not", "detected"), null, false, false);
        assertThat(a.run()).isEqualTo(new Adapters.Run(0, """
                1. windows-wsl2-virtualization at node 'ask-run-here'  (score 45)
                     symptom S1 (Docker Desktop: Virtualization support not detected (precondition check)) matched: "virtualization support not detected"
                """));
    }

    @Test
    void aLogFileIsReadAndATextNoPlaybookKnowsIsAFinding() throws Exception {
        Path log = Files.writeString(dir.resolve("app.log"), "12:00 started\n12:01 Virtualization support not detected\n");
        match.match(a.out, null, log.toString(), false, false);
        assertThat(a.run().out()).startsWith("1. windows-wsl2-virtualization at node 'ask-run-here'");
        match.match(a.out, List.of("hello"), null, false, false);
        assertThat(a.run()).isEqualTo(new Adapters.Run(1, "No playbook declares a symptom that matches this text."
                + " 'playbook list' shows the playbooks; 'start <id>' walks one from its first question.\n"));
    }

    @Test
    void noTextOrAMissingLogIsBadInput() {
        match.match(a.out, List.of(" "), null, false, false);
        assertThat(a.run()).isEqualTo(new Adapters.Run(2,
                "Paste the error text: match \"<error text>\", or give a log: match --file <log>.\n"));
        Path missing = dir.resolve("missing.log");
        match.match(a.out, null, missing.toString(), false, false);
        assertThat(a.run()).isEqualTo(new Adapters.Run(2, "Cannot read " + missing + ": no such file. Check the path.\n"));
    }

    @Test
    void jsonNamesTheRankedCandidatesAndIsValidJsonWhateverTheOutcome() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        match.match(a.out, List.of("Virtualization support not detected"), null, false, true);
        Adapters.Run found = a.run();
        assertThat(found).isEqualTo(new Adapters.Run(0, "{\"schema\":\"tshoot.match/1\",\"matched\":true,\"candidates\":[{\"rank\":1,"
                + "\"playbook\":\"windows-wsl2-virtualization\",\"node\":\"ask-run-here\",\"score\":45,\"symptoms\":[{\"id\":\"S1\","
                + "\"description\":\"Docker Desktop: Virtualization support not detected (precondition check)\","
                + "\"matched\":\"virtualization support not detected\"}]}],\"closest\":[],\"diagnostic\":null,\"error\":null}\n"));
        match.match(a.out, List.of("the kernel module could not be found \u001b[2J"), null, false, true);
        Adapters.Run none = a.run();
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.out()).doesNotContain("\u001b");
        com.fasterxml.jackson.databind.JsonNode n = json.readTree(none.out());
        assertThat(n.get("matched").asBoolean()).isFalse();
        assertThat(n.get("candidates").size()).isZero();
        assertThat(n.get("closest").get(0).get("playbook").asText()).isEqualTo("docker-desktop-linux-kvm");
        assertThat(n.get("diagnostic").isNull()).isTrue();
        // a pasted output no symptom matches: the recognised diagnostic, its facts and where they lead
        match.match(a.out, List.of("Hyper-V Requirements:      VM Monitor Mode Extensions: Yes\n"
                + "                           Virtualization Enabled In Firmware: No\n"
                + "                           Second Level Address Translation: Yes\n"
                + "                           Data Execution Prevention Available: Yes"), null, false, true);
        Adapters.Run pasted = a.run();
        assertThat(pasted.exit()).isEqualTo(1);
        com.fasterxml.jackson.databind.JsonNode d = json.readTree(pasted.out()).get("diagnostic");
        assertThat(d.get("command").asText()).isEqualTo("systeminfo");
        assertThat(d.get("playbook").asText()).isEqualTo("windows-wsl2-virtualization");
        assertThat(d.get("pasteNode").asText()).isEqualTo("paste-systeminfo");
        assertThat(d.get("reached").asText()).isEqualTo("fix-firmware");
        assertThat(d.get("facts").get("virtualizationEnabledInFirmware").asText()).isEqualTo("No");
        match.match(a.out, List.of(" "), null, false, true);
        Adapters.Run bad = a.run();
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(json.readTree(bad.out()).get("error").asText()).startsWith("Paste the error text");
    }

    @Test
    void aTextNothingMatchesNamesTheClosestPlaybooksAndWhy() {
        match.match(a.out, List.of("modprobe could not insert the kvm module"), null, false, false);
        assertThat(a.run().out()).contains("Closest: docker-desktop-linux-kvm at node ");
    }
}
