package dev.tshoot.transcript.export;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tshoot.playbook.Node;
import dev.tshoot.playbook.Playbook;

/**
 * A simple layered layout of the decision tree for an SVG: rows by distance from the start node,
 * nodes in a row in the order found, straight-down curves for forward links and side arcs for links
 * that go back up. With the playbook, the whole tree is drawn and the route taken highlighted;
 * without it, only the nodes visited, one per row. {@link #traffic} draws the same tree for a page
 * that is not one session's (the stats report's traffic map), with the marks its caller gives.
 */
public final class GraphLayout {

    static final int W = 176;
    static final int H = 46;
    static final int GX = 28;
    static final int GY = 58;
    static final int M = 16;
    /** Left margin: room for arcs that skip rows. */
    static final int X0 = M + 56;

    public record Graph(int width, int height, List<GNode> nodes, List<GEdge> edges) {}

    public record GNode(String node, int x, int y, int w, int h, String css, String title, String line1, String line2,
            int tx, int ty1, int ty2) {}

    /** A link; {@code labelCss} is "edge-label" (centred) or "edge-label side" (left-aligned, beside an arc). */
    public record GEdge(String d, String css, String label, String labelCss, int lx, int ly) {}

    private GraphLayout() {}

    static Graph of(Report r, Playbook pb) {
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, Set<String>> links = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        if (pb != null) {
            pb.nodes().forEach((id, n) -> {
                types.put(id, n.type());
                links.put(id, new LinkedHashSet<>(n.targets()));
            });
            rows = layers(pb);
        } else {
            for (Report.Step s : r.steps()) {
                if (s.node() != null && !types.containsKey(s.node())) {
                    types.put(s.node(), s.nodeType());
                    links.put(s.node(), new LinkedHashSet<>());
                    rows.add(List.of(s.node()));
                }
            }
        }
        Map<String, String> taken = new LinkedHashMap<>();
        Map<String, String> extra = new LinkedHashMap<>();
        for (Report.RouteEdge e : r.route()) {
            String key = e.from() + "\u0000" + e.to();
            taken.merge(key, e.number() + ". " + Text.oneLine(e.label(), 28), (a, b) -> a + "; " + b);
            if (!links.getOrDefault(e.from(), Set.of()).contains(e.to())) {
                boolean jump = "back".equals(e.via()) || "goto".equals(e.via()) || "restart".equals(e.via());
                extra.merge(key, jump ? "edge taken jump" : "edge taken", (a, b) -> a.contains("jump") ? a : b);
            }
        }
        Set<String> visited = new LinkedHashSet<>();
        r.steps().forEach(s -> visited.add(s.node()));
        String last = r.lastNode();

        int width = width(rows);
        Map<String, int[]> pos = positions(rows);
        List<GNode> nodes = new ArrayList<>();
        for (int row = 0; row < rows.size(); row++) {
            for (String id : rows.get(row)) {
                int x = pos.get(id)[0];
                int y = pos.get(id)[1];
                String css = "node type-" + types.get(id) + (visited.contains(id) ? " visited" : "") + (id.equals(last) ? " last" : "");
                String headline = r.headline(id);
                nodes.add(new GNode(id, x, y, W, H, css, id + (headline.isBlank() ? "" : ": " + Text.oneLine(headline, 200)),
                        Text.oneLine(id, 24), Text.oneLine(headline, 27), x + W / 2, y + 19, y + 36));
            }
        }
        List<GEdge> edges = new ArrayList<>();
        links.forEach((from, targets) -> targets.forEach(to -> {
            String key = from + "\u0000" + to;
            edges.add(edge(pos.get(from), pos.get(to), taken.containsKey(key) ? "edge taken" : "edge", taken.get(key)));
        }));
        extra.forEach((key, css) -> {
            String[] ft = key.split("\u0000", 2);
            edges.add(edge(pos.get(ft[0]), pos.get(ft[1]), css, taken.get(key)));
        });
        edges.removeIf(e -> e == null);
        // taken edges last, so they are drawn on top
        edges.sort((a, b) -> Boolean.compare(a.css().contains("taken"), b.css().contains("taken")));
        int height = 2 * M + rows.size() * (H + GY) - GY;
        return new Graph(width, Math.max(height, H + 2 * M), List.copyOf(nodes), List.copyOf(edges));
    }

    /**
     * Marks for a drawing of a whole playbook that is not one session's: per node a CSS class list
     * to add, a second line and a tooltip (the node's headline when absent); per link, keyed
     * {@code from + "\u0000" + to}, a CSS class list to add and a label. A marked link the playbook
     * does not have (a {@code back}, say) is drawn as an arc of its own. Strings are raw: the page escapes them.
     */
    public record Marks(Map<String, String> nodeCss, Map<String, String> nodeLine, Map<String, String> nodeTitle,
            Map<String, String> linkCss, Map<String, String> linkLabel) {}

