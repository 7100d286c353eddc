package dev.tshoot.probe;

/**
 * A judgement that makes sense without a playbook, for the {@code diag} summary:
 * e.g. WARN "Nested virtualization not exposed".
 */
public record Verdict(Level level, String title, String message) {

    public enum Level { PASS, WARN, FAIL }

    public static Verdict pass(String title, String message) {
        return new Verdict(Level.PASS, title, message);
    }

    public static Verdict warn(String title, String message) {
        return new Verdict(Level.WARN, title, message);
    }

    public static Verdict fail(String title, String message) {
        return new Verdict(Level.FAIL, title, message);
    }
}
