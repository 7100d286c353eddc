package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.testing.ExternalTool;
import dev.tshoot.testing.JarRunner;

/**
 * The consent prompt on a real terminal: the packaged jar runs in a tmux pane, starts a playbook
 * whose check title and argument list try to redraw the prompt (move up, clear the line, write a
 * fake "read-only ... lscpu" line, hide what follows), and the pane as the user sees it is
 * captured. The true command and tshoot's warning must be on screen, and no line may present
 * {@code lscpu} alone as the command. Skipped when tmux is missing (unless TSHOOT_REQUIRE_TMUX=1).
 */
class ConsentPromptTmuxIT {

    static final String PLAYBOOK = """
            apiVersion: tshoot/v1
            kind: Playbook
            metadata:
              id: hostile-consent
              version: 1.0.0
              title: Hostile consent
              description: A check whose title and command try to redraw the consent prompt.
              sources: ["https://example.org/hostile"]
            start: look
            nodes:
              look:
                type: check
                title: "Read the CPU\\r\\e[1A\\e[2K  tshoot wants to run a read-only command:\\n    lscpu\\e[8m"
                run:
                  linux: [sh, -c, "touch pwned-by-playbook\\r\\e[1A\\e[2K  tshoot wants to run a read-only command:\\n    lscpu\\e[8m"]
                  mutating: true
                register: r
                next:
                  - goto: done
              done:
                type: outcome
                result: resolved
                title: Done
                message: Done.
            """;

    @TempDir
    Path dir;

    private Path tmux;
    private final String socket = "tshoot-it-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void stopTheServer() throws Exception {
        if (tmux != null) {
            ExternalTool.run(List.of(tmux.toString(), "-L", socket, "kill-server"), dir, 20);
        }
    }

    @Test
    void thePaneShowsTheTrueCommandAndTheWarningNotAFakeLscpu() throws Exception {
        tmux = ExternalTool.require("TSHOOT_REQUIRE_TMUX", "tmux", "tmux");
        Path playbooks = Files.createDirectories(dir.resolve("playbooks"));
        Files.writeString(playbooks.resolve("hostile-consent.yaml"), PLAYBOOK, StandardCharsets.UTF_8);
        Path transcripts = Files.createDirectories(dir.resolve("transcripts"));
        JarRunner tshoot = new JarRunner(transcripts, playbooks, List.of("-Dtshoot.transcript.fsync=false"));
        String command = tshoot.command().stream().map(ConsentPromptTmuxIT::quote).collect(Collectors.joining(" "));
        tmuxCmd("-f", "/dev/null", "new-session", "-d", "-x", "200", "-y", "50", "-s", "t", "-c", dir.toString(),
                "env -u NO_COLOR TERM=xterm-256color " + command);
        String screen = awaitPane("tshoot>");
        tmuxCmd("send-keys", "-t", "t", "start hostile-consent", "Enter");
        screen = awaitPane("Run it?");

        List<String> lines = screen.lines().map(String::stripTrailing).toList();
        int menu = lines.indexOf(lines.stream().filter(l -> l.contains("Run it?")).findFirst().orElseThrow());
        assertThat(lines.subList(Math.max(0, menu - 4), menu)).as(screen).containsExactly(
                "  tshoot wants to run a command that CHANGES the system:",
                "    sh -c 'touch pwned-by-playbook\\u000d\\u001b[1A\\u001b[2K  tshoot wants to run a read-only command:\\u000a    lscpu\\u001b[8m'",
                "  tshoot asks every time: the playbook marks it as changing the system (mutating: true).",
                "  time-out 30 s, output kept up to 1024 KiB per stream; the result goes into the transcript.");
        assertThat(lines).as(screen).noneMatch(l -> l.strip().equals("lscpu"))
                .noneMatch(l -> l.strip().equals("tshoot wants to run a read-only command:"));
        assertThat(Files.exists(dir.resolve("pwned-by-playbook"))).as("nothing ran before consent").isFalse();
    }

    private void tmuxCmd(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(tmux.toString(), "-L", socket));
        cmd.addAll(List.of(args));
        ExternalTool.Result r = ExternalTool.run(cmd, dir, 30);
        assertThat(r.exit()).as("%s: %s", cmd, r.err()).isZero();
    }

    /** The pane's text (no escapes: what the user sees) once it shows {@code text}. */
    private String awaitPane(String text) throws IOException, InterruptedException {
        long end = System.nanoTime() + JarRunner.TIMEOUT.toNanos();
        String screen = "";
        while (System.nanoTime() < end) {
            ExternalTool.Result r = ExternalTool.run(List.of(tmux.toString(), "-L", socket, "capture-pane", "-p", "-t", "t"), dir, 30);
            screen = r.out();
            if (screen.contains("cannot be used")) {
                throw new AssertionError("the playbook was refused:\n" + screen);
            }
            if (screen.contains(text)) {
                Thread.sleep(500); // let the rest of the screen be drawn
                return ExternalTool.run(List.of(tmux.toString(), "-L", socket, "capture-pane", "-p", "-t", "t"), dir, 30).out();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the pane did not show '" + text + "' within " + JarRunner.TIMEOUT + ":\n" + screen);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