    /** The whole tree of {@code pb} in the layout of a session's page, with {@code marks} in place of a route. */
    public static Graph traffic(Playbook pb, Marks marks) {
        List<List<String>> rows = layers(pb);
        Map<String, int[]> pos = positions(rows);
        List<GNode> nodes = new ArrayList<>();
        pos.forEach((id, p) -> {
            Node n = pb.node(id);
            String headline = n.headline() == null ? "" : n.headline();
            String line = marks.nodeLine().getOrDefault(id, headline);
            String css = "node type-" + n.type() + " " + marks.nodeCss().getOrDefault(id, "");
            String title = marks.nodeTitle().getOrDefault(id, id + (headline.isBlank() ? "" : ": " + Text.oneLine(headline, 200)));
            nodes.add(new GNode(id, p[0], p[1], W, H, css.strip(), title, Text.oneLine(id, 24), Text.oneLine(line, 27),
                    p[0] + W / 2, p[1] + 19, p[1] + 36));
        });
        List<GEdge> edges = new ArrayList<>();
        Set<String> drawn = new LinkedHashSet<>();
        pb.nodes().forEach((from, n) -> new LinkedHashSet<>(n.targets()).forEach(to -> {
            String key = from + "\u0000" + to;
            drawn.add(key);
            edges.add(edge(pos.get(from), pos.get(to), ("edge " + marks.linkCss().getOrDefault(key, "")).strip(),
                    marks.linkLabel().get(key)));
        }));
        marks.linkCss().forEach((key, css) -> {
            if (!drawn.contains(key)) {
                String[] ft = key.split("\u0000", 2);
                edges.add(edge(pos.get(ft[0]), pos.get(ft.length > 1 ? ft[1] : ""), ("edge " + css).strip(),
                        marks.linkLabel().get(key)));
            }
        });
        edges.removeIf(e -> e == null);
        edges.sort((a, b) -> Boolean.compare(a.css().contains("taken"), b.css().contains("taken")));
        int height = 2 * M + rows.size() * (H + GY) - GY;
        return new Graph(width(rows), Math.max(height, H + 2 * M), List.copyOf(nodes), List.copyOf(edges));
    }

    private static int width(List<List<String>> rows) {
        int widest = rows.stream().mapToInt(List::size).max().orElse(0);
        return X0 + Math.max(widest * (W + GX) - GX, W) + 180;
    }

    /** Each node's {x, y, row}: rows top to bottom, each row centred on the widest. */
    private static Map<String, int[]> positions(List<List<String>> rows) {
        int widest = rows.stream().mapToInt(List::size).max().orElse(0);
        Map<String, int[]> pos = new LinkedHashMap<>();
        for (int row = 0; row < rows.size(); row++) {
            List<String> ids = rows.get(row);
            int offset = (widest - ids.size()) * (W + GX) / 2;
            for (int i = 0; i < ids.size(); i++) {
                pos.put(ids.get(i), new int[] {X0 + offset + i * (W + GX), M + row * (H + GY), row});
            }
        }
        return pos;
    }

    private static GEdge edge(int[] a, int[] b, String css, String label) {
        if (a == null || b == null) {
            return null;
        }
        String l = label == null ? "" : label;
        if (b[2] == a[2] + 1 || b[2] > a[2] && b[0] != a[0]) {
            // one row down, or down and sideways: an S-curve from bottom to top
            int sx = a[0] + W / 2;
            int sy = a[1] + H;
            int tx = b[0] + W / 2;
            int ty = b[1];
            String d = "M" + sx + " " + sy + " C" + sx + " " + (sy + GY / 2) + " " + tx + " " + (ty - GY / 2) + " " + tx + " " + ty;
            return new GEdge(d, css, l, "edge-label", (sx + tx) / 2, sy + GY / 2 + 4);
        }
        if (b[2] > a[2]) {
            // straight down past other rows: an arc on the left
            int sx = a[0];
            int sy = a[1] + H / 2;
            int ty = b[1] + H / 2;
            int bend = Math.max(4, sx - 36 - (b[2] - a[2]) * 6);
            String d = "M" + sx + " " + sy + " C" + bend + " " + sy + " " + bend + " " + ty + " " + b[0] + " " + ty;
            return new GEdge(d, css, l, "edge-label side", bend + 2, (sy + ty) / 2);
        }
        if (b[2] == a[2] && b[0] != a[0]) {
            // same row: a dip below it
            int sx = a[0] + W / 2;
            int sy = a[1] + H;
            int tx = b[0] + W / 2;
            int dip = sy + GY * 2 / 3;
            String d = "M" + sx + " " + sy + " C" + sx + " " + dip + " " + tx + " " + dip + " " + tx + " " + sy;
            return new GEdge(d, css, l, "edge-label", (sx + tx) / 2, sy + GY / 2 + 4);
        }
        // back up (or to itself): an arc on the right
        int sx = a[0] + W;
        int sy = a[1] + H / 2;
        int tx = b[0] + W;
        int ty = b[1] + H / 2;
        int bend = Math.max(sx, tx) + 40 + Math.abs(sy - ty) / 8;
        String d = "M" + sx + " " + sy + " C" + bend + " " + sy + " " + bend + " " + ty + " " + tx + " " + (ty == sy ? ty - 1 : ty);
        return new GEdge(d, css, l, "edge-label side", bend - 4, (sy + ty) / 2);
    }

    /** Rows by breadth-first distance from the start; nodes it cannot reach go in a last row. */
    private static List<List<String>> layers(Playbook pb) {
        Map<String, Integer> depth = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        if (pb.node(pb.start()) != null) {
            depth.put(pb.start(), 0);
            queue.add(pb.start());
        }
        while (!queue.isEmpty()) {
            String id = queue.poll();
            Node n = pb.node(id);
            for (String t : n.targets()) {
                if (t != null && pb.node(t) != null && !depth.containsKey(t)) {
                    depth.put(t, depth.get(id) + 1);
                    queue.add(t);
                }
            }
        }
        int max = depth.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
        for (String id : pb.nodes().keySet()) {
            depth.putIfAbsent(id, max + 1);
        }
        List<List<String>> rows = new ArrayList<>();
        depth.forEach((id, d) -> {
            while (rows.size() <= d) {
                rows.add(new ArrayList<>());
            }
            rows.get(d).add(id);
        });
        rows.removeIf(List::isEmpty);
        return rows;
    }
}
