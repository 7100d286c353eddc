package dev.tshoot.shell;

import java.io.PrintWriter;
import java.util.List;

import dev.tshoot.playbook.Finding;
import dev.tshoot.text.SafeText;
import dev.tshoot.text.Styler;

/**
 * Text styling for the terminal, through the text layer ({@link Styler}): colours only when a
 * console is attached, the terminal is not dumb and NO_COLOR is unset; otherwise plain text, so piped
 * output stays clean. Every styled string is made safe first.
 */
public final class Console {

    private static final Styler STYLER = Styler.forTerminal(terminal(), System.getenv());

    private static volatile java.util.function.IntSupplier width = () -> dev.tshoot.text.Markdown.DEFAULT_WIDTH;

    private Console() {}

    /** Where the terminal's width comes from (the shell sets it; 80 columns until then, and on dumb terminals). */
    public static void width(java.util.function.IntSupplier columns) {
        width = columns;
    }

    /** The width of a terminal that is not dumb, in columns; 0 when there is none (piped, dumb, not known). */
    public static int columns() {
        return Math.max(0, width.getAsInt());
    }

    /** {@code out} breaking lines between words at the terminal's width, on a terminal; {@code out} itself elsewhere. */
    public static PrintWriter reflowed(PrintWriter out) {
        return columns() > 0 ? new PrintWriter(dev.tshoot.text.Reflow.writer(out, Console::columns), true) : out;
    }

    /** The terminal's width in columns now: {@link dev.tshoot.text.Markdown#DEFAULT_WIDTH} when it is not known. */
    public static int width() {
        int w = width.getAsInt();
        return w > 0 ? w : dev.tshoot.text.Markdown.DEFAULT_WIDTH;
    }

    /** Playbook Markdown laid out for the terminal: styled (when colours are on) and reflowed to its width. */
    public static String markdown(String text, String indent) {
        return new dev.tshoot.text.Markdown(STYLER, width()).render(text, indent);
    }

    public static boolean color() { return STYLER.color(); }

    /** What clears the screen: the terminal's sequence on a terminal that is not {@code dumb} (colours or not), else nothing. */
    public static String clearScreen() {
        return terminal() && !"dumb".equals(System.getenv("TERM")) ? Styler.ANSI.clearScreen() : "";
    }

    /**
     * True when standard input and output are a terminal. On JDK 22 and later {@code System.console()}
     * is not null for piped output, so its {@code isTerminal()} is asked where it exists.
     */
    public static boolean terminal() {
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (NoSuchMethodException e) {
            return true; // JDK 17 to 21: a console exists only for a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    public static String bold(String s) { return STYLER.bold(s); }

    public static String dim(String s) { return STYLER.dim(s); }

    public static String red(String s) { return STYLER.red(s); }

    public static String green(String s) { return STYLER.green(s); }

    public static String yellow(String s) { return STYLER.yellow(s); }

    public static String cyan(String s) { return STYLER.cyan(s); }

    /** An outcome's result in its words and colour ("RESOLVED" in green). */
    public static String result(String result) { return STYLER.result(result); }

    public static void findings(PrintWriter out, List<Finding> findings) {
        for (Finding f : findings) {
            String text = SafeText.block(f.format());
            int nl = text.indexOf('\n');
            if (nl > 0) {
                out.println(text.substring(0, nl));
                out.println(dim(text.substring(nl + 1)));
            } else {
                out.println(text);
            }
        }
    }

    /** Every line of a block of text, made safe, with a prefix; "" when the text is blank. */
    public static String indent(String text, String prefix) {
        return SafeText.indent(text, prefix);
    }
}
