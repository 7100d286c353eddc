package dev.tshoot.repl;

import java.util.List;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.jline.tui.component.flow.ComponentFlow;
import org.springframework.shell.jline.tui.component.flow.SelectItem;

import dev.tshoot.shell.Prompter;
import dev.tshoot.text.SafeText;

/**
 * Arrow-key menus (Spring Shell's single-item selector) on capable terminals; on a dumb terminal
 * (piped input, TERM=dumb) a numbered list and a typed answer instead. Titles are tshoot's own text
 * (styled, hence already safe, by {@link dev.tshoot.shell.Console}); labels come from playbooks and go through the
 * text layer.
 */
public class TerminalPrompter implements Prompter {

    private final ObjectProvider<Terminal> terminal;
    private final ObjectProvider<ComponentFlow.Builder> flows;
    private final ObjectProvider<LineReader> reader;

    public TerminalPrompter(ObjectProvider<Terminal> terminal, ObjectProvider<ComponentFlow.Builder> flows,
            ObjectProvider<LineReader> reader) {
        this.terminal = terminal;
        this.flows = flows;
        this.reader = reader;
    }

    private boolean dumb() {
        String type = terminal.getObject().getType();
        return type == null || type.startsWith("dumb");
    }

    @Override
    public String select(String title, List<Item> items) {
        return interruptible(() -> dumb() ? typedSelect(title, items) : menu(title, items));
    }

    /**
     * Runs a question with Ctrl-C meaning "pause": without this, Ctrl-C in Spring Shell's selector
     * reaches the JVM as SIGINT and ends tshoot (the session unclosed, the cursor left hidden). The
     * terminal's INT handler interrupts the asking thread; the question answers null (the session
     * driver pauses), the cursor is shown again and the previous handler is put back.
     */
    private String interruptible(java.util.function.Supplier<String> ask) {
        Terminal t = terminal.getObject();
        Thread asking = Thread.currentThread();
        java.util.concurrent.atomic.AtomicBoolean hit = new java.util.concurrent.atomic.AtomicBoolean();
        Terminal.SignalHandler previous = t.handle(Terminal.Signal.INT, sig -> {
            hit.set(true);
            asking.interrupt();
        });
        try {
            return ask.get();
        } catch (RuntimeException | java.io.IOError e) {
            if (hit.get()) {
                return null;
            }
            throw e;
        } finally {
            t.handle(Terminal.Signal.INT, previous);
            if (hit.get()) {
                Thread.interrupted();
                t.puts(org.jline.utils.InfoCmp.Capability.cursor_visible);
                t.writer().println();
                t.writer().flush();
            }
        }
    }

    private String menu(String title, List<Item> items) {
        // the selector echoes the chosen item's value, so the value is the (safe) label; map it back to the key
        // the selector's marker and margin, and the line it echoes once chosen: "? <title> <label>"
        int width = terminal.getObject().getWidth() - Math.max(4, SafeText.line(title).length() + 4);
        // cut labels must still tell the entries apart (the chosen one is found by its label), else they stay whole
        int room = items.stream().map(i -> fit(label(i), width)).distinct().count() == items.size() ? width : 0;
        List<SelectItem> select = items.stream().map(i -> SelectItem.of(fit(label(i), room), fit(label(i), room))).toList();
        var result = flows.getObject()
                .withSingleItemSelector("q")
                .name(title)
                .selectItems(select)
                .max(Math.min(Math.max(items.size(), 1), 20))
                .and()
                .build()
                .run();
        Object v = result.getContext().get("q");
        if (v == null) {
            return null;
        }
        return items.stream().filter(i -> fit(label(i), room).equals(v.toString())).map(Item::key).findFirst().orElse(null);
    }

    /**
     * A menu label on one line of the terminal: one wider than {@code room} columns is cut at the
     * last space that fits and ends in an ellipsis, never inside a word (a terminal narrower than
     * 20 columns gets the whole label).
     */
    static String fit(String label, int room) {
        if (room < 16 || label.codePointCount(0, label.length()) <= room) {
            return label;
        }
        int cut = label.offsetByCodePoints(0, room - 2);
        int space = label.lastIndexOf(' ', cut);
        return (space > room / 3 ? label.substring(0, space) : label.substring(0, cut)).stripTrailing() + " \u2026";
    }

    /** A label comes from the playbook: shown through the text layer, on one line. */
    private static String label(Item i) {
        return SafeText.line(i.label());
    }

    private String typedSelect(String title, List<Item> items) {
        var w = terminal.getObject().writer();
        w.println(title);
        for (int i = 0; i < items.size(); i++) {
            w.println("  " + (i + 1) + ") " + label(items.get(i)));
        }
        w.flush();
        while (true) {
            String line = readLine("choose 1-" + items.size() + "> ");
            if (line == null) {
                return null;
            }
            String t = line.strip();
            if (t.matches("\\d{1,3}")) {
                int n = Integer.parseInt(t);
                if (n >= 1 && n <= items.size()) {
                    return items.get(n - 1).key();
                }
            }
            for (Item it : items) {
                if (it.key().equalsIgnoreCase(t) || it.label().equalsIgnoreCase(t) || label(it).equalsIgnoreCase(t)) {
                    return it.key();
                }
            }
            w.println("'" + SafeText.inline(t) + "' is not on the list: type a number from 1 to " + items.size() + ".");
            w.flush();
        }
    }

    @Override
    public String input(String title, boolean secret) {
        var w = terminal.getObject().writer();
        w.println(title);
        w.flush();
        return interruptible(() -> secret ? readLine("answer (hidden)> ", '*') : readLine("answer> ", null));
    }

    private String readLine(String prompt) {
        return readLine(prompt, null);
    }

    private String readLine(String prompt, Character mask) {
        try {
            LineReader r = reader.getObject();
            r.setOpt(LineReader.Option.DISABLE_EVENT_EXPANSION);
            return r.readLine(prompt, mask);
        } catch (EndOfFileException | UserInterruptException e) {
            return null;
        }
    }
}
