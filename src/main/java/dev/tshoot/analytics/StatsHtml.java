package dev.tshoot.analytics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.tshoot.playbook.Playbook;
import dev.tshoot.text.SafeText;
import dev.tshoot.transcript.export.GraphLayout;
import dev.tshoot.transcript.export.HtmlExporter;

/**
 * The report as one offline HTML file: no script, its own style allowed by hash in a
 * Content-Security-Policy, nothing fetched. Per playbook id and version, the outcome mix, the
 * traffic map (the decision tree in the layout of the HTML export, {@link GraphLayout#traffic},
 * nodes shaded by visits, links as wide as the walks that took them, backs as red dashed arcs,
 * nodes where sessions were abandoned outlined red) and the tables of the text report. Every
 * string from a transcript or a playbook is made safe by the text layer, then HTML-escaped.
 */
public final class StatsHtml {

    private static final String CSS = HtmlExporter.resource("export/stats.css");
    private static final int TOP = 15;

    private StatsHtml() {}

    /** {@code playbooks}: the playbook of an id, to draw its tree (null: the tree cannot be drawn). */
    public static String render(StatsReport r, Function<String, Playbook> playbooks) {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-")
                .append(HtmlExporter.sha256Base64(CSS)).append("'; img-src data:; base-uri 'none'; form-action 'none'\">\n")
                .append("<meta name=\"generator\" content=\"tshoot stats\">\n<title>tshoot stats: ")
                .append(esc(r.folder().toString())).append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<h1>tshoot stats</h1>\n<p class=\"summary\">").append(r.files()).append(" transcript file(s) under <code>")
                .append(esc(r.folder().toString())).append("</code>: ").append(r.sessions()).append(" session(s) counted, ")
                .append(r.broken().size()).append(" left out (broken or unreadable), ").append(r.torn().size())
                .append(" with a torn tail (counted as interrupted).</p>\n");
        problems(sb, "problems", "Left out: they add nothing to the figures", r.broken());
        problems(sb, "problems torn", "Torn tail: the lines before it verified and count", r.torn());
        for (StatsReport.Playbook p : r.playbooks()) {
            playbook(sb, p, playbooks.apply(p.id()));
        }
        return sb.append("</body>\n</html>\n").toString();
    }

    private static void playbook(StringBuilder sb, StatsReport.Playbook p, Playbook pb) {
        sb.append("<section>\n<h2><code>").append(esc(p.id())).append("</code> ").append(esc(p.version())).append(": ")
                .append(p.sessions()).append(" session(s)</h2>\n");
        mix(sb, p);
        if (pb == null) {
            sb.append("<p class=\"legend\">The playbook is not in the playbooks folder: its tree cannot be drawn.</p>\n");
        } else {
            if (!String.valueOf(pb.metadata().version()).equals(p.version())) {
                sb.append("<p class=\"legend\">Drawn over the playbook as it is now (version ").append(esc(pb.metadata().version()))
                        .append("); these sessions walked version ").append(esc(p.version())).append(".</p>\n");
            }
            sb.append("<p class=\"legend\">Traffic map: nodes shaded by visits, links as wide as the walks that took them,"
                    + " backs as red dashed arcs, nodes where sessions were abandoned outlined in red.</p>\n");
            map(sb, p, pb);
        }
        sb.append("<div class=\"grid\">\n");
        counts(sb, "Where abandoned sessions stopped", "Node", "Sessions", p.abandonedAt());
        counts(sb, "Nodes by visits", "Node", "Visits", p.visits());
        counts(sb, "Back hotspots (the answer undone)", "Node", "Backs", p.backs());
        StringBuilder t = head("Time per node (slowest median first)", "Node", "n:Visits", "n:Median", "n:P90");
        p.timePerNode().stream().limit(TOP).forEach(x -> row(t, x.node(), "n:" + x.samples(),
                "n:" + StatsText.duration(x.medianMs()), "n:" + StatsText.duration(x.p90Ms())));
        sb.append(end(t));
        StringBuilder c = head("Consent refusals per command", "Command", "n:Asked", "n:Refused");
        p.commands().stream().limit(TOP).forEach(x -> row(c, x.command(), "n:" + x.asked(), "n:" + x.refused()));
        sb.append(end(c));
        counts(sb, "Symptom matches that led in (" + p.fromMatch() + " session(s))", "Symptom", "Sessions", p.symptoms());
        StringBuilder h = head("Hand-overs to other playbooks", "Outcome", "To", "n:Sessions");
        p.handovers().stream().limit(TOP).forEach(x -> row(h, x.from(), x.to(), "n:" + x.count()));
        sb.append(end(h));
        counts(sb, "Continued from another playbook", "Playbook", "Sessions", p.continuedFrom());
        sb.append("</div>\n");
        StringBuilder e = head("Paths that end in escalation, most often first", "n:Sessions", "Path");
        p.escalationPaths().stream().limit(TOP).forEach(x -> row(e, "n:" + x.count(), x.key()));
        sb.append(end(e)).append("</section>\n");
    }

    private static void mix(StringBuilder sb, StatsReport.Playbook p) {
        int width = 900;
        sb.append("<svg class=\"mix\" width=\"").append(width).append("\" height=\"44\" role=\"img\" aria-label=\"outcome mix\">");
        double x = 0;
        int lx = 0;
        for (Map.Entry<String, Long> o : p.outcomes().entrySet()) {
            double w = p.sessions() == 0 ? 0 : (double) width * o.getValue() / p.sessions();
            sb.append(String.format(java.util.Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"0\" width=\"%.1f\" height=\"18\"/>",
                    o.getKey(), x, w));
            x += w;
            sb.append("<rect class=\"").append(o.getKey()).append("\" x=\"").append(lx).append("\" y=\"26\" width=\"10\" height=\"10\"/>")
                    .append("<text x=\"").append(lx + 14).append("\" y=\"35\">").append(o.getKey()).append(' ')
                    .append(o.getValue()).append(" (").append(StatsText.percent(o.getValue(), p.sessions())).append(")</text>");
            lx += 180;
        }
        sb.append("</svg>\n");
    }

    private static void map(StringBuilder sb, StatsReport.Playbook p, Playbook pb) {
        Map<String, Long> visits = new HashMap<>();
        p.visits().forEach(v -> visits.put(v.key(), v.count()));
        Map<String, Long> backs = new HashMap<>();
        p.backs().forEach(v -> backs.put(v.key(), v.count()));
        Map<String, Long> abandoned = new HashMap<>();
        p.abandonedAt().forEach(v -> abandoned.put(v.key(), v.count()));
        Map<String, StatsReport.NodeTime> times = new HashMap<>();
        p.timePerNode().forEach(t -> times.put(t.node(), t));
        long maxVisits = visits.values().stream().mapToLong(Long::longValue).max().orElse(1);
        Map<String, String> nodeCss = new HashMap<>();
        Map<String, String> nodeLine = new HashMap<>();
        Map<String, String> nodeTitle = new HashMap<>();
        long maxAbandoned = abandoned.values().stream().mapToLong(Long::longValue).max().orElse(0);
        for (String id : pb.nodes().keySet()) {
            long v = visits.getOrDefault(id, 0L);
            long a = abandoned.getOrDefault(id, 0L);
            nodeCss.put(id, (v == 0 ? "unvisited" : "heat-" + level(v, maxVisits))
                    + (a > 0 && a * 4 >= maxAbandoned ? " abandon" : ""));
            StatsReport.NodeTime t = times.get(id);
            nodeLine.put(id, v + " visits" + (t == null ? "" : ", " + StatsText.duration(t.medianMs())));
            nodeTitle.put(id, id + ": " + v + " visits; median " + (t == null ? "-" : StatsText.duration(t.medianMs()))
                    + ", p90 " + (t == null ? "-" : StatsText.duration(t.p90Ms())) + "; " + backs.getOrDefault(id, 0L)
                    + " backs to it; " + a + " sessions abandoned here");
        }
        Map<String, String> linkCss = new HashMap<>();
        Map<String, String> linkLabel = new HashMap<>();
        long maxLink = p.links().stream().mapToLong(StatsReport.Pair::count).max().orElse(1);
        for (StatsReport.Pair l : p.links()) {
            String key = l.from() + "\u0000" + l.to();
            linkCss.put(key, "taken flow-" + level(l.count(), maxLink));
            linkLabel.put(key, Long.toString(l.count()));
        }
        long maxBack = p.backLinks().stream().mapToLong(StatsReport.Pair::count).max().orElse(1);
        for (StatsReport.Pair b : p.backLinks()) {
            String key = b.from() + "\u0000" + b.to();
            if (!linkCss.containsKey(key)) { // a link walked forward too keeps its forward look
                linkCss.put(key, "back flow-" + level(b.count(), maxBack));
                linkLabel.put(key, "back " + b.count());
            }
        }
        GraphLayout.Graph g = GraphLayout.traffic(pb, new GraphLayout.Marks(nodeCss, nodeLine, nodeTitle, linkCss, linkLabel));
        sb.append("<div class=\"graph\">\n<svg width=\"").append(g.width()).append("\" height=\"").append(g.height())
                .append("\" viewBox=\"0 0 ").append(g.width()).append(' ').append(g.height())
                .append("\" role=\"img\" aria-label=\"traffic map\">\n<defs>").append(marker("arrow", 9))
                .append(marker("arrow-taken", 12)).append(marker("arrow-back", 12)).append("</defs>\n");
        for (GraphLayout.GEdge e : g.edges()) {
            sb.append("<path class=\"").append(esc(e.css())).append("\" d=\"").append(esc(e.d())).append("\"/>");
            if (e.label() != null && !e.label().isEmpty()) {
                sb.append("<text class=\"").append(esc(e.labelCss())).append("\" x=\"").append(e.lx()).append("\" y=\"")
                        .append(e.ly()).append("\">").append(esc(e.label())).append("</text>");
            }
            sb.append('\n');
        }
        for (GraphLayout.GNode n : g.nodes()) {
            sb.append("<g class=\"").append(esc(n.css())).append("\"><title>").append(esc(n.title())).append("</title><rect x=\"")
                    .append(n.x()).append("\" y=\"").append(n.y()).append("\" width=\"").append(n.w()).append("\" height=\"")
                    .append(n.h()).append("\" rx=\"8\"/><text class=\"id\" x=\"").append(n.tx()).append("\" y=\"").append(n.ty1())
                    .append("\">").append(esc(n.line1())).append("</text><text class=\"headline\" x=\"").append(n.tx())
                    .append("\" y=\"").append(n.ty2()).append("\">").append(esc(n.line2())).append("</text></g>\n");
        }
        sb.append("</svg>\n</div>\n");
    }

    /** 1 to 5 on a square-root scale of {@code n} against the largest. */
    static int level(long n, long max) {
        if (n <= 0 || max <= 0) {
            return 1;
        }
        return (int) Math.max(1, Math.min(5, Math.ceil(5 * Math.sqrt((double) n / max))));
    }

    private static String marker(String id, int size) {
        return "<marker id=\"" + id + "\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\""
                + size + "\" markerHeight=\"" + size + "\" orient=\"auto\"><path d=\"M0 0 L10 5 L0 10 z\"/></marker>";
    }

    private static void problems(StringBuilder sb, String css, String title, List<StatsReport.Problem> list) {
        if (list.isEmpty()) {
            return;
        }
        sb.append("<div class=\"").append(css).append("\"><strong>").append(title).append("</strong><ul>\n");
        list.forEach(p -> sb.append("<li>").append(p.status()).append(" <code>").append(esc(p.file().toString()))
                .append("</code>: ").append(esc(p.message())).append("</li>\n"));
        sb.append("</ul></div>\n");
    }

    private static void counts(StringBuilder sb, String title, String key, String count, List<StatsReport.Count> list) {
        StringBuilder t = head(title, key, "n:" + count);
        list.stream().limit(TOP).forEach(c -> row(t, c.key(), "n:" + c.count()));
        sb.append(end(t));
    }

    /** A table; a column or cell written {@code n:…} is a number (right-aligned). */
    private static StringBuilder head(String title, String... columns) {
        StringBuilder t = new StringBuilder("<div><h3>").append(esc(title)).append("</h3><table><tr>");
        for (String c : columns) {
            boolean n = c.startsWith("n:");
            t.append(n ? "<th class=\"n\">" : "<th>").append(esc(n ? c.substring(2) : c)).append("</th>");
        }
        return t.append("</tr>\n");
    }

    private static void row(StringBuilder t, String... cells) {
        t.append("<tr>");
        for (String c : cells) {
            boolean n = c.startsWith("n:");
            t.append(n ? "<td class=\"n\">" : "<td><code>").append(esc(n ? c.substring(2) : c)).append(n ? "</td>" : "</code></td>");
        }
        t.append("</tr>\n");
    }

    private static String end(StringBuilder t) {
        if (t.indexOf("<td") < 0) {
            t.append("<tr><td class=\"legend\">none</td></tr>\n");
        }
        return t.append("</table></div>\n").toString();
    }

    /** Safe through the text layer, then HTML-escaped. */
    static String esc(String s) {
        return HtmlExporter.escape(SafeText.block(s == null ? "" : s));
    }
}
