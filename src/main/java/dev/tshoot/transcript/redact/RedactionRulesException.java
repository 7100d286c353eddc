package dev.tshoot.transcript.redact;

import java.util.List;
import java.util.stream.Collectors;

import dev.tshoot.playbook.Finding;

/** A redaction rules file that cannot be used; {@link #findings()} says what is wrong and where ({@code file:line:col}). */
public final class RedactionRulesException extends Exception {

    private final List<Finding> findings;

    public RedactionRulesException(List<Finding> findings) {
        super(findings.stream().map(Finding::format).collect(Collectors.joining("\n")));
        this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() { return findings; }
}
