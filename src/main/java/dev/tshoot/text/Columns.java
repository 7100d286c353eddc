package dev.tshoot.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain table for the terminal: a header row and rows of cells, each column as wide as its widest
 * cell, two spaces apart; the last column is not padded. Every cell goes through
 * {@link SafeText#line}, so a cell from a transcript cannot carry an escape sequence or a line break.
 * A column named with a leading {@code >} is right-aligned (numbers); the {@code >} is not shown.
 */
public final class Columns {

    private final List<String> header;
    private final boolean[] right;
    private final List<List<String>> rows = new ArrayList<>();

    public Columns(String... header) {
        this.header = new ArrayList<>();
        this.right = new boolean[header.length];
        for (int i = 0; i < header.length; i++) {
            right[i] = header[i].startsWith(">");
            this.header.add(right[i] ? header[i].substring(1) : header[i]);
        }
    }

    /** Adds a row; missing cells are empty, extra ones are dropped. */
    public Columns row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            r.add(i < cells.length && cells[i] != null ? SafeText.line(String.valueOf(cells[i])) : "");
        }
        rows.add(r);
        return this;
    }

    public boolean isEmpty() { return rows.isEmpty(); }

    /** The table, each line starting with {@code indent} and ending in a newline. */
    public String render(String indent) {
        int[] w = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> r : all) {
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(w[i], r.get(i).codePointCount(0, r.get(i).length()));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> r : all) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < w.length; i++) {
                String c = r.get(i);
                int pad = w[i] - c.codePointCount(0, c.length());
                boolean last = i == w.length - 1;
                if (right[i]) {
                    line.append(" ".repeat(pad)).append(c);
                } else {
                    line.append(c).append(last ? "" : " ".repeat(pad));
                }
                if (!last) {
                    line.append("  ");
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
