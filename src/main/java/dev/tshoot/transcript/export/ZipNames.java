package dev.tshoot.transcript.export;

import java.util.Locale;
import java.util.Set;

/**
 * Zip entry names that every platform's extractor writes inside its target folder. A name part that
 * comes from a file name or a transcript may hold any character; {@link #segment} turns it into one
 * plain file name: no separator ({@code /}, {@code \}), no drive colon, no control or NUL character,
 * none of the characters Windows refuses, no trailing dot or space, no {@code .} or {@code ..}, and
 * no Windows device name ({@code CON}, {@code NUL}, {@code COM1}, …), with or without an extension.
 */
final class ZipNames {

    static final int MAX_SEGMENT = 100;

    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³");

    private ZipNames() {}

    /** One safe file name for {@code name}; {@code fallback} when nothing usable is left. */
    static String segment(String name, String fallback) {
        StringBuilder b = new StringBuilder();
        name.codePoints().forEach(c -> b.appendCodePoint(unsafe(c) ? '_' : c));
        String s = b.toString();
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ' ')) {
            end--;
        }
        s = s.substring(0, end);
        if (s.length() > MAX_SEGMENT) {
            s = s.substring(s.length() - MAX_SEGMENT); // keep the extension
        }
        if (s.isEmpty()) {
            return fallback;
        }
        int dot = s.indexOf('.');
        String base = (dot < 0 ? s : s.substring(0, dot)).strip().toUpperCase(Locale.ROOT);
        return RESERVED.contains(base) ? "_" + s : s;
    }

    /** Whether an entry name (parts joined by {@code /}) is made only of safe parts. */
    static boolean safe(String entry) {
        if (entry.isEmpty() || entry.startsWith("/") || entry.endsWith("/")) {
            return false;
        }
        for (String part : entry.split("/", -1)) {
            if (part.isEmpty() || !segment(part, "").equals(part)) {
                return false;
            }
        }
        return true;
    }

    private static boolean unsafe(int c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || "/\\:*?\"<>|".indexOf(c) >= 0
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.UNASSIGNED
                || Character.getType(c) == Character.SURROGATE || Character.getType(c) == Character.PRIVATE_USE;
    }
}
