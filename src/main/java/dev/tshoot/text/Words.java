package dev.tshoot.text;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one wording of things every view shows: an argument list, a command's result, an outcome's
 * result. All of it is safe text ({@link SafeText}).
 */
public final class Words {

    /** Arguments holding any of these (or empty ones) are quoted. */
    private static final Pattern NEEDS_QUOTES = Pattern.compile("[\\s\"'$`\\\\;&|<>()*?!#~]");

    private Words() {}

    /**
     * An argument list the way a user could type it to a POSIX shell: each argument made safe with
     * {@link SafeText#inline} (so a line feed in an argument shows as {@code \}{@code u000a}), then
     * quoted with single quotes when it is empty or holds white space, quotes, a backslash (every
     * escape does) or a shell metacharacter; a single quote inside becomes {@code '\''}.
     */
    public static String argv(List<String> argv) {
        StringBuilder sb = new StringBuilder();
        if (argv == null) {
            return "";
        }
        for (String raw : argv) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            String a = SafeText.inline(raw);
            sb.append(a.isEmpty() || NEEDS_QUOTES.matcher(a).find() ? "'" + a.replace("'", "'\\''") + "'" : a);
        }
        return sb.toString();
    }

    /**
     * A command's result in a few words: "exit 0", "not run (declined)", "not run (dry run)",
     * "not run (no command for this OS)", otherwise the status with spaces for underscores and the
     * error after a colon ("timed out", "failed to start: no such file").
     */
    public static String commandResult(String status, Integer exitCode, String error) {
        String s = status == null ? "unknown" : status;
        return switch (s) {
            case "exited" -> "exit " + exitCode;
            case "declined" -> "not run (declined)";
            case "dry_run" -> "not run (dry run)";
            case "not_applicable" -> "not run (no command for this OS)";
            default -> SafeText.line(s.replace('_', ' ')) + (error != null ? ": " + SafeText.line(error) : "");
        };
    }

    /** The verb before a command's result: "ran" for one that was started, "skipped" for one that was not. */
    public static String commandVerb(String status) {
        return switch (status == null ? "" : status) {
            case "declined", "dry_run", "not_applicable" -> "skipped";
            default -> "ran";
        };
    }

    /** An outcome's result as shown: upper case ("RESOLVED"); "UNKNOWN" when missing. */
    public static String result(String result) {
        return result == null ? "UNKNOWN" : SafeText.line(result.toUpperCase(Locale.ROOT));
    }

    /** The tone a result is shown in: resolved green, unresolved yellow, escalate red, anything else plain. */
    public static Tone resultTone(String result) {
        if (result == null) {
            return Tone.PLAIN;
        }
        return switch (result) {
            case "resolved" -> Tone.GREEN;
            case "unresolved" -> Tone.YELLOW;
            case "escalate" -> Tone.RED;
            default -> Tone.PLAIN;
        };
    }
}
