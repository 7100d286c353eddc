package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.testing.JarRunner;
import dev.tshoot.testing.Tmux;

/**
 * A walk of each shipped playbook on a 60-column terminal (the packaged jar in a tmux pane, one-shot
 * {@code tshoot start}, always the first answer, never consenting to a command, "test" for a typed
 * answer, nothing to paste), to its outcome: no word is broken across two lines anywhere on the
 * screen. A line the terminal wrapped (wider than 60 columns) may only be cut inside a token that is
 * itself wider than the terminal (a path, a URL), or inside a command shown to copy (indented six
 * columns: it is shown verbatim, since breaking it would change what is copied).
 */
class NarrowTerminalTmuxIT {

    static final int WIDTH = 60;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"docker-desktop-nested-virtualization", "docker-desktop-linux-kvm", "windows-wsl2-virtualization"})
    void noWordIsBrokenAcrossLinesInAWalkAt60Columns(String playbook) throws Exception {
        Path transcripts = Files.createDirectories(dir.resolve("transcripts"));
        JarRunner tshoot = new JarRunner(transcripts, Path.of("playbooks"), List.of("-Dtshoot.transcript.fsync=false"));
        String screen;
        int steps = 0;
        try (Tmux t = new Tmux(dir)) {
            t.open("w", WIDTH, 50, Tmux.shell(tshoot.command("start", playbook)));
            while (true) {
                screen = settled(t);
                if (t.dead("w")) {
                    break;
                }
                assertThat(++steps).as("the walk reaches an outcome within 80 steps:\n" + screen).isLessThan(80);
                List<String> tail = tail(screen, 14);
                String last = tail.isEmpty() ? "" : tail.get(tail.size() - 1);
                if (last.startsWith("answer>") || last.startsWith(">")) {
                    boolean paste = tail.stream().anyMatch(l -> l.contains("Paste the output"));
                    t.type("w", paste ? "EOF" : "test");
                    t.keys("w", "Enter");
                } else if (tail.stream().anyMatch(l -> l.contains("[Use arrows to move]"))) {
                    if (tail.stream().anyMatch(l -> l.contains("Run it?"))) {
                        t.keys("w", "Down"); // never run a command on the test machine
                    }
                    t.keys("w", "Enter");
                } else {
                    throw new AssertionError("neither a menu nor a question is waiting:\n" + screen);
                }
            }
        }
        assertThat(screen).as("the walk ended at an outcome").containsPattern("(RESOLVED|UNRESOLVED|ESCALATE)");
        assertThat(broken(screen)).as("lines broken inside a word at " + WIDTH + " columns, in:\n" + screen).isEmpty();
    }

    /** The screen (wrapped lines joined) once it stops changing, or the command has exited. */
    private static String settled(Tmux t) throws Exception {
        String before = t.screen("w");
        long end = System.nanoTime() + JarRunner.TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            Thread.sleep(700);
            String now = t.screen("w");
            if (now.equals(before) && (t.dead("w") || !now.isBlank())) {
                return now;
            }
            before = now;
        }
        throw new AssertionError("the screen never settled:\n" + before);
    }

    private static List<String> tail(String screen, int n) {
        List<String> lines = screen.lines().map(String::stripTrailing).filter(l -> !l.isEmpty()).toList();
        return lines.subList(Math.max(0, lines.size() - n), lines.size());
    }

    /** Each place a line the terminal wrapped cuts a word that would have fitted on a line. */
    static List<String> broken(String joined) {
        List<String> found = new ArrayList<>();
        for (String line : joined.lines().map(String::stripTrailing).toList()) {
            int[] cps = line.codePoints().toArray();
            if (cps.length <= WIDTH || line.startsWith("      ")) {
                continue;
            }
            for (int cut = WIDTH; cut < cps.length; cut += WIDTH) {
                if (Character.isWhitespace(cps[cut - 1]) || Character.isWhitespace(cps[cut])) {
                    continue;
                }
                int start = cut - 1;
                while (start > 0 && !Character.isWhitespace(cps[start - 1])) {
                    start--;
                }
                int stop = cut;
                while (stop < cps.length && !Character.isWhitespace(cps[stop])) {
                    stop++;
                }
                if (stop - start <= WIDTH) {
                    found.add(new String(cps, start, cut - start) + "|" + new String(cps, cut, stop - cut) + "   in: " + line);
                }
            }
        }
        return found;
    }
}
