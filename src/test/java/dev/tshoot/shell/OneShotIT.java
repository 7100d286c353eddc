package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.testing.JarRunner;

/**
 * The packaged jar, run as a process: one-shot commands reach their adapter through the real
 * wiring and parser, and the process exits with the command's status. What each command prints
 * and which status it chooses is tested on the adapters directly (PlaybookCommandsTest,
 * RunCommandTest, MatchCommandTest, ExportCommandsTest, SessionCommandsTest).
 */
class OneShotIT {

    static final String PB = "docker-desktop-nested-virtualization";

    @TempDir
    Path transcripts;

    JarRunner tshoot;

    @BeforeEach
    void setUp() {
        tshoot = new JarRunner(transcripts);
    }

    @Test
    void playbookListListsTheShippedPlaybook() throws Exception {
        JarRunner.Run r = tshoot.run(null, "playbook", "list");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains(PB).contains("1.1.0");
        // the other end-to-end tests start the jar the fast way (extracted, with a class-data archive); the fat
        // jar as a user types it ('java -jar target/tshoot.jar') prints exactly the same
        JarRunner.Run plain = tshoot.asPlainJar().run(null, "playbook", "list");
        assertThat(plain).isEqualTo(r);
    }

    @Test
    void aResolvedRunExitsZeroAndItsTranscriptVerifies() throws Exception {
        JarRunner.Run r = tshoot.run(null, "run", PB, "--answers", "docs/examples/answers/esxi-resolved.yaml");
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("RESOLVED").contains("resolved-nesting-works").contains("fix-vmware-esxi");
        Path t = tshoot.transcripts().get(0);
        assertThat(t.getFileName().toString()).matches("\\d{8}T\\d{6}Z_" + PB + "_[0-9a-f]{8}\\.jsonl");
        assertThat(r.out()).contains(t.getFileName().toString());

        JarRunner.Run v = tshoot.run(null, "transcript", "verify", t.toString());
        assertThat(v.exit()).as(v.out()).isZero();
        assertThat(v.out()).contains("OK").contains("hash chain consistent");

        // the seal 'run' printed checks the transcript; a wrong seal is a mismatch (exit 1)
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Seal: (?:\\x1b\\[[0-9;]*m)?([0-9a-f]{4}(?:-[0-9a-f]{4}){5})")
                .matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        JarRunner.Run sealed = tshoot.run(null, "transcript", "verify", t.toString(), "--seal", m.group(1));
        assertThat(sealed.exit()).as(sealed.out()).isZero();
        assertThat(sealed.out()).contains("SEALED").contains("its head matches the seal " + m.group(1));
        String wrong = (m.group(1).charAt(0) == '0' ? "1" : "0") + m.group(1).substring(1);
        JarRunner.Run mismatch = tshoot.run(null, "transcript", "verify", t.toString(), "--seal", wrong);
        assertThat(mismatch.exit()).as(mismatch.out()).isEqualTo(1);
        assertThat(mismatch.out()).contains("SEAL MISMATCH");
    }

    @Test
    void theProcessExitsWithTheCommandsStatusAndNeverShowsAStackTrace() throws Exception {
        JarRunner.Run escalate = tshoot.run(null, "run", PB, "--answers", "docs/examples/answers/citrix-escalate.yaml");
        assertThat(escalate.exit()).as(escalate.out()).isEqualTo(3);
        assertThat(escalate.out()).contains("ESCALATE");

        JarRunner.Run unknownPb = tshoot.run(null, "run", "docker-desktop", "--answers", "x.yaml");
        assertThat(unknownPb.exit()).isEqualTo(2);
        assertThat(unknownPb.out()).contains("No playbook 'docker-desktop'").contains("Did you mean").contains("'" + PB + "'");

        JarRunner.Run unknown = tshoot.run(null, "frobnicate");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.out()).contains("Unknown command 'frobnicate'");
        JarRunner.Run misspelt = tshoot.run(null, "playbok", "list");
        assertThat(misspelt.exit()).isEqualTo(2);
        assertThat(misspelt.out()).contains("Unknown command 'playbok'. Did you mean 'playbook'?");
        for (JarRunner.Run r : new JarRunner.Run[] {escalate, unknownPb, unknown}) {
            assertThat(r.out()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }
}
