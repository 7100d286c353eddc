package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.testing.JarRunner;

/** The packaged jar, run as a process: one-shot commands and their exit statuses. */
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
    void runReachesTheExpectedOutcomeAndWritesAVerifiableTranscript() throws Exception {
        JarRunner.Run r = tshoot.run(null, "run", PB, "--answers", "docs/examples/answers/esxi-resolved.yaml");
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("RESOLVED").contains("resolved-nesting-works").contains("fix-vmware-esxi");
        Path t = tshoot.transcripts().get(0);
        assertThat(t.getFileName().toString()).matches("\\d{8}T\\d{6}Z_" + PB + "_[0-9a-f]{8}\\.jsonl");
        assertThat(r.out()).contains(t.getFileName().toString());

        JarRunner.Run v = tshoot.run(null, "transcript", "verify", t.toString());
        assertThat(v.exit()).as(v.out()).isZero();
        assertThat(v.out()).contains("OK").contains("hash chain intact");

        byte[] bytes = Files.readAllBytes(t);
        int third = nthLineStart(bytes, 3);
        bytes[third + 20] = (byte) (bytes[third + 20] == 'x' ? 'y' : 'x');
        Path altered = transcripts.resolve("altered.jsonl");
        Files.write(altered, bytes);
        JarRunner.Run broken = tshoot.run(null, "transcript", "verify", altered.toString());
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).contains("BROKEN at line 4: event 3");

        byte[] orig = Files.readAllBytes(t);
        Path torn = transcripts.resolve("torn.jsonl");
        Files.write(torn, java.util.Arrays.copyOf(orig, orig.length - 25));
        JarRunner.Run tornRun = tshoot.run(null, "transcript", "verify", torn.toString());
        assertThat(tornRun.exit()).isZero();
        assertThat(tornRun.out()).contains("TORN TAIL").contains("not tampering");
    }

    @Test
    void unresolvedAndEscalatedOutcomesExitThree() throws Exception {
        assertThat(tshoot.run(null, "run", PB, "--answers", "docs/examples/answers/hyperv-unresolved.yaml").exit()).isEqualTo(3);
        JarRunner.Run e = tshoot.run(null, "run", PB, "--answers", "docs/examples/answers/citrix-escalate.yaml");
        assertThat(e.exit()).isEqualTo(3);
        assertThat(e.out()).contains("ESCALATE");
    }

    @Test
    void badInputExitsTwoAndSaysWhatIsExpected() throws Exception {
        JarRunner.Run unknownPb = tshoot.run(null, "run", "docker-desktop", "--answers", "x.yaml");
        assertThat(unknownPb.exit()).isEqualTo(2);
        assertThat(unknownPb.out()).contains("No playbook 'docker-desktop'").contains("Did you mean").contains("'" + PB + "'");

        JarRunner.Run node = tshoot.run(null, "run", PB, "--answers", "src/test/resources/answers/001_unknown_node.yaml");
        assertThat(node.exit()).isEqualTo(2);
        assertThat(node.out()).contains("001_unknown_node.yaml:2:1").contains("no node 'ask-hypervsor'")
                .contains("Did you mean 'ask-hypervisor'");

        JarRunner.Run fit = tshoot.run(null, "run", PB, "--answers", "src/test/resources/answers/002_answer_does_not_fit.yaml");
        assertThat(fit.exit()).isEqualTo(2);
        assertThat(fit.out()).contains("'solaris' is not a choice").contains("windows (Windows)");

        JarRunner.Run missing = tshoot.run(null, "run", PB, "--answers", "src/test/resources/answers/003_missing_question.yaml");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.out()).contains("does not answer node 'ask-in-vm'").contains("one of in-vm, bare-metal, not-sure");

        JarRunner.Run list = tshoot.run(null, "run", PB, "--answers", "src/test/resources/answers/004_not_a_mapping.yaml");
        assertThat(list.exit()).isEqualTo(2);
        assertThat(list.out()).contains("must be a mapping of node id to answer");

        JarRunner.Run noFile = tshoot.run(null, "run", PB, "--answers", "nope.yaml");
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.out()).contains("nope.yaml").contains("does not exist");
    }

    @Test
    void lintExitStatusesAndNoStackTraces() throws Exception {
        JarRunner.Run clean = tshoot.run(null, "playbook", "lint");
        assertThat(clean.exit()).as(clean.out()).isZero();
        JarRunner.Run findings = tshoot.run(null, "playbook", "lint", "src/test/resources/playbooks/invalid/011_dangling_goto.yaml");
        assertThat(findings.exit()).isEqualTo(1);
        assertThat(findings.out()).contains("011_dangling_goto.yaml:46:15: error [dangling-goto]");
        JarRunner.Run junk = tshoot.run(null, "playbook", "lint", "src/test/resources/playbooks/invalid/034_binary_junk.yaml");
        assertThat(junk.exit()).isEqualTo(2);
        JarRunner.Run unknown = tshoot.run(null, "frobnicate");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.out()).contains("Unknown command 'frobnicate'");
        JarRunner.Run back = tshoot.run(null, "back");
        assertThat(back.exit()).isEqualTo(2);
        assertThat(back.out()).contains("needs a running session");
        for (JarRunner.Run r : new JarRunner.Run[] {findings, junk, unknown, back}) {
            assertThat(r.out()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    static int nthLineStart(byte[] b, int n) {
        int line = 0;
        for (int i = 0; i < b.length; i++) {
            if (line == n) {
                return i;
            }
            if (b[i] == '\n') {
                line++;
            }
        }
        throw new IllegalArgumentException("no line " + n);
    }
}
