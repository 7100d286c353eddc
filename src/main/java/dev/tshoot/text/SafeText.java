package dev.tshoot.text;

/**
 * Untrusted text (from a playbook, a transcript, a command's output or the host) made safe to show
 * on a terminal, in a recording or in a document.
 *
 * <p>One style everywhere: every code point that could drive a terminal, hide text or reorder it is
 * shown as a Java-style escape of its UTF-16 unit, {@code \}{@code u} and four lower-case hex digits
 * (ESC as {@code \}{@code u001b}). That covers C0 controls (except the line feed and tab that
 * {@link #block} keeps), DEL, C1 controls (U+0080 to U+009F), line and paragraph separators
 * (U+2028, U+2029), every format character (Unicode category Cf: bidi embeddings, overrides and
 * isolates U+202A to U+202E and U+2066 to U+2069, the marks U+200E, U+200F and U+061C, zero-width
 * characters U+200B to U+200D, U+2060 and U+FEFF, the soft hyphen, tag characters), and lone
 * surrogates. A format character outside the Basic Multilingual Plane is shown as its two escaped
 * surrogates. A CR directly before an LF is dropped (CR LF becomes LF); any other CR is escaped.
 * Every function here is idempotent: safe text stays as it is.
 */
public final class SafeText {

    /** What {@link #shorten} ends a cut string with. */
    public static final String ELLIPSIS = "…";

    private SafeText() {}

    /** True for a UTF-16 unit that is never shown as it is (line feed and tab included). */
    public static boolean unsafe(char c) {
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029) {
            return true;
        }
        return Character.getType(c) == Character.FORMAT;
    }

    /** True for a code point that is never shown as it is (line feed and tab included). */
    public static boolean unsafe(int codePoint) {
        if (codePoint > 0xffff) {
            return Character.getType(codePoint) == Character.FORMAT;
        }
        char c = (char) codePoint;
        return Character.isSurrogate(c) || unsafe(c);
    }

    /** The visible form of one UTF-16 unit: {@code \}{@code u001b}. */
    public static String escape(char c) {
        return String.format("\\u%04x", (int) c);
    }

    /** Multi-line text: line feeds and tabs kept, everything else unsafe escaped. Null becomes "". */
    public static String block(String s) {
        return clean(s, true);
    }

    /** Text kept on one line as it is: line feeds and tabs escaped too. Null becomes "". */
    public static String inline(String s) {
        return clean(s, false);
    }

    /** One line for a heading or a cell: {@link #block}, then every run of white space one space, stripped. */
    public static String line(String s) {
        return block(s).replaceAll("\\s+", " ").strip();
    }

    /** {@link #line}, cut to at most {@code max} characters with {@link #ELLIPSIS} (never inside a surrogate pair). */
    public static String shorten(String s, int max) {
        String one = line(s);
        if (one.length() <= max) {
            return one;
        }
        int cut = Math.max(1, max - 1);
        if (Character.isHighSurrogate(one.charAt(cut - 1))) {
            cut--;
        }
        return one.substring(0, cut) + ELLIPSIS;
    }

    /** Every line of {@link #block} text, stripped as a whole, with {@code prefix} in front; "" when blank. */
    public static String indent(String text, String prefix) {
        String b = block(text).strip();
        if (b.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(b.length() + 16);
        for (String l : b.split("\n", -1)) {
            sb.append(prefix).append(l).append('\n');
        }
        return sb.toString();
    }

    /**
     * A JSON document as Jackson writes it (which already escapes C0 inside strings) with DEL, C1,
     * separators and format characters also written as JSON {@code \}{@code uXXXX} escapes. Those
     * characters can only occur inside string literals, so the document means exactly the same; it
     * only holds no raw control character any more. A lone surrogate (which UTF-8 cannot encode and
     * strict JSON readers refuse even escaped) becomes the escape of U+FFFD.
     */
    public static String json(String json) {
        StringBuilder sb = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1));
            boolean escape = c >= 0x20 && (pair ? unsafe(json.codePointAt(i)) : unsafe((int) c));
            if (escape && sb == null) {
                sb = new StringBuilder(json.length() + 16).append(json, 0, i);
            }
            if (sb != null) {
                if (escape && Character.isSurrogate(c) && !pair) {
                    sb.append("\\ufffd"); // strict readers (Jackson among them) refuse an escaped lone surrogate
                } else if (escape) {
                    sb.append(escape(c));
                    if (pair) {
                        sb.append(escape(json.charAt(++i)));
                    }
                } else {
                    sb.append(c);
                    if (pair) {
                        sb.append(json.charAt(++i));
                    }
                }
            } else if (pair) {
                i++;
            }
        }
        return sb == null ? json : sb.toString();
    }

    private static String clean(String s, boolean keepLines) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String out = null;
            int width = 1;
            if (c == '\r' && keepLines && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                out = "";
            } else if ((c == '\n' || c == '\t') && keepLines) {
                out = null;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                width = 2;
                if (unsafe(s.codePointAt(i))) {
                    out = escape(c) + escape(s.charAt(i + 1));
                }
            } else if (unsafe((int) c)) {
                out = escape(c);
            }
            if (out != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(out != null ? out : s.substring(i, i + width));
            }
            i += width - 1;
        }
        return sb == null ? s : sb.toString();
    }
}
