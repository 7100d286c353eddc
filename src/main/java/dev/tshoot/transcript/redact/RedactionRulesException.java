package dev.tshoot.transcript.redact;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import dev.tshoot.playbook.Finding;

/**
 * A redaction rules file that cannot be used; {@link #findings()} says what is wrong and where
 * ({@code file:line:col}), in file order.
 */
public final class RedactionRulesException extends Exception {

    private final List<Finding> findings;

    public RedactionRulesException(List<Finding> findings) {
        super(sorted(findings).stream().map(Finding::format).collect(Collectors.joining("\n")));
        this.findings = sorted(findings);
    }

    /** In file order. */
    private static List<Finding> sorted(List<Finding> findings) {
        return findings.stream().sorted(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column)).toList();
    }

    public List<Finding> findings() { return findings; }
}
