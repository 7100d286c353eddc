package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tshoot.engine.Diagnostics;
import dev.tshoot.engine.ReadOnlyCommands;
import dev.tshoot.playbook.Node;
import dev.tshoot.playbook.OsFamily;

/**
 * The consent prompt cannot be redrawn by the playbook: its text (the check's title) comes first,
 * and the lines after it, up to the menu, are tshoot's own words and the true argument list, escaped.
 */
class ConsentPromptTest {

    /** Moves back over the line above, clears it and draws a fake one, then hides what follows. */
    static final String REDRAW = "\r\u001b[1A\u001b[2K  tshoot wants to run a read-only command:\n    lscpu\u001b[8m";

    private static String consent(String title, Diagnostics.CommandRequest req) {
        StringWriter w = new StringWriter();
        SessionView.consent(new PrintWriter(w), new Node.Check("c", title, null, null, null, List.of()), req);
        return w.toString();
    }

    private static Diagnostics.CommandRequest request(List<String> argv, boolean mutating) {
        return new Diagnostics.CommandRequest("c", argv, argv, false, Duration.ofSeconds(5), 4096, mutating,
                ReadOnlyCommands.builtin().classify(OsFamily.LINUX, argv, false, mutating));
    }

    @Test
    void aHostileArgvAndTitleCannotMakeAChangingCommandLookLikeLscpu() {
        String out = consent("Read the CPU" + REDRAW + HostileTextTest.CORPUS,
                request(List.of("sh", "-c", "rm -rf ~/work" + REDRAW), true));
        String[] lines = out.split("\n", -1);
        // the playbook's title: first, on one line, escaped
        assertThat(lines[1]).startsWith("Read the CPU\\u000d\\u001b[1A\\u001b[2K tshoot wants to run a read-only command: lscpu"
                + "\\u001b[8mC0\\u0000\\u0001").endsWith(" END");
        // then only tshoot's own lines, with the real command escaped, directly before the menu
        assertThat(String.join("\n", List.of(lines).subList(2, lines.length))).isEqualTo("""
                  tshoot wants to run a command that CHANGES the system:
                    sh -c 'rm -rf ~/work\\u000d\\u001b[1A\\u001b[2K  tshoot wants to run a read-only command:\\u000a    lscpu\\u001b[8m'
                  tshoot asks every time: the playbook marks it as changing the system (mutating: true).
                  time-out 5 s, output kept up to 4 KiB per stream; the result goes into the transcript.
                """);
        HostileTextTest.assertTerminalSafe("consent prompt", out, 8);
    }

    @Test
    void anUnlistedCommandWithoutMutatingAsksEveryTimeAndSaysWhy() {
        assertThat(consent("Look", request(List.of("python3", "-c", "print(1)" + REDRAW), false))).isEqualTo("""

                Look
                  tshoot wants to run a command that may change the system:
                    python3 -c 'print(1)\\u000d\\u001b[1A\\u001b[2K  tshoot wants to run a read-only command:\\u000a    lscpu\\u001b[8m'
                  tshoot asks every time: not on tshoot's read-only list: python3 runs any code.
                  time-out 5 s, output kept up to 4 KiB per stream; the result goes into the transcript.
                """);
    }

    @Test
    void aListedCommandSaysWhichEntryOfTheListItMatched() {
        assertThat(consent("Read the CPU" + REDRAW, request(List.of("lscpu"), false))).isEqualTo("""

                Read the CPU\\u000d\\u001b[1A\\u001b[2K tshoot wants to run a read-only command: lscpu\\u001b[8m
                  tshoot wants to run a read-only command:
                    lscpu
                  It only reads: on tshoot's read-only list (lscpu, built in).
                  time-out 5 s, output kept up to 4 KiB per stream; the result goes into the transcript.
                """);
    }

    @Test
    void theMutatingFlagIsAddedToTheListsReason() {
        Diagnostics.CommandRequest req = new Diagnostics.CommandRequest("c", List.of("sh", "-c", "id"), List.of("sh", "-c", "id"),
                false, Duration.ofSeconds(5), 4096, true,
                ReadOnlyCommands.builtin().classify(OsFamily.LINUX, List.of("sh", "-c", "id"), false, false));
        assertThat(consent("Look", req).split("\n")[4])
                .isEqualTo("  tshoot asks every time: not on tshoot's read-only list: sh runs any command, and the playbook marks it"
                        + " as changing the system (mutating: true).");
    }
}
