package dev.tshoot.transcript.export;

import java.nio.charset.StandardCharsets;

import dev.tshoot.transcript.redact.RedactionRules;
import dev.tshoot.transcript.redact.Redactor;

/**
 * Text an export takes from the pinned playbook file rather than from the transcript (node
 * headlines in the decision tree, the file in a bundle). The transcript's copy of that text was
 * redacted when it was recorded; this copy goes through the same default rules before it is shown,
 * numbered after the transcript's highest placeholder so that no number means two secrets.
 */
final class PlaybookText {

    private static final java.util.regex.Pattern PLACEHOLDER =
            java.util.regex.Pattern.compile("\\[REDACTED:([a-z0-9][a-z0-9-]*):([0-9]{1,9})\\]");

    private final Redactor redactor;

    private PlaybookText(Redactor redactor) {
        this.redactor = redactor;
    }

    static PlaybookText of(ExportSource source) {
        int last = lastNumber(new String(source.bytes(), StandardCharsets.UTF_8));
        return new PlaybookText(RedactionRules.defaults().newRedactor().numberAfter(last));
    }

    /** The text with what the rules find replaced by placeholders. */
    String redact(String text) {
        return text == null ? null : redactor.redact(text).text();
    }

    /** True when the rules find something in the playbook file: then it is not copied whole into a bundle. */
    static boolean holdsSecrets(byte[] playbook) {
        return !RedactionRules.defaults().newRedactor().redact(new String(playbook, StandardCharsets.UTF_8)).counts().isEmpty();
    }

    /** The highest placeholder number in {@code text}, or 0. */
    static int lastNumber(String text) {
        int max = 0;
        java.util.regex.Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            max = Math.max(max, Integer.parseInt(m.group(2)));
        }
        return max;
    }
}
