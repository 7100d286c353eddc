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
 * The decision tree as SVG shapes, laid out by ELK's layered algorithm ({@link LayeredLayout}):
 * layers top to bottom in the playbook's order, few crossings, orthogonal links with rounded
 * corners and their labels beside them. With the playbook, the whole tree is drawn and the route
 * taken highlighted (a move the playbook has no link for, such as {@code back}, gets a link of its
 * own); without it, only the nodes visited. {@link #traffic} draws the same tree for a page that is
 * not one session's (the stats report's traffic map), with the marks its caller gives.
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

        List<String> ids = new ArrayList<>();
        rows.forEach(ids::addAll);
        List<Link> drawn = new ArrayList<>();
        links.forEach((from, targets) -> targets.forEach(to -> {
            String key = from + "\u0000" + to;
            drawn.add(new Link(from, to, taken.containsKey(key) ? "edge taken" : "edge", taken.get(key)));
        }));
        extra.forEach((key, css) -> {
            String[] ft = key.split("\u0000", 2);
            drawn.add(new Link(ft[0], ft[1], css, taken.get(key)));
        });
        return draw(ids, drawn, id -> {
            String headline = r.headline(id);
            return new NodeText("node type-" + types.get(id) + (visited.contains(id) ? " visited" : "") + (id.equals(last) ? " last" : ""),
                    id + (headline.isBlank() ? "" : ": " + Text.oneLine(headline, 200)), headline);
        });
    }

    /** How one node is drawn: its CSS classes, its tooltip and its second line. */
    private record NodeText(String css, String title, String line) {}

    /** One link to draw: its CSS classes and label (null: none). */
    private record Link(String from, String to, String css, String label) {}

    /**
     * Lays out {@code ids} and {@code links} with ELK's layered algorithm ({@link LayeredLayout}) and
     * turns the geometry into SVG shapes; taken links are drawn last, on top.
     */
    private static Graph draw(List<String> ids, List<Link> links, java.util.function.Function<String, NodeText> text) {
        Set<String> known = new LinkedHashSet<>(ids);
        List<Link> kept = links.stream().filter(l -> known.contains(l.from()) && known.contains(l.to())).toList();
        // labels are placed on their link afterwards: as nodes of their own (ELK's way) they widen the tree a lot
        LayeredLayout.Result lay = LayeredLayout.layout(ids, W, H, kept.stream()
                .map(l -> new LayeredLayout.Link(l.from(), l.to(), "")).toList());
        List<GNode> nodes = new ArrayList<>();
        for (String id : ids) {
            LayeredLayout.Box b = lay.boxes().get(id);
            int x = (int) Math.round(b.x());
            int y = (int) Math.round(b.y());
            NodeText t = text.apply(id);
            nodes.add(new GNode(id, x, y, W, H, t.css().strip(), t.title(), Text.oneLine(id, 24), Text.oneLine(t.line(), 27),
                    x + W / 2, y + 19, y + 36));
        }
        List<GEdge> edges = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            Link l = kept.get(i);
            LayeredLayout.Route route = lay.routes().get(i);
            String label = l.label() == null ? "" : l.label();
            double[] at = labelPoint(route.points());
            edges.add(new GEdge(path(route.points()), l.css().strip(), label, "edge-label side", (int) Math.round(at[0]) + 4,
                    (int) Math.round(at[1]) + 4));
        }
        edges.sort((a, b) -> Boolean.compare(a.css().contains("taken"), b.css().contains("taken")));
        return new Graph((int) Math.ceil(lay.width()), Math.max((int) Math.ceil(lay.height()), H + 2 * M),
                List.copyOf(nodes), List.copyOf(edges));
    }

    /** Where a link's label goes: the middle of its longest vertical segment (else of its longest segment). */
    static double[] labelPoint(List<double[]> pts) {
        double best = -1;
        double[] at = pts.get(0);
        for (int pass = 0; pass < 2 && best < 0; pass++) {
            for (int i = 1; i < pts.size(); i++) {
                double[] a = pts.get(i - 1);
                double[] b = pts.get(i);
                boolean vertical = Math.abs(a[0] - b[0]) < 0.5;
                double len = Math.hypot(b[0] - a[0], b[1] - a[1]);
                if ((vertical || pass == 1) && len > best) {
                    best = len;
                    at = new double[] {(a[0] + b[0]) / 2, (a[1] + b[1]) / 2};
                }
            }
        }
        return at;
    }

    /** An orthogonal route as an SVG path, its corners rounded. */
    static String path(List<double[]> pts) {
        StringBuilder d = new StringBuilder();
        d.append('M').append(r(pts.get(0)[0])).append(' ').append(r(pts.get(0)[1]));
        for (int i = 1; i < pts.size(); i++) {
            double[] p = pts.get(i);
            if (i < pts.size() - 1) {
                double[] a = pts.get(i - 1);
                double[] b = pts.get(i + 1);
                double in = Math.min(6, Math.hypot(p[0] - a[0], p[1] - a[1]) / 2);
                double out = Math.min(6, Math.hypot(b[0] - p[0], b[1] - p[1]) / 2);
                double[] p1 = toward(p, a, in);
                double[] p2 = toward(p, b, out);
                d.append(" L").append(r(p1[0])).append(' ').append(r(p1[1]))
                        .append(" Q").append(r(p[0])).append(' ').append(r(p[1])).append(' ').append(r(p2[0])).append(' ').append(r(p2[1]));
            } else {
                d.append(" L").append(r(p[0])).append(' ').append(r(p[1]));
            }
        }
        return d.toString();
    }

    private static double[] toward(double[] from, double[] to, double dist) {
        double len = Math.hypot(to[0] - from[0], to[1] - from[1]);
        if (len == 0) {
            return from;
        }
        return new double[] {from[0] + (to[0] - from[0]) * dist / len, from[1] + (to[1] - from[1]) * dist / len};
    }

    private static String r(double v) {
        long whole = Math.round(v * 10);
        return whole % 10 == 0 ? Long.toString(whole / 10) : Double.toString(whole / 10.0);
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
        List<String> ids = new ArrayList<>();
        layers(pb).forEach(ids::addAll);
        List<Link> drawn = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        pb.nodes().forEach((from, n) -> new LinkedHashSet<>(n.targets()).forEach(to -> {
            String key = from + "\u0000" + to;
            keys.add(key);
            drawn.add(new Link(from, to, "edge " + marks.linkCss().getOrDefault(key, ""), marks.linkLabel().get(key)));
        }));
        marks.linkCss().forEach((key, css) -> {
            if (!keys.contains(key)) {
                String[] ft = key.split("\u0000", 2);
                drawn.add(new Link(ft[0], ft.length > 1 ? ft[1] : "", "edge " + css, marks.linkLabel().get(key)));
            }
        });
        return draw(ids, drawn, id -> {
            Node n = pb.node(id);
            String headline = n.headline() == null ? "" : n.headline();
            return new NodeText("node type-" + n.type() + " " + marks.nodeCss().getOrDefault(id, ""),
                    marks.nodeTitle().getOrDefault(id, id + (headline.isBlank() ? "" : ": " + Text.oneLine(headline, 200))),
                    marks.nodeLine().getOrDefault(id, headline));
        });
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
