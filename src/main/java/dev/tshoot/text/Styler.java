package dev.tshoot.text;

import java.util.Map;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * Styles safe text through JLine's {@link AttributedString}: the only place tshoot produces
 * terminal escape sequences. Every string handed in is first made safe ({@link SafeText#block}), so
 * a styled piece can hold no escape sequence but the ones this class writes.
 */
public final class Styler {

    /** Always styled: for recordings (the cast), which are played on a colour terminal. */
    public static final Styler ANSI = new Styler(true);

    /** Never styled. */
    public static final Styler PLAIN = new Styler(false);

    private final boolean color;

    private Styler(boolean color) {
        this.color = color;
    }

    /**
     * For a terminal: styled only when one is attached, {@code NO_COLOR} is unset and {@code TERM} is
     * not {@code dumb}; otherwise plain, so piped output stays clean.
     */
    public static Styler forTerminal(boolean terminal, Map<String, String> env) {
        return terminal && env.get("NO_COLOR") == null && !"dumb".equals(env.get("TERM")) ? ANSI : PLAIN;
    }

    public boolean color() {
        return color;
    }

    /** {@code text} made safe and shown in {@code tone}. */
    public String style(Tone tone, String text) {
        return render(new AttributedString(SafeText.block(text), tone.style));
    }

    public String bold(String s) { return style(Tone.BOLD, s); }

    public String dim(String s) { return style(Tone.DIM, s); }

    public String red(String s) { return style(Tone.RED, s); }

    public String green(String s) { return style(Tone.GREEN, s); }

    public String yellow(String s) { return style(Tone.YELLOW, s); }

    public String cyan(String s) { return style(Tone.CYAN, s); }

    /** An outcome's result in its words and tone ("RESOLVED" in green). */
    public String result(String result) {
        return style(Words.resultTone(result), Words.result(result));
    }

    /** The sequence that clears a terminal's screen (cursor home, erase display), as {@code clear} writes it; empty when plain. */
    public String clearScreen() {
        return color ? "\u001b[H\u001b[2J" : "";
    }

    /** A builder of a line mixing plain and styled pieces, rendered by this styler. */
    public Line line() {
        return new Line();
    }

    private String render(AttributedString s) {
        return color ? s.toAnsi() : s.toString();
    }

    /** Plain and styled pieces of untrusted text, each made safe as it is added. */
    public final class Line {
        private final AttributedStringBuilder sb = new AttributedStringBuilder();

        private Line() {}

        public Line plain(String s) {
            return styled(Tone.PLAIN, s);
        }

        public Line styled(Tone tone, String s) {
            sb.styled(tone.style, SafeText.block(s));
            return this;
        }

        @Override
        public String toString() {
            return render(sb.toAttributedString());
        }
    }
}
