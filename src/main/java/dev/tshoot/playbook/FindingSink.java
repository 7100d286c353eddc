package dev.tshoot.playbook;

import java.util.List;

/** Collects findings for one file, locating each by its JSON pointer in the YAML tree. */
record FindingSink(LocatedYaml yaml, String file, List<Finding> findings) {

    void add(String rule, String ptr, String path, String message, String hint) {
        SourceLocation l = yaml.at(ptr);
        findings.add(new Finding(Finding.Severity.ERROR, rule, file, l.line(), l.column(), path, message, hint));
    }

    void addKey(String rule, String ptr, String path, String message, String hint) {
        SourceLocation l = yaml.keyAt(ptr);
        findings.add(new Finding(Finding.Severity.ERROR, rule, file, l.line(), l.column(), path, message, hint));
    }
}
