package dev.tshoot.transcript.export;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.tshoot.playbook.Node;

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
            sb.append("    ").append(id).append(shape(r, node, types.get(node), label)).append('\n');
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

    /**
     * A node's box: by its kind in the playbook when the playbook is at hand, else by the type name
     * the transcript recorded (an unknown name gets the plain box).
     */
    private static String shape(Report r, String node, String recordedType, String label) {
        Node n = r.source().playbook().playbook() == null ? null : r.source().playbook().playbook().node(node);
        Box box = n != null ? n.accept(BOX) : switch (String.valueOf(recordedType)) {
            case "check" -> Box.HEXAGON;
            case "action" -> Box.SUBROUTINE;
            case "outcome" -> Box.STADIUM;
            default -> Box.PLAIN;
        };
        return box.open + "\"" + label + "\"" + box.close;
    }

    /** Mermaid node shapes. */
    private enum Box {
        PLAIN("[", "]"), HEXAGON("{{", "}}"), SUBROUTINE("[[", "]]"), STADIUM("([", "])");

        final String open;
        final String close;

        Box(String open, String close) {
            this.open = open;
            this.close = close;
        }
    }

    /** The box of each kind of node. */
    private static final Node.Visitor<Box> BOX = new Node.Visitor<>() {
        @Override public Box question(Node.Question q) { return Box.PLAIN; }

        @Override public Box check(Node.Check c) { return Box.HEXAGON; }

        @Override public Box action(Node.Action a) { return Box.SUBROUTINE; }

        @Override public Box outcome(Node.Outcome o) { return Box.STADIUM; }
    };

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
