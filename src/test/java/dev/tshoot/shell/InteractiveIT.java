package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.testing.JarRunner;

/**
 * The real REPL, started with no arguments and driven through its standard input (a dumb
 * terminal, so menus are numbered): a walk to an outcome, then path, why, back and end.
 */
class InteractiveIT {

    @TempDir
    Path transcripts;

    @Test
    void walksThePlaybookThenPathWhyBackAndEnd() throws Exception {
        JarRunner tshoot = new JarRunner(transcripts);
        String keys = String.join("\n",
                "status",
                "start docker-desktop-nested-virtualization",
                "2", // ask-run-here: no (question path: nothing runs on this machine)
                "1", // ask-guest-os: Windows
                "1", // ask-in-vm: in a VM
                "1", // ask-hypervisor: VMware ESXi
                "1", // fix-vmware-esxi: done
                "1", // enable-in-guest-windows: done
                "1", // verify-nesting: yes
                "path",
                "why",
                "note checked with the customer on the phone",
                "back",
                "2", // verify-nesting again: no
                "1", // ask-host-setting-confirmed: yes -> escalate
                "end",
                "exit", "");
        JarRunner.Run r = tshoot.run(keys);
        String out = r.out();
        assertThat(r.exit()).as(out).isZero();
        assertThat(out).contains("No session has been started");
        assertThat(out).contains("RESOLVED").contains("Nested virtualization");
        assertThat(out).contains("<- outcome");
        assertThat(out).contains(" 2. ask-guest-os").contains("= Windows");
        assertThat(out).contains("You are at 'resolved-nesting-works'").contains("'verify-nesting' asked");
        assertThat(out).contains("Note added at 'resolved-nesting-works'");
        assertThat(out).contains("Undid the last answer, at 'verify-nesting'");
        assertThat(out).contains("ESCALATE");
        assertThat(out).contains("Session closed with outcome ESCALATE");
        assertThat(out).doesNotContain("Exception");

        Path t = tshoot.transcripts().get(0);
        JarRunner.Run v = tshoot.run(null, "transcript", "verify", t.toString());
        assertThat(v.exit()).as(v.out()).isZero();
        assertThat(v.out()).contains("hash chain consistent").doesNotContain("not closed");
        String json = java.nio.file.Files.readString(t);
        assertThat(json).contains("\"type\":\"back\"").contains("\"type\":\"note\"")
                .contains("\"value\":\"yes\"").contains("\"value\":\"no\"")
                .contains("\"reason\":\"outcome\"").contains("\"result\":\"escalate\"");
    }

    @Test
    void endOfInputClosesTheSessionAsInterrupted() throws Exception {
        JarRunner tshoot = new JarRunner(transcripts);
        JarRunner.Run r = tshoot.run("start docker-desktop-nested-virtualization\n2\n");
        assertThat(r.out()).doesNotContain("Exception");
        String json = java.nio.file.Files.readString(tshoot.transcripts().get(0));
        assertThat(json).contains("\"type\":\"session-ended\"").contains("\"reason\":\"interrupted\"");
    }
}
