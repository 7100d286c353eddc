package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.engine.Diagnostics;
import dev.tshoot.testing.Fixtures;
import dev.tshoot.transcript.Recorder;
import dev.tshoot.transcript.Seal;
import dev.tshoot.transcript.TranscriptVerifier;

/**
 * {@code run --answers} and {@code transcript verify} called directly: the outcomes and their exit
 * statuses (0 resolved, 3 unresolved or escalate, 2 bad input), the transcript each run leaves
 * and what verify says of it intact, altered and torn.
 */
class RunCommandTest {

    static final String PB = "docker-desktop-nested-virtualization";

    @TempDir
    Path transcripts;

    Adapters a = new Adapters();
    RunCommand run;
    TranscriptCommands transcript;

    @BeforeEach
    void commands() {
        run = new RunCommand(Adapters.catalog(Path.of("playbooks")), new Recorder(Fixtures.engine(), transcripts, "test", false),
                Diagnostics.NONE, a.exit);
        transcript = new TranscriptCommands(Adapters.paths(Path.of("playbooks"), transcripts), null, a.exit);
    }

    Adapters.Run run(String answers) {
        run.run(a.out, PB, answers, false, false, false);
        return a.run();
    }

    @Test
    void aResolvedWalkPrintsThePathAndOutcomeExitsZeroAndLeavesAVerifiableTranscript() throws Exception {
        Adapters.Run r = run("docs/examples/answers/esxi-resolved.yaml");
        Path t = transcripts.resolve("20260102T030405Z_" + PB + "_s0001.jsonl");
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).startsWith("""
                 1. ask-run-here                       Is tshoot running on the machine where Docker Desktop is in… = No
                 2. ask-guest-os                       Which operating system runs Docker Desktop (the machine whe… = Windows
                 3. ask-in-vm                          Does Docker Desktop run inside a virtual machine (a VM on a… = Yes, it runs inside a virtual machine
                 4. route-vm-by-guest-os               macOS guests need a separate question about the Mac that ho… (checked)
                 5. ask-hypervisor                     Which hypervisor or cloud runs this virtual machine? = VMware ESXi or vSphere
                 6. fix-vmware-esxi                    Expose hardware-assisted virtualization to the VM on VMware… = done
                 7. route-guest-enablement             Route the in-guest enablement by the guest operating system (checked)
                 8. enable-in-guest-windows            Turn on WSL 2 / Hyper-V inside the Windows VM = done
                 9. route-verify                       Re-check automatically when tshoot runs on the machine itse… (checked)
                10. verify-nesting                     Run the check for this machine's operating system (see belo… = Yes
                11. resolved-nesting-works             Nested virtualization is working <- outcome

                RESOLVED  Nested virtualization is working
                """).endsWith("\n\nTranscript: " + t + "\nSeal: " + seal(t) + "  (paste it into the ticket)\n"
                + "Whoever holds the seal can check the transcript: transcript verify " + t + " --seal " + seal(t) + "\n");

        transcript.verify(a.out, t.toString());
        assertThat(a.run()).isEqualTo(new Adapters.Run(0, "OK  " + t + "\n  OK: 30 events, hash chain consistent\n  "
                + TranscriptVerifier.UNSEALED + "\n  Seal of this file: " + seal(t) + ". It must be the code shown when"
                + " the session ended: transcript verify <file> --seal <code> checks it.\n"));
        transcript.verify(a.out, t.toString(), seal(t).replace("-", " ").toUpperCase());
        assertThat(a.run()).isEqualTo(new Adapters.Run(0, "SEALED  " + t + "\n  OK: 30 events, hash chain intact; its"
                + " head matches the seal " + seal(t) + "\n  " + TranscriptVerifier.SEALED + "\n"));

