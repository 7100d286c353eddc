package dev.tshoot.transcript.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.elk.alg.layered.options.CrossingMinimizationStrategy;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * The decision tree's geometry, from the Eclipse Layout Kernel's layered algorithm (layer
 * assignment, crossing minimisation, node placement, orthogonal edge routing, edge labels placed
 * beside their edge). The input order of nodes and edges is kept where the algorithm allows it
 * (the playbook's order), so the same playbook always gets the same picture. Pure geometry: the
 * caller draws it.
 */
final class LayeredLayout {

    /** A node's box. */
    record Box(double x, double y, double w, double h) {}

    /**
     * A link's route: its points from the source's border to the target's (at least two), and
     * where its label's box lies (null without a label).
     */
    record Route(String from, String to, List<double[]> points, Box label) {}

    record Result(double width, double height, Map<String, Box> boxes, List<Route> routes) {}

    /** One link to lay out; {@code label} may be empty. */
    record Link(String from, String to, String label) {}

    private static volatile boolean registered;

    private LayeredLayout() {}

    /**
     * Lays out {@code ids} (boxes of {@code w} by {@code h}), top to bottom, with {@code links}
     * between them; links naming an unknown id are left out.
     */
    static Result layout(List<String> ids, double w, double h, List<Link> links) {
        register();
        ElkNode graph = ElkGraphUtil.createGraph();
        graph.setProperty(CoreOptions.ALGORITHM, "org.eclipse.elk.layered");
        graph.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        graph.setProperty(CoreOptions.PADDING, new ElkPadding(16));
        graph.setProperty(CoreOptions.SPACING_NODE_NODE, 28.0);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 44.0);
        graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
        graph.setProperty(CoreOptions.SPACING_EDGE_LABEL, 4.0);
        graph.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
        // a link to a node earlier in the given order (a loop back, a 'back') is the one turned round
        graph.setProperty(LayeredOptions.CYCLE_BREAKING_STRATEGY, org.eclipse.elk.alg.layered.options.CycleBreakingStrategy.MODEL_ORDER);
        graph.setProperty(LayeredOptions.CROSSING_MINIMIZATION_STRATEGY, CrossingMinimizationStrategy.LAYER_SWEEP);
        graph.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.NETWORK_SIMPLEX);
        graph.setProperty(CoreOptions.RANDOM_SEED, 1);

        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        for (String id : ids) {
            ElkNode n = ElkGraphUtil.createNode(graph);
            n.setIdentifier(id);
            n.setDimensions(w, h);
            nodes.put(id, n);
        }
        List<Link> kept = new ArrayList<>();
        List<ElkEdge> edges = new ArrayList<>();
        for (Link l : links) {
            ElkNode a = nodes.get(l.from());
            ElkNode b = nodes.get(l.to());
            if (a == null || b == null) {
                continue;
            }
            ElkEdge e = ElkGraphUtil.createSimpleEdge(a, b);
            if (l.label() != null && !l.label().isEmpty()) {
                ElkLabel label = ElkGraphUtil.createLabel(l.label(), e);
                label.setDimensions(labelWidth(l.label()), 14);
                label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            }
            kept.add(l);
            edges.add(e);
        }
        new RecursiveGraphLayoutEngine().layout(graph, new BasicProgressMonitor());

        Map<String, Box> boxes = new LinkedHashMap<>();
        nodes.forEach((id, n) -> boxes.put(id, new Box(n.getX(), n.getY(), n.getWidth(), n.getHeight())));
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            ElkEdge e = edges.get(i);
            List<double[]> points = new ArrayList<>();
            for (ElkEdgeSection s : e.getSections()) {
                points.add(new double[] {s.getStartX(), s.getStartY()});
                for (ElkBendPoint p : s.getBendPoints()) {
                    points.add(new double[] {p.getX(), p.getY()});
                }
                points.add(new double[] {s.getEndX(), s.getEndY()});
            }
            Box label = e.getLabels().isEmpty() ? null : box(e.getLabels().get(0));
            routes.add(new Route(kept.get(i).from(), kept.get(i).to(), List.copyOf(points), label));
        }
        return new Result(graph.getWidth(), graph.getHeight(), boxes, List.copyOf(routes));
    }

    /** About the width of {@code text} in the export's 11 px label font. */
    static double labelWidth(String text) {
        return Math.min(160, 8 + 6.2 * text.length());
    }

    private static Box box(ElkLabel l) {
        return new Box(l.getX(), l.getY(), l.getWidth(), l.getHeight());
    }

    private static void register() {
        if (!registered) {
            synchronized (LayeredLayout.class) {
                if (!registered) {
                    LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
                    registered = true;
                }
            }
        }
    }
}
