package dev.tshoot.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The report as one JSON document (every list complete, most counted first). Strings are the
 * transcripts' own, JSON-escaped by Jackson; nothing is shortened. Documented in docs/stats.md.
 */
public final class StatsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatsJson() {}

    public static String render(StatsReport r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("folder", r.folder().toString());
        root.put("files", r.files());
        root.put("sessions", r.sessions());
        problems(root.putArray("broken"), r.broken());
        problems(root.putArray("torn"), r.torn());
        ArrayNode pbs = root.putArray("playbooks");
        for (StatsReport.Playbook p : r.playbooks()) {
            ObjectNode o = pbs.addObject();
            o.put("id", p.id());
            o.put("version", p.version());
            o.put("sessions", p.sessions());
            ObjectNode mix = o.putObject("outcomes");
            p.outcomes().forEach(mix::put);
            o.put("unclosed", p.unclosed());
            counts(o.putArray("abandonedAt"), p.abandonedAt(), "node", "sessions");
            counts(o.putArray("visits"), p.visits(), "node", "visits");
            counts(o.putArray("backs"), p.backs(), "node", "backs");
            pairs(o.putArray("backLinks"), p.backLinks());
            pairs(o.putArray("links"), p.links());
            ArrayNode times = o.putArray("timePerNode");
            p.timePerNode().forEach(t -> times.addObject().put("node", t.node()).put("visits", t.samples())
                    .put("medianMs", t.medianMs()).put("p90Ms", t.p90Ms()));
            ArrayNode cmds = o.putArray("commands");
            p.commands().forEach(c -> cmds.addObject().put("command", c.command()).put("asked", c.asked())
                    .put("refused", c.refused()));
            o.put("fromMatch", p.fromMatch());
            counts(o.putArray("symptoms"), p.symptoms(), "symptom", "sessions");
            ArrayNode ho = o.putArray("handovers");
            p.handovers().forEach(h -> ho.addObject().put("outcome", h.from()).put("playbook", h.to()).put("sessions", h.count()));
            counts(o.putArray("continuedFrom"), p.continuedFrom(), "playbook", "sessions");
            ArrayNode paths = o.putArray("escalationPaths");
            p.escalationPaths().forEach(c -> {
                ObjectNode e = paths.addObject();
                ArrayNode nodes = e.putArray("path");
                for (String n : c.key().split(" > ", -1)) {
                    nodes.add(n);
                }
                e.put("sessions", c.count());
            });
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void problems(ArrayNode a, java.util.List<StatsReport.Problem> list) {
        list.forEach(p -> a.addObject().put("file", p.file().toString()).put("status", p.status()).put("message", p.message()));
    }

    private static void counts(ArrayNode a, java.util.List<StatsReport.Count> list, String key, String count) {
        list.forEach(c -> a.addObject().put(key, c.key()).put(count, c.count()));
    }

    private static void pairs(ArrayNode a, java.util.List<StatsReport.Pair> list) {
        list.forEach(c -> a.addObject().put("from", c.from()).put("to", c.to()).put("count", c.count()));
    }
}
