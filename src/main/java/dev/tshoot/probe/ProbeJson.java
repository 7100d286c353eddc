package dev.tshoot.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tshoot.text.SafeText;

/**
 * Renders probe results as JSON. Output is always valid JSON: if a result cannot be serialized, the
 * output is {@code {"probe":"<name>","error":"<reason>"}} instead. Host text in it holds no raw
 * control character: DEL, C1, bidi and zero-width characters are JSON escapes too ({@link SafeText#json}).
 *
 * <p>Shape: {@code {"probe":..., "facts":{...}, "unknown":{...}, "evidence":[{"source","observed","suggests","weight"}],
 * "verdicts":[{"level","title","message"}] (only when given), "durationMs":...}}.
 */
public final class ProbeJson {

    private final ObjectMapper mapper;

    public ProbeJson(boolean pretty) {
        this.mapper = new ObjectMapper();
        if (pretty) {
            mapper.enable(SerializationFeature.INDENT_OUTPUT);
        }
    }

    /** Compact, one line. */
    public static ProbeJson compact() {
        return new ProbeJson(false);
    }

    public static ProbeJson pretty() {
        return new ProbeJson(true);
    }

    public String toJson(ProbeResult result) {
        return toJson(result, null);
    }

    /** With verdicts (pass null to leave the key out). */
    public String toJson(ProbeResult result, List<Verdict> verdicts) {
        if (result == null) {
            return error("?", "no result");
        }
        try {
            return SafeText.json(mapper.writeValueAsString(toTree(result, verdicts)));
        } catch (JsonProcessingException | RuntimeException e) {
            return error(result.probe(), "could not render result as JSON: " + FactSheet.describe(e));
        }
    }

    /** A JSON array of results (e.g. for {@code diag --json}). */
    public String toJson(List<ProbeResult> results) {
        List<Object> trees = new ArrayList<>();
        for (ProbeResult r : results) {
            try {
                Map<String, Object> tree = toTree(r, null);
                mapper.writeValueAsString(tree);      // fail per element, not for the whole array
                trees.add(tree);
            } catch (JsonProcessingException | RuntimeException e) {
                trees.add(errorTree(r == null ? "?" : r.probe(), FactSheet.describe(e)));
            }
        }
        try {
            return SafeText.json(mapper.writeValueAsString(trees));
        } catch (JsonProcessingException e) {
            return "[]";
        }
    }

    /** The plain map that {@link #toJson} serializes. */
    public Map<String, Object> toTree(ProbeResult r, List<Verdict> verdicts) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("probe", r.probe());
        out.put("facts", PlainValues.sanitizeFacts(r.facts()));
        out.put("unknown", r.unknown());
        List<Map<String, Object>> ev = new ArrayList<>();
        for (Evidence e : r.evidence()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", e.source());
            m.put("observed", e.observed());
            m.put("suggests", e.suggests());
            m.put("weight", e.weight() == null ? null : e.weight().label());
            ev.add(m);
        }
        out.put("evidence", ev);
        if (verdicts != null) {
            List<Map<String, Object>> vs = new ArrayList<>();
            for (Verdict v : verdicts) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("level", v.level() == null ? null : v.level().name());
                m.put("title", v.title());
                m.put("message", v.message());
                vs.add(m);
            }
            out.put("verdicts", vs);
        }
        out.put("durationMs", r.durationMs());
        return out;
    }

    /** {@code {"probe":"x","error":"..."}}, always valid JSON whatever the strings contain. */
    public static String error(String probe, String message) {
        ObjectNode node = errorNode(probe, message);
        try {
            return SafeText.json(new ObjectMapper().writeValueAsString(node));
        } catch (JsonProcessingException e) {
            return "{\"probe\":\"?\",\"error\":\"could not render error\"}";
        }
    }

    private static Map<String, Object> errorTree(String probe, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("probe", probe);
        m.put("error", message);
        return m;
    }

    private static ObjectNode errorNode(String probe, String message) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("probe", probe == null ? "?" : probe);
        node.put("error", message == null ? "unknown error" : message);
        return node;
    }
}
