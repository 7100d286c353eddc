package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.app.ConsentFile;
import dev.tshoot.engine.ReadOnlyCommands;
import dev.tshoot.testing.FakeDiagnostics;
import dev.tshoot.testing.Fixtures;
import dev.tshoot.transcript.Recorder;

/**
 * {@code run --yes} on a playbook that declares {@code [sh, -c, …]} without {@code mutating}: it
 * does not run, the walk stops with the reason and exit 2; {@code --yes-mutating} runs it; a
 * user's consent file can list a command, a playbook cannot.
 */
class RunConsentTest {

    static final String ATTACK = "src/test/resources/attacks/consent/001_sh_c_without_mutating.yaml";

    @TempDir
    Path transcripts;

    final Adapters a = new Adapters();
    final FakeDiagnostics host = new FakeDiagnostics("linux").command(List.of("sh", "-c", "touch /tmp/tshoot-owned"), 0, "");

    private Adapters.Run run(ConsentFile.Loaded consent, boolean yes, boolean yesMutating) throws Exception {
        // a playbook file is named after its id
        Path pb = Files.copy(Path.of(ATTACK), transcripts.resolve("attack-consent-001.yaml"));
        new RunCommand(Adapters.catalog(Path.of("playbooks")), new Recorder(Fixtures.engine(), transcripts, "test", false),
                host, a.exit, consent).run(a.out, pb.toString(), null, yes, yesMutating, false);
        return a.run();
    }

    private static ConsentFile.Loaded builtin() {
        return new ConsentFile.Loaded(ReadOnlyCommands.builtin(), List.of());
    }

    @Test
    void yesDoesNotRunAnUnlistedCommandAndSaysWhy() throws Exception {
        Adapters.Run r = run(builtin(), true, false);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(host.commands).as("nothing ran").isEmpty();
        assertThat(r.out()).contains("Stopped at 'sneak': the command at 'sneak' needs consent before it runs:"
                + " sh -c 'touch /tmp/tshoot-owned' (not on tshoot's read-only list: sh runs any command). Pass"
                + " --yes-mutating to approve it, or --dry-run to run nothing. (no answers file was given: --answers <file>)\n");
        assertThat(r.out()).doesNotContain("read-only)");
    }

    @Test
    void yesMutatingIsTheExplicitOptIn() throws Exception {
        Adapters.Run r = run(builtin(), false, true);
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(host.commands).hasSize(1);
    }

    @Test
    void onlyTheUsersOwnConsentFileExtendsTheList() throws Exception {
        Path f = Files.writeString(transcripts.resolve("consent.yaml"), """
                readOnly:
                  - os: linux
                    run: [sh, -c, "touch /tmp/tshoot-owned"]
                """);
        ConsentFile.Loaded refused = ConsentFile.load(f, true);
        assertThat(refused.warnings()).containsExactly("Consent file " + f + " is not used; only tshoot's built-in"
                + " read-only list applies:\n" + f + ":3:10: error [bad-value] readOnly[0].run: sh runs any command, so"
                + " tshoot never takes it as read-only\n    fix: list a program that only reads, with its exact arguments");
        Files.writeString(f, """
                readOnly:
                  - os: [linux, macos]
                    run: [uname, -a]
                  - os: linux
                    run: [dmesg]
                """);
        ConsentFile.Loaded ok = ConsentFile.load(f, true);
        assertThat(ok.warnings()).isEmpty();
        assertThat(ok.commands().classify(dev.tshoot.playbook.OsFamily.LINUX, List.of("dmesg"), false, false).reason())
                .isEqualTo("on the read-only list of your consent.yaml (dmesg, " + f + ":4)");
        Files.writeString(f, "readOnly:\n  - os: bsd\n    run: [uname]\n    shell: true\n");
        assertThat(ConsentFile.load(f, true).warnings().get(0)).endsWith(":\n"
                + f + ":4:5: error [unknown-key] readOnly[0].shell: unknown key 'shell'\n    fix: an entry has only 'os' and 'run'\n"
                + f + ":2:9: error [bad-value] readOnly[0].os: 'bsd' is not an OS tshoot knows\n    fix: use windows, linux or macos");
        assertThat(ConsentFile.load(transcripts.resolve("missing.yaml"), false).warnings()).isEmpty();
        assertThat(ConsentFile.load(transcripts.resolve("missing.yaml"), true).warnings().get(0)).contains("does not exist");
    }

    @Test
    void theConsentPromptSaysWhyAnUnlistedCommandAsksAndNeverCallsItReadOnly() {
        java.io.StringWriter w = new java.io.StringWriter();
        dev.tshoot.engine.Diagnostics.CommandRequest req = new dev.tshoot.engine.Diagnostics.CommandRequest("c",
                List.of("sh", "-c", "id\u001b[2K"), List.of("sh", "-c", "id\u001b[2K"), false,
                java.time.Duration.ofSeconds(5), 4096, false, ReadOnlyCommands.builtin()
                        .classify(dev.tshoot.playbook.OsFamily.LINUX, List.of("sh", "-c", "id"), false, false));
        SessionView.consent(new java.io.PrintWriter(w), new dev.tshoot.playbook.Node.Check("c", "Look", null, null, null,
                List.of()), req);
        assertThat(w.toString()).isEqualTo("""

                Look
                  tshoot wants to run a command that may change the system:
                    sh -c 'id\\u001b[2K'
                  tshoot asks every time: not on tshoot's read-only list: sh runs any command.
                  time-out 5 s, output kept up to 4 KiB per stream; the result goes into the transcript.
                """);
    }
}
