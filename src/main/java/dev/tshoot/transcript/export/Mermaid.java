package dev.tshoot.transcript.export;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The route taken as a Mermaid {@code flowchart}: each node visited once, in the order first visited,
 * and one numbered edge per move, labelled with the answer or condition that made it. GitHub and
 * GitLab render it inside a {@code mermaid} code block.
 */
final class Mermaid {

    private Mermaid() {}

    static String flowchart(Report r) {
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (Report.Step s : r.steps()) {
            if (s.node() != null && !ids.containsKey(s.node())) {
                ids.put(s.node(), "n" + (ids.size() + 1));
                types.put(s.node(), s.nodeType());
            }
        }
        StringBuilder sb = new StringBuilder("flowchart TD\n");
        ids.forEach((node, id) -> {
            String label = escape(node) + (r.headline(node).isBlank() ? "" : ": " + escape(Text.oneLine(r.headline(node), 48)));
            sb.append("    ").append(id).append(shape(types.get(node), label)).append('\n');
        });
        for (Report.RouteEdge e : r.route()) {
            String label = e.number() + ". " + Text.oneLine(e.label(), 40);
            sb.append("    ").append(ids.get(e.from())).append(" -->|\"").append(escape(label)).append("\"| ")
                    .append(ids.get(e.to())).append('\n');
        }
        sb.append("    classDef visited stroke:#1f6feb,stroke-width:2px\n");
        sb.append("    classDef last fill:#fff4cc,stroke:#b58900,stroke-width:3px\n");
        if (!ids.isEmpty()) {
            sb.append("    class ").append(String.join(",", ids.values())).append(" visited\n");
            String last = r.lastNode();
            if (last != null) {
                sb.append("    class ").append(ids.get(last)).append(" last\n");
            }
        }
        return sb.toString();
    }

    private static String shape(String type, String label) {
        String q = "\"" + label + "\"";
        return switch (String.valueOf(type)) {
            case "check" -> "{{" + q + "}}";
            case "action" -> "[[" + q + "]]";
            case "outcome" -> "([" + q + "])";
            default -> "[" + q + "]";
        };
    }

    /** Characters that could end a label or a statement become Mermaid entity codes (#34; for a quote). */
    static String escape(String s) {
        String v = Text.oneLine(s, Integer.MAX_VALUE);
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"', '#', '<', '>', '&', '`', '|', ';', '\\' -> sb.append('#').append((int) c).append(';');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
