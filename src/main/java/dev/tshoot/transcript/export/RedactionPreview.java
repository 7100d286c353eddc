package dev.tshoot.transcript.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tshoot.text.SafeText;

/**
 * What {@code --preview-redactions} reports: the events whose text was redacted when the session was
 * recorded (their optional {@code redactions: {rule: count}} member), per event and in total. Names
 * read from the transcript go through the text layer.
 */
public final class RedactionPreview {

    /** One event's redactions. */
    public record Entry(long seq, String type, String node, Map<String, Integer> rules) {
        public int total() {
            return rules.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private RedactionPreview() {}

    public static List<Entry> entries(ExportSource s) {
        List<Entry> out = new ArrayList<>();
        for (ObjectNode e : s.rawEvents()) {
            JsonNode r = e.get("redactions");
            if (r == null || !r.isObject()) {
                continue;
            }
            Map<String, Integer> rules = new TreeMap<>();
            r.fields().forEachRemaining(f -> {
                if (f.getValue().canConvertToInt() && f.getValue().asInt() > 0) {
                    rules.put(f.getKey(), f.getValue().asInt());
                }
            });
            if (!rules.isEmpty()) {
                out.add(new Entry(e.path("seq").asLong(), e.path("type").asText(), e.path("node").asText(null), rules));
            }
        }
        return out;
    }

    /** The report as text lines. */
    public static String render(ExportSource s) {
        List<Entry> entries = entries(s);
        StringBuilder sb = new StringBuilder();
        if (entries.isEmpty()) {
            sb.append("No redactions recorded in ").append(SafeText.inline(s.fileName())).append(": no event carries a 'redactions' member")
                    .append(" (nothing matched a redaction rule, or the transcript was recorded before tshoot noted"
                            + " redactions).\n");
        } else {
            sb.append("Redactions recorded in ").append(SafeText.inline(s.fileName()))
                    .append(" (made when the session was recorded; every export holds only the redacted text):\n");
            Map<String, Integer> totals = new TreeMap<>();
            for (Entry e : entries) {
                String where = SafeText.inline(e.type()) + (e.node() == null ? "" : " at " + SafeText.inline(e.node()));
                StringBuilder rules = new StringBuilder();
                e.rules().forEach((rule, n) -> {
                    rules.append(rules.length() == 0 ? "" : ", ").append(SafeText.inline(rule)).append(" ×").append(n);
                    totals.merge(rule, n, Integer::sum);
                });
                sb.append(String.format("  event %-5d %-34s %s\n", e.seq(), where, rules));
            }
            int total = totals.values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder byRule = new StringBuilder();
            totals.forEach((rule, n) -> byRule.append(byRule.length() == 0 ? "" : ", ").append(SafeText.inline(rule)).append(' ').append(n));
            sb.append("Total: ").append(total).append(total == 1 ? " redaction" : " redactions").append(" in ")
                    .append(entries.size()).append(entries.size() == 1 ? " event" : " events").append(" (").append(byRule)
                    .append(").\n");
        }
        sb.append("Nothing was written: --preview-redactions only reports.\n");
        return sb.toString();
    }
}
