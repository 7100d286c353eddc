package dev.tshoot.shell;

import java.io.PrintWriter;
import java.util.List;

import dev.tshoot.playbook.Finding;

/**
 * Text styling for the terminal. Colours only when a console is attached, the terminal is not
 * dumb and NO_COLOR is unset; otherwise plain text, so piped output stays clean.
 */
public final class Console {

    private static final boolean COLOR = terminal()
            && System.getenv("NO_COLOR") == null
            && !"dumb".equals(System.getenv("TERM"));

    private Console() {}

    public static boolean color() { return COLOR; }

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

    private static String sgr(String code, String s) {
        return COLOR ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }

    public static String bold(String s) { return sgr("1", s); }

    public static String dim(String s) { return sgr("2", s); }

    public static String red(String s) { return sgr("31", s); }

    public static String green(String s) { return sgr("32", s); }

    public static String yellow(String s) { return sgr("33", s); }

    public static String cyan(String s) { return sgr("36", s); }

    public static String result(String result) {
        return switch (result) {
            case "resolved" -> green("RESOLVED");
            case "unresolved" -> yellow("UNRESOLVED");
            case "escalate" -> red("ESCALATE");
            default -> result.toUpperCase();
        };
    }

    public static void findings(PrintWriter out, List<Finding> findings) {
        for (Finding f : findings) {
            String text = f.format();
            int nl = text.indexOf('\n');
            if (nl > 0) {
                out.println(text.substring(0, nl));
                out.println(dim(text.substring(nl + 1)));
            } else {
                out.println(text);
            }
        }
    }

    /**
     * Text from outside tshoot (command output, transcripts) made safe to print: control
     * characters other than line breaks and tabs (escape sequences could retitle or rewrite the
     * terminal), C1 controls and bidirectional overrides are shown as {@code \\uXXXX}.
     */
    public static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || (c >= 0x80 && c <= 0x9f)
                    || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue;
            }
            sb.append(control ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.toString();
    }

    /** Indents every line of a block of text. */
    public static String indent(String text, String prefix) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String line : text.strip().split("\\R", -1)) {
            sb.append(prefix).append(line).append('\n');
        }
        return sb.toString();
    }
}
