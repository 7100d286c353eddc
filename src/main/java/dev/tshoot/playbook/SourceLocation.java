package dev.tshoot.playbook;

/** A 1-based line and column in a playbook file; line 0 means unknown. */
public record SourceLocation(int line, int column) {
    public static final SourceLocation UNKNOWN = new SourceLocation(0, 0);
}
