package dev.tshoot.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A tmux server of its own (a private socket) for end-to-end tests on a real terminal: windows
 * running a command at a given size, keys sent as a user types them, the pane captured as the user
 * sees it (no escapes). A window stays after its command exits, so its last screen can be read.
 * Skipped when tmux is missing (unless TSHOOT_REQUIRE_TMUX=1), through {@link ExternalTool#require}.
 */
public final class Tmux implements AutoCloseable {

    private final Path tmux;
    private final Path dir;
    private final String socket = "tshoot-it-" + UUID.randomUUID().toString().substring(0, 8);
    private boolean started;

    public Tmux(Path dir) {
        this.tmux = ExternalTool.require("TSHOOT_REQUIRE_TMUX", "tmux", "tmux");
        this.dir = dir;
    }

    /** Opens window {@code name} running {@code command} (a shell command line) on a {@code width}×{@code height} terminal. */
    public void open(String name, int width, int height, String command) throws IOException, InterruptedException {
        if (!started) {
            run("-f", "/dev/null", "new-session", "-d", "-x", Integer.toString(width), "-y", Integer.toString(height),
                    "-s", name, "-c", dir.toString(), command);
            run("set-option", "-g", "remain-on-exit", "on");
            started = true;
        } else {
            run("new-session", "-d", "-x", Integer.toString(width), "-y", Integer.toString(height), "-s", name,
                    "-c", dir.toString(), command);
        }
        run("set-option", "-t", name, "remain-on-exit", "on");
    }

    /** The command line that runs {@code cmd} with colours on and TERM=xterm-256color. */
    public static String shell(List<String> cmd) {
        return "env -u NO_COLOR TERM=xterm-256color " + cmd.stream().map(Tmux::quote).collect(Collectors.joining(" "));
    }

    /** Types keys into window {@code name} (tmux key names: Enter, C-c, Down...). */
    public void keys(String name, String... keys) throws IOException, InterruptedException {
        List<String> a = new ArrayList<>(List.of("send-keys", "-t", name));
        a.addAll(List.of(keys));
        run(a.toArray(String[]::new));
    }

    /** Types text literally (no key names), without Enter. */
    public void type(String name, String text) throws IOException, InterruptedException {
        run("send-keys", "-t", name, "-l", text);
    }

    /** The pane as the user sees it, with the history above it. */
    public String screen(String name) throws IOException, InterruptedException {
        return ExternalTool.run(List.of(tmux.toString(), "-L", socket, "capture-pane", "-p", "-J", "-S", "-2000", "-t", name),
                dir, 30).out();
    }

    /** The pane as drawn, lines as wide as the terminal (no joining of wrapped lines). */
    public String drawn(String name) throws IOException, InterruptedException {
        return ExternalTool.run(List.of(tmux.toString(), "-L", socket, "capture-pane", "-p", "-S", "-2000", "-t", name),
                dir, 30).out();
    }

    /** A tmux format value of the pane, e.g. {@code #{cursor_flag}} or {@code #{pane_dead}}. */
    public String format(String name, String format) throws IOException, InterruptedException {
        return ExternalTool.run(List.of(tmux.toString(), "-L", socket, "display-message", "-p", "-t", name, format), dir, 30)
                .out().strip();
    }

    /** True when the window's command has exited. */
    public boolean dead(String name) throws IOException, InterruptedException {
        return "1".equals(format(name, "#{pane_dead}"));
    }

    /**
     * Waits until the screen holds {@code text} {@code times} times in all (the history counts), then
     * lets it settle; returns the screen. Fails with the screen after {@link JarRunner#TIMEOUT}.
     */
    public String await(String name, String text, int times) throws IOException, InterruptedException {
        long end = System.nanoTime() + JarRunner.TIMEOUT.toNanos();
        String screen = "";
        while (System.nanoTime() < end) {
            screen = screen(name);
            if (count(screen, text) >= times) {
                Thread.sleep(300);
                return screen(name);
            }
            Thread.sleep(150);
        }
        throw new AssertionError("window " + name + " did not show '" + text + "' " + times + " time(s) within "
                + JarRunner.TIMEOUT + ":\n" + screen);
    }

    public String await(String name, String text) throws IOException, InterruptedException {
        return await(name, text, 1);
    }

    /** Waits until {@code text} shows after the last {@code marker} on the screen; returns the screen. */
    public String awaitAfter(String name, String marker, String text) throws IOException, InterruptedException {
        long end = System.nanoTime() + JarRunner.TIMEOUT.toNanos();
        String screen = "";
        while (System.nanoTime() < end) {
            screen = screen(name);
            int at = screen.lastIndexOf(marker);
            if (at >= 0 && screen.indexOf(text, at + marker.length()) >= 0) {
                Thread.sleep(300);
                return screen(name);
            }
            Thread.sleep(150);
        }
        throw new AssertionError("window " + name + " did not show '" + text + "' after '" + marker + "' within "
                + JarRunner.TIMEOUT + ":\n" + screen);
    }

    /** Waits until the window's command has exited; returns the last screen. */
    public String awaitExit(String name) throws IOException, InterruptedException {
        long end = System.nanoTime() + JarRunner.TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            if (dead(name)) {
                return screen(name);
            }
            Thread.sleep(150);
        }
        throw new AssertionError("window " + name + " did not exit within " + JarRunner.TIMEOUT + ":\n" + screen(name));
    }

    public static int count(String s, String text) {
        int n = 0;
        for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + text.length())) {
            n++;
        }
        return n;
    }

    private void run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(tmux.toString(), "-L", socket));
        cmd.addAll(List.of(args));
        ExternalTool.Result r = ExternalTool.run(cmd, dir, 30);
        if (r.exit() != 0) {
            throw new AssertionError(cmd + " failed: " + r.err());
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (started) {
            ExternalTool.run(List.of(tmux.toString(), "-L", socket, "kill-server"), dir, 20);
        }
    }
}
