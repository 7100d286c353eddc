/**
 * Redaction at record time: {@link dev.tshoot.transcript.redact.RedactionRules} (the defaults are data in
 * {@code redaction-rules.yaml}, user rules in {@code redaction.yaml}) and the
 * {@link dev.tshoot.transcript.redact.Redactor} that replaces secrets with stable placeholders before a line
 * is hashed and written.
 */
package dev.tshoot.transcript.redact;
