package dev.tshoot.transcript.export;

import dev.tshoot.text.SafeText;

/** Markdown building blocks that keep any transcript text literal. */
final class Md {

    private Md() {}

    /**
     * Inline text, made safe ({@link SafeText#block}): markdown punctuation backslash-escaped, HTML special characters as entities, and a
     * leading list or heading marker neutralised.
     */
    static String text(String s) {
        String v = SafeText.block(s);
        StringBuilder sb = new StringBuilder(v.length() + 16);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\\', '`', '*', '_', '[', ']', '#', '|', '~' -> sb.append('\\').append(c);
                case '\t' -> sb.append("    ");
                default -> sb.append(c);
            }
        }
        StringBuilder out = new StringBuilder(sb.length() + 8);
        String[] lines = sb.toString().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (i > 0) {
                out.append("  \n");
            }
            java.util.regex.Matcher m = BLOCK_MARKER.matcher(l);
            out.append(m.lookingAt() ? l.substring(0, m.end() - 1) + "\\" + l.substring(m.end() - 1) : l);
        }
        return out.toString();
    }

    private static final java.util.regex.Pattern BLOCK_MARKER = java.util.regex.Pattern.compile("\\s*(?:[-+=]|\\d{1,9}[.)])");

    /** Inline text on one line (for headings and table cells). */
    static String line(String s) {
        return text(SafeText.line(s));
    }

    /** A code span that holds any text: the fence is longer than any backtick run inside it. */
    static String code(String s) {
        String v = SafeText.block(s).replaceAll("\\s+", " ");
        String fence = "`".repeat(longestRun(v, '`') + 1);
        boolean pad = v.startsWith("`") || v.endsWith("`") || v.startsWith(" ") && v.endsWith(" ") && !v.isBlank();
        String body = pad ? " " + v + " " : v;
        return fence + body + fence;
    }

    /** A code span inside a table cell: pipes escaped as GitHub tables require. */
    static String cellCode(String s) {
        return code(s).replace("|", "\\|");
    }

    /** A fenced block that holds any text: at least three backticks, more than any run inside. */
    static String fenced(String info, String body) {
        String v = SafeText.block(body);
        String fence = "`".repeat(Math.max(3, longestRun(v, '`') + 1));
        return fence + info + "\n" + v + (v.endsWith("\n") || v.isEmpty() ? "" : "\n") + fence + "\n";
    }

    /** Multi-line text as a block quote. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        for (String l : SafeText.block(s).strip().split("\n", -1)) {
            sb.append(l.isBlank() ? ">" : "> " + text(l)).append('\n');
        }
        return sb.toString();
    }

    static int longestRun(String s, char c) {
        int best = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == c ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }
}
