package dev.tshoot.transcript;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tshoot.engine.SessionEvent;

/**
 * Transcript format version 1, kept so that every transcript written before version 2 still
 * reads: a line is what Jackson makes of the engine's event records (property names are record
 * component names). Reading stays as lenient as version 1 promised its readers: members this
 * version does not know are ignored and lines of unknown event types are skipped (version 1 let
 * writers add both without a new version). Nothing writes version 1 any more except the tests
 * that produce the committed version-1 fixtures.
 */
public final class TranscriptV1 {

    public static final int VERSION = 1;

    static final Map<String, Class<? extends SessionEvent>> TYPES = Map.ofEntries(
            Map.entry("node-entered", SessionEvent.NodeEntered.class),
            Map.entry("prompt-shown", SessionEvent.PromptShown.class),
            Map.entry("answer-given", SessionEvent.AnswerGiven.class),
            Map.entry("check-evaluated", SessionEvent.CheckEvaluated.class),
            Map.entry("back", SessionEvent.WentBack.class),
            Map.entry("goto", SessionEvent.Jumped.class),
            Map.entry("restart", SessionEvent.Restarted.class),
            Map.entry("note", SessionEvent.NoteAdded.class),
            Map.entry("outcome", SessionEvent.OutcomeReached.class),
            Map.entry("session-ended", SessionEvent.SessionEnded.class),
            Map.entry("probe-ran", SessionEvent.ProbeRan.class),
            Map.entry("command-ran", SessionEvent.CommandRan.class));

    private TranscriptV1() {}

    /** The event as a version-1 line (without its hash chain members), {@code seq}, {@code type} and {@code at} first. */
    public static ObjectNode encode(SessionEvent e) {
        ObjectNode body = TranscriptJson.MAPPER.valueToTree(e);
        ObjectNode o = TranscriptJson.MAPPER.createObjectNode();
        o.put("seq", e.seq());
        o.put("type", e.type());
        o.put("at", e.at().toString());
        body.remove("seq");
        body.remove("at");
        body.fields().forEachRemaining(f -> {
            if (!f.getValue().isNull()) {
                o.set(f.getKey(), f.getValue());
            }
        });
        return o;
    }

    /** The header as a version-1 line 0 (without its hash chain members). */
    public static ObjectNode encode(TranscriptHeader h) {
        ObjectNode o = TranscriptJson.MAPPER.createObjectNode();
        o.put("seq", 0);
        o.put("type", "header");
        ObjectNode body = TranscriptJson.MAPPER.valueToTree(h);
        o.setAll(body);
        return o;
    }

    /** Reads a version-1 event line back into its record; null for an unknown type. */
    public static SessionEvent decode(JsonNode n) throws JsonProcessingException {
        Class<? extends SessionEvent> cls = TYPES.get(n.path("type").asText());
        if (cls == null) {
            return null;
        }
        ObjectNode copy = ((ObjectNode) n).deepCopy();
        copy.remove(List.of("type", "prev", "hash"));
        return TranscriptJson.MAPPER.treeToValue(copy, cls);
    }

    public static TranscriptHeader decodeHeader(JsonNode n) throws JsonProcessingException {
        ObjectNode copy = ((ObjectNode) n).deepCopy();
        copy.remove(List.of("seq", "type", "prev", "hash"));
        return TranscriptJson.MAPPER.treeToValue(copy, TranscriptHeader.class);
    }
}
