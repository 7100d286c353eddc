package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.testing.Fixtures;
import dev.tshoot.transcript.Recorder;
import dev.tshoot.transcript.redact.RedactionRules;

/** Where the user's redaction rules are looked for, and that the recorder bean uses them. */
class RedactionWiringTest {

    @TempDir
    Path home;

    private Recorder recorder(Props env) {
        return new Wiring(env, "test", false, Wiring.oneShotTerminals()).recorder();
    }

    @Test
    void withoutAFileTheDefaultsApplyQuietly() {
        Props env = new Props().withProperty("tshoot.home", home.toString());
        TshootPaths paths = new TshootPaths(env);
        assertThat(paths.redaction()).isEqualTo(home.resolve("redaction.yaml"));
        Recorder rec = recorder(env);
        assertThat(rec.redaction().names()).isEqualTo(RedactionRules.defaults().names());
        assertThat(rec.redaction().warnings()).isEmpty();
    }

    @Test
    void redactionYamlInTheHomeFolderIsPickedUp() throws IOException {
        Files.writeString(home.resolve("redaction.yaml"), "rules:\n  - name: ticket-token\n    pattern: 'TKT-[0-9]{6}'\n");
        Props env = new Props().withProperty("tshoot.home", home.toString());
        assertThat(new TshootPaths(env).redactionNamed()).isFalse();
        assertThat(recorder(env).redaction().names()).contains("ticket-token");
    }

    @Test
    void aNamedFileThatIsMissingOrBrokenWarnsAtSessionStartAndTheSessionRuns() throws IOException {
        Props env = new Props().withProperty("tshoot.home", home.toString())
                .withProperty("tshoot.redaction", home.resolve("nope.yaml").toString())
                .withProperty("tshoot.transcripts", home.resolve("t").toString());
        assertThat(new TshootPaths(env).redactionNamed()).isTrue();
        List<String> warnings = new ArrayList<>();
        Recorder.Recorded r = recorder(env).start(Fixtures.playbook("001_walk.yaml"), warnings::add);
        r.session().end("user");
        r.writer().close();
        assertThat(warnings).singleElement().asString().contains("nope.yaml").contains("does not exist");
        assertThat(r.writer().file()).exists();

        Path bad = home.resolve("bad.yaml");
        Files.writeString(bad, "rules:\n  - name: x\n    pattern: '('\n");
        env.withProperty("tshoot.redaction", bad.toString());
        assertThat(recorder(env).redaction().warnings()).singleElement().asString().contains(bad + ":3:14");
    }
}