        byte[] bytes = Files.readAllBytes(t);
        int third = nthLineStart(bytes, 3);
        bytes[third + 20] = (byte) (bytes[third + 20] == 'x' ? 'y' : 'x');
        Path altered = Files.write(transcripts.resolve("altered.jsonl"), bytes);
        transcript.verify(a.out, altered.toString());
        Adapters.Run broken = a.run();
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).startsWith("BROKEN  " + altered + "\n  BROKEN at line 4: event 3");

        byte[] orig = Files.readAllBytes(t);
        Path torn = Files.write(transcripts.resolve("torn.jsonl"), Arrays.copyOf(orig, orig.length - 25));
        transcript.verify(a.out, "torn.jsonl"); // a bare name is looked up in the transcripts folder
        Adapters.Run tornRun = a.run();
        assertThat(tornRun.exit()).isEqualTo(1);
        assertThat(tornRun.out()).isEqualTo("TORN TAIL  " + torn + "\n  TORN TAIL at line 31: the last line was cut"
                + " mid-way: a crash or a truncation, the file cannot tell which; the 29 events before it verify\n");
    }

    @Test
    void unresolvedAndEscalatedOutcomesExitThree() {
        assertThat(run("docs/examples/answers/hyperv-unresolved.yaml").exit()).isEqualTo(3);
        Adapters.Run e = run("docs/examples/answers/citrix-escalate.yaml");
        assertThat(e.exit()).isEqualTo(3);
        assertThat(e.out()).contains("\n14. escalate-hypervisor-vendor         Host setting is on but the VM still has no virtualization: … <- outcome\n"
                + "\nESCALATE  Host setting is on but the VM still has no virtualization: contact the hypervisor vendor\n");
    }

    @Test
    void badInputExitsTwoAndSaysWhatIsExpected() throws Exception {
        run.run(a.out, "docker-desktop", "x.yaml", false, false, false);
        assertThat(a.run()).isEqualTo(new Adapters.Run(2, "No playbook 'docker-desktop' in playbooks/ and no such file."
                + " Did you mean 'docker-desktop-linux-kvm' or '" + PB + "'? Run 'playbook list' to see all 3.\n"));

        assertThat(run("src/test/resources/answers/001_unknown_node.yaml")).isEqualTo(new Adapters.Run(2, """
                The answers file cannot be used:
                src/test/resources/answers/001_unknown_node.yaml:2:1: error [unknown-node] ask-hypervsor: playbook '%1$s' has no node 'ask-hypervsor'. Did you mean 'ask-hypervisor'?
                    fix: use the node ids shown by 'playbook show %1$s'
                """.formatted(PB)));

        Adapters.Run fit = run("src/test/resources/answers/002_answer_does_not_fit.yaml");
        assertThat(fit.exit()).isEqualTo(2);
        assertThat(fit.out()).contains("'solaris' is not a choice").contains("windows (Windows)");

        Path t = transcripts.resolve("20260102T030412Z_" + PB + "_s0002.jsonl"); // the answer that did not fit walked first
        assertThat(run("src/test/resources/answers/003_missing_question.yaml")).isEqualTo(new Adapters.Run(2, """
                 1. ask-run-here                       Is tshoot running on the machine where Docker Desktop is in… = No
                 2. ask-guest-os                       Which operating system runs Docker Desktop (the machine whe… = Windows
                 3. ask-in-vm                          Does Docker Desktop run inside a virtual machine (a VM on a… <- you are here
                Stopped at 'ask-in-vm': the answers file does not answer node 'ask-in-vm' ("Does Docker Desktop run inside a virtual machine (a VM on a hypervisor, a cloud VM, or a VDI desktop)?"). Add 'ask-in-vm: <answer>' where the answer is one of in-vm, bare-metal, not-sure.
                Transcript (incomplete walk): %s
                Seal: %s  (paste it into the ticket)
                Whoever holds the seal can check the transcript: transcript verify %1$s --seal %2$s
                """.formatted(t, seal(t))));

        Adapters.Run list = run("src/test/resources/answers/004_not_a_mapping.yaml");
        assertThat(list.exit()).isEqualTo(2);
        assertThat(list.out()).startsWith("The answers file cannot be used:\n").contains("must be a mapping of node id to answer");

        Adapters.Run noFile = run("nope.yaml");
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.out()).startsWith("The answers file cannot be used:\nnope.yaml").contains("does not exist");
    }

    @Test
    void withoutAnAnswersFileTheWalkStopsAtTheFirstQuestionAndSaysSo() {
        Adapters.Run r = run(null);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("Stopped at 'ask-run-here': ").contains(" (no answers file was given: --answers <file>)\n");
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

    /** The seal of a closed transcript, from its last line (as 'end' and 'run' show it). */
    static String seal(Path t) throws java.io.IOException {
        java.util.List<String> lines = Files.readAllLines(t);
        String last = lines.get(lines.size() - 1);
        return Seal.code(last.substring(last.length() - 66, last.length() - 2));
    }
}
