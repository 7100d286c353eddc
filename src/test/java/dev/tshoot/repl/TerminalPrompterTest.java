package dev.tshoot.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.tshoot.shell.Prompter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.shell.jline.tui.component.flow.ComponentFlow;
import org.springframework.shell.jline.tui.style.TemplateExecutor;
import org.springframework.shell.jline.tui.style.Theme;
import org.springframework.shell.jline.tui.style.ThemeRegistry;
import org.springframework.shell.jline.tui.style.ThemeResolver;
import org.springframework.shell.jline.tui.style.ThemeSettings;

/**
 * The menus on a JLine dumb terminal over piped streams (Spring Shell 4.0.1's test client cannot
 * answer prompts): arrow keys on an ANSI-typed terminal drive the real selector; a terminal typed
 * "dumb" gets the numbered fallback.
 */
class TerminalPrompterTest {

    private PipedOutputStream keys;
    private Terminal terminal;
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    private TerminalPrompter prompter(String type) throws IOException {
        PipedInputStream in = new PipedInputStream(1 << 16);
        keys = new PipedOutputStream(in);
        terminal = new DumbTerminal("test", type, in, screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(100, 30));
        ThemeRegistry themes = new ThemeRegistry();
        themes.register(Theme.of("default", ThemeSettings.defaults()));
        TemplateExecutor templates = new TemplateExecutor(new ThemeResolver(themes, "default"));
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
        return new TerminalPrompter(provider(() -> terminal),
                provider(() -> ComponentFlow.builder().terminal(terminal).resourceLoader(new DefaultResourceLoader())
                        .templateExecutor(templates)),
                provider(() -> reader));
    }

    @AfterEach
    void close() throws IOException {
        if (terminal != null) {
            terminal.close();
        }
    }

    private static final List<Prompter.Item> ITEMS = List.of(new Prompter.Item("windows", "Windows"),
            new Prompter.Item("linux", "Linux"), new Prompter.Item("::pause", "Pause"));

    @Test
    void arrowKeysAndEnterChooseInTheSelector() throws Exception {
        TerminalPrompter p = prompter("ansi");
        CompletableFuture<String> chosen = CompletableFuture.supplyAsync(() -> p.select("Which OS?", ITEMS));
        awaitSelectorShown(chosen);
        keys.write("\u001b[B\r".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        assertThat(chosen.get(10, TimeUnit.SECONDS)).isEqualTo("linux");
        assertThat(screen.toString(StandardCharsets.UTF_8)).contains("Which OS?").contains("Windows").contains("Linux");
    }

    @Test
    void enterAloneTakesTheFirstItem() throws Exception {
        TerminalPrompter p = prompter("ansi");
        CompletableFuture<String> chosen = CompletableFuture.supplyAsync(() -> p.select("Which OS?", ITEMS));
        awaitSelectorShown(chosen);
        keys.write("\r".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        assertThat(chosen.get(10, TimeUnit.SECONDS)).isEqualTo("windows");
    }

    @Test
    void aDumbTerminalGetsANumberedListAndRetriesAWrongNumber() throws Exception {
        TerminalPrompter p = prompter("dumb");
        CompletableFuture<String> chosen = CompletableFuture.supplyAsync(() -> p.select("Which OS?", ITEMS));
        keys.write("7\nlinux\n".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        assertThat(chosen.get(10, TimeUnit.SECONDS)).isEqualTo("linux");
        String out = screen.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("1) Windows").contains("2) Linux").contains("'7' is not on the list");
    }

    @Test
    void textInputReturnsTheLineAndNullAtEndOfInput() throws Exception {
        TerminalPrompter p = prompter("dumb");
        CompletableFuture<String> text = CompletableFuture.supplyAsync(() -> p.input("Build number?", false));
        keys.write("22631\n".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        assertThat(text.get(10, TimeUnit.SECONDS)).isEqualTo("22631");
        CompletableFuture<String> eof = CompletableFuture.supplyAsync(() -> p.input("Again?", false));
        keys.close();
        assertThat(eof.get(10, TimeUnit.SECONDS)).isNull();
    }

    /**
     * Waits until the selector has drawn its question and every item (it reads keys only after that),
     * failing with the screen so far after 10 s or if the selection ended first.
     */
    private void awaitSelectorShown(CompletableFuture<String> selection) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            String shown = screen.toString(StandardCharsets.UTF_8);
            if (shown.contains("Which OS?") && ITEMS.stream().allMatch(i -> shown.contains(i.label()))) {
                return;
            }
            assertThat(selection).as("the selector ended before it was shown: %s", shown).isNotDone();
            assertThat(deadline - System.nanoTime()).as("the selector was not shown within 10 s; the screen so far: %s", shown)
                    .isPositive();
            Thread.sleep(5); // polls the screen for the condition; the deadline bounds it
        }
    }

    private static <T> ObjectProvider<T> provider(Supplier<T> s) {
        return new ObjectProvider<>() {
            @Override
            public T getObject() {
                return s.get();
            }

            @Override
            public T getObject(Object... args) {
                return s.get();
            }

            @Override
            public T getIfAvailable() {
                return s.get();
            }

            @Override
            public T getIfUnique() {
                return s.get();
            }
        };
    }
}
