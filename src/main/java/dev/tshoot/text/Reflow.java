package dev.tshoot.text;

import java.io.IOException;
import java.io.Writer;
import java.util.function.IntSupplier;

/**
 * Text for a terminal of a given width, broken between words: a line wider than the terminal is
 * broken at its last spaces that fit, the rest indented as the line was; a word wider than the
 * terminal stays whole on a line of its own (the terminal wraps it). Escape sequences of the
 * styler take no width. Used for tshoot's own lines; playbook text is laid out by {@link Markdown}
 * at the same width, so it is never wider.
 */
public final class Reflow {

    private Reflow() {}

    /** {@code line} (no line feed in it) broken to {@code width} columns; lines joined by line feeds. */
    public static String line(String line, int width) {
        if (width < 20 || visible(line) <= width) {
            return line;
        }
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        String pad = indent < width / 2 ? " ".repeat(indent) : "";
        StringBuilder out = new StringBuilder(line.length() + 16);
        int col = 0;
        int lastSpace = -1; // index in out of the last space on the current line
        int colAtSpace = 0;
        int lineStart = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\u001b') {
                int end = escapeEnd(line, i);
                out.append(line, i, end);
                i = end - 1;
                continue;
            }
            if (c == ' ' && i >= indent) {
                lastSpace = out.length();
                colAtSpace = col;
            }
            out.append(c);
            if (!Character.isLowSurrogate(c)) {
                col++;
            }
            if (col > width && lastSpace > lineStart) {
                // break at the last space: what followed it moves to the next line
                out.replace(lastSpace, lastSpace + 1, "\n" + pad);
                lineStart = lastSpace + 1 + pad.length();
                col = pad.length() + (col - colAtSpace - 1);
                lastSpace = -1;
            }
        }
        return out.toString();
    }

    /** Columns {@code s} takes: escape sequences take none. */
    static int visible(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u001b') {
                i = escapeEnd(s, i) - 1;
            } else if (!Character.isLowSurrogate(c)) {
                n++;
            }
        }
        return n;
    }

    /** The index after the escape sequence starting at {@code i} (a CSI sequence, or ESC and one character). */
    private static int escapeEnd(String s, int i) {
        int j = i + 1;
        if (j < s.length() && s.charAt(j) == '[') {
            j++;
            while (j < s.length() && (s.charAt(j) < 0x40 || s.charAt(j) > 0x7e)) {
                j++;
            }
            return Math.min(j + 1, s.length());
        }
        return Math.min(j + 1, s.length());
    }

    /** A writer that reflows each line written through it to the width {@code width} gives at that moment. */
    public static Writer writer(Writer out, IntSupplier width) {
        return new Writer() {
            private final StringBuilder pending = new StringBuilder();

            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                for (int i = off; i < off + len; i++) {
                    char c = buf[i];
                    if (c == '\n') {
                        out.write(line(pending.toString(), width.getAsInt()));
                        out.write('\n');
                        pending.setLength(0);
                    } else {
                        pending.append(c);
                    }
                }
            }

            @Override
            public void flush() throws IOException {
                if (!pending.isEmpty()) {
                    out.write(pending.toString()); // a line not ended yet (a prompt): as it is
                    pending.setLength(0);
                }
                out.flush();
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
