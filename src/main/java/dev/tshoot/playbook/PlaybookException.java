package dev.tshoot.playbook;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A playbook that cannot be used: it could not be read or parsed ({@link #unreadable()}), or it has
 * findings that make it invalid. The message lists every finding with its location.
 */
public class PlaybookException extends Exception {
    private final List<Finding> findings;
    private final boolean unreadable;

    public PlaybookException(List<Finding> findings, boolean unreadable) {
        super(findings.stream().map(Finding::format).collect(Collectors.joining("\n")));
        this.findings = List.copyOf(findings);
        this.unreadable = unreadable;
    }

    public List<Finding> findings() { return findings; }

    /** True when the file could not be read or parsed at all (lint exit status 2). */
    public boolean unreadable() { return unreadable; }
}
