package dev.tshoot.text;

import java.util.ArrayList;
import java.util.List;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Playbook text (CommonMark) as terminal text: bold in bold, code in cyan, lists with bullets or
 * numbers and hanging indents, links as their text followed by the URL in angle brackets, raw HTML
 * as the text it is. Paragraphs are reflowed to the given width: the YAML's hard line breaks go,
 * and a line is only ever broken between words (a word longer than the line stands on a line of
 * its own, unbroken). Every piece of text is made safe ({@link SafeText#inline}) before it is styled,
 * so the only escape sequences in the result are the {@link Styler}'s.
 */
public final class Markdown {

    /** The width of dumb terminals and of recordings. */
    public static final int DEFAULT_WIDTH = 80;

    private static final Parser PARSER = Parser.builder().build();

    private final Styler styler;
    private final int width;

    public Markdown(Styler styler, int width) {
        this.styler = styler;
        this.width = Math.max(20, width);
    }

    /** The whole text as lines ending in a line feed, each line starting with {@code indent}; "" when blank. */
    public String render(String markdown, String indent) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        Node doc = PARSER.parse(markdown);
        blocks(doc, indent, indent, lines);
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        return sb.toString();
    }

    /** One line (a prompt, a menu label): inline markup rendered, line breaks become spaces, no reflow. */
    public String inline(String markdown) {
        if (markdown == null) {
            return "";
        }
        List<Word> words = new ArrayList<>();
        Node doc = PARSER.parse(markdown);
        for (Node b = doc.getFirstChild(); b != null; b = b.getNext()) {
            if (!words.isEmpty()) {
                words.add(Word.SPACE);
            }
            inlines(b, Tone.PLAIN, words);
        }
        return join(words);
    }

    private void blocks(Node parent, String first, String rest, List<String> out) {
        String lead = first;
        for (Node b = parent.getFirstChild(); b != null; b = b.getNext()) {
            block(b, lead, rest, out);
            lead = rest;
        }
    }

    private void block(Node b, String first, String rest, List<String> out) {
        if (b instanceof Paragraph || b instanceof Heading) {
            List<Word> words = new ArrayList<>();
            inlines(b, b instanceof Heading ? Tone.BOLD : Tone.PLAIN, words);
            wrap(words, first, rest, out);
            if (!(b.getParent() instanceof ListItem) || b.getNext() != null) {
                out.add("");
            }
        } else if (b instanceof BulletList || b instanceof OrderedList) {
            int n = b instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
            String lead = first;
            for (Node item = b.getFirstChild(); item != null; item = item.getNext()) {
                String marker = b instanceof OrderedList ? (n++) + ". " : "• ";
                blocks(item, lead + marker, rest + " ".repeat(marker.length()), out);
                lead = rest;
            }
            if (!(b.getParent() instanceof ListItem)) {
                out.add("");
            }
        } else if (b instanceof FencedCodeBlock f) {
            code(f.getLiteral(), first, rest, out);
        } else if (b instanceof IndentedCodeBlock c) {
            code(c.getLiteral(), first, rest, out);
        } else if (b instanceof HtmlBlock h) {
            code(h.getLiteral(), first, rest, out);
        } else if (b instanceof BlockQuote) {
            blocks(b, first + "│ ", rest + "│ ", out);
        } else if (b instanceof ThematicBreak) {
            out.add(first + "─".repeat(Math.max(3, width - first.length())));
            out.add("");
        } else {
            blocks(b, first, rest, out);
        }
    }

    /** A code block: its lines as they are (never reflowed), made safe, in cyan. */
    private void code(String literal, String first, String rest, List<String> out) {
        String lead = first;
        for (String l : SafeText.block(literal).stripTrailing().split("\n", -1)) {
            out.add(lead + "    " + styler.cyan(l));
            lead = rest;
        }
        out.add("");
    }

    private void inlines(Node parent, Tone tone, List<Word> words) {
        parent.accept(new AbstractVisitor() {
            private Tone current = tone;

            @Override public void visit(Text t) { words(t.getLiteral(), current, words); }

            @Override public void visit(Code c) { words(c.getLiteral(), Tone.CYAN, words); }

            @Override public void visit(HtmlInline h) { words(h.getLiteral(), current, words); }

            @Override public void visit(SoftLineBreak s) { words.add(Word.SPACE); }

            @Override public void visit(HardLineBreak h) { words.add(Word.BREAK); }

            @Override public void visit(StrongEmphasis s) { styled(s, Tone.BOLD); }

            @Override public void visit(Emphasis e) { styled(e, current == Tone.BOLD ? Tone.BOLD : Tone.PLAIN); }

            @Override public void visit(Link l) {
                visitChildren(l);
                String dest = l.getDestination();
                if (dest != null && !dest.isBlank() && !sameText(l, dest)) {
                    words.add(Word.SPACE);
                    words("<" + dest + ">", Tone.DIM, words);
                }
            }

            private void styled(Node n, Tone t) {
                Tone before = current;
                current = t;
                visitChildren(n);
                current = before;
            }
        });
    }

    private static boolean sameText(Link l, String dest) {
        return l.getFirstChild() instanceof Text t && t.getNext() == null && t.getLiteral().equals(dest);
    }

    /** Splits text at white space into words; the pieces of one word may carry different tones. */
    private static void words(String text, Tone tone, List<Word> words) {
        String safe = SafeText.inline(text.replace('\n', ' ').replace('\t', ' '));
        int i = 0;
        while (i < safe.length()) {
            if (safe.charAt(i) == ' ') {
                words.add(Word.SPACE);
                while (i < safe.length() && safe.charAt(i) == ' ') {
                    i++;
                }
                continue;
            }
            int j = i;
            while (j < safe.length() && safe.charAt(j) != ' ') {
                j++;
            }
            words.add(new Word(safe.substring(i, j), tone));
            i = j;
        }
    }

    /** Greedy reflow: pieces not separated by a space stay on one line together. */
    private void wrap(List<Word> pieces, String first, String rest, List<String> out) {
        List<List<Word>> words = new ArrayList<>();
        List<Word> cur = new ArrayList<>();
        List<Boolean> breaks = new ArrayList<>();
        for (Word w : pieces) {
            if (w == Word.SPACE || w == Word.BREAK) {
                if (!cur.isEmpty()) {
                    words.add(cur);
                    breaks.add(false);
                    cur = new ArrayList<>();
                }
                if (w == Word.BREAK && !breaks.isEmpty()) {
                    breaks.set(breaks.size() - 1, true);
                }
            } else {
                cur.add(w);
            }
        }
        if (!cur.isEmpty()) {
            words.add(cur);
            breaks.add(false);
        }
        StringBuilder line = new StringBuilder(first);
        int len = first.length();
        boolean empty = true;
        for (int k = 0; k < words.size(); k++) {
            List<Word> w = words.get(k);
            int wl = w.stream().mapToInt(p -> p.text.codePointCount(0, p.text.length())).sum();
            if (!empty && len + 1 + wl > width) {
                out.add(line.toString());
                line = new StringBuilder(rest);
                len = rest.length();
                empty = true;
            }
            if (!empty) {
                line.append(' ');
                len++;
            }
            line.append(join(w));
            len += wl;
            empty = false;
            if (breaks.get(k)) {
                out.add(line.toString());
                line = new StringBuilder(rest);
                len = rest.length();
                empty = true;
            }
        }
        if (!empty) {
            out.add(line.toString());
        }
    }

    private String join(List<Word> words) {
        Styler.Line l = styler.line();
        for (Word w : words) {
            l.styled(w.tone, w == Word.SPACE || w == Word.BREAK ? " " : w.text);
        }
        return l.toString().replaceAll(" {2,}", " ").strip();
    }

    private record Word(String text, Tone tone) {
        static final Word SPACE = new Word(" ", Tone.PLAIN);
        static final Word BREAK = new Word("\n", Tone.PLAIN);
    }
}
