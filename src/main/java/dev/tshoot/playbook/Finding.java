package dev.tshoot.playbook;

/**
 * One problem found in a playbook: what is wrong, where ({@code file:line:col} and the field path),
 * the rule that found it and what to do next.
 */
public record Finding(Severity severity, String rule, String file, int line, int column, String path,
        String message, String hint) {

    public enum Severity { ERROR, WARNING }

    /** {@code file:line:col: error [rule] path: message} and, on the next line, the fix hint. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ").append(severity == Severity.ERROR ? "error" : "warning");
        sb.append(" [").append(rule).append("] ");
        if (path != null && !path.isEmpty()) {
            sb.append(path).append(": ");
        }
        sb.append(message);
        if (hint != null && !hint.isEmpty()) {
            sb.append("\n    fix: ").append(hint);
        }
        return sb.toString();
    }
}
