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
        match.match(a.out, List.of("Virtualization", "support", "not", "detected"), null, false);
        assertThat(a.run()).isEqualTo(new Adapters.Run(0, """
                1. windows-wsl2-virtualization at node 'ask-run-here'  (score 45)
                     symptom S1 (Docker Desktop: Virtualization support not detected (precondition check)) matched: "virtualization support not detected"
                """));
    }

    @Test
    void aLogFileIsReadAndATextNoPlaybookKnowsIsAFinding() throws Exception {
        Path log = Files.writeString(dir.resolve("app.log"), "12:00 started\n12:01 Virtualization support not detected\n");
        match.match(a.out, null, log.toString(), false);
        assertThat(a.run().out()).startsWith("1. windows-wsl2-virtualization at node 'ask-run-here'");
        match.match(a.out, List.of("hello"), null, false);
        assertThat(a.run()).isEqualTo(new Adapters.Run(1, "No playbook declares a symptom that matches this text."
                + " 'playbook list' shows the playbooks; 'start <id>' walks one from its first question.\n"));
    }

    @Test
    void noTextOrAMissingLogIsBadInput() {
        match.match(a.out, List.of(" "), null, false);
        assertThat(a.run()).isEqualTo(new Adapters.Run(2,
                "Paste the error text: match \"<error text>\", or give a log: match --file <log>.\n"));
        Path missing = dir.resolve("missing.log");
        match.match(a.out, null, missing.toString(), false);
        assertThat(a.run()).isEqualTo(new Adapters.Run(2, "Cannot read " + missing + ": " + missing + ". Check the path.\n"));
    }
}
