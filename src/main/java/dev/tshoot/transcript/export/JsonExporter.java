package dev.tshoot.transcript.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tshoot.text.SafeText;
import dev.tshoot.transcript.TranscriptJson;

/**
 * The whole transcript as one JSON document: {@code {format, formatVersion, source, header,
 * events: [...], integrity: {status, events, brokenSeq, line, message, seal, advice}, playbook: {status, message}}}.
 * Header and events are the lines as recorded (members this version does not model included, with
 * their {@code prev} and {@code hash}); a torn last line is left out. Strings keep their exact values:
 * C0 controls are JSON-escaped as always, and DEL, C1 controls, line separators, format characters
 * (bidi, zero-width) and lone surrogates are written as {@code \}{@code uXXXX} escapes too
 * ({@link SafeText#json}), so the file holds no raw control character while a JSON reader still gets
 * the recorded text.
 */
public final class JsonExporter {

    public static final String FORMAT = "tshoot-transcript-export";
    public static final int FORMAT_VERSION = 1;

    public String render(ExportSource s) {
        ObjectNode root = TranscriptJson.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("source", s.fileName());
        root.set("header", s.rawHeader().deepCopy());
        ArrayNode events = root.putArray("events");
        s.rawEvents().forEach(e -> events.add(e.deepCopy()));
        root.set("integrity", integrity(s.integrity()));
        ObjectNode pb = root.putObject("playbook");
        pb.put("status", s.playbook().status().name());
        pb.put("message", s.playbook().message());
        if (s.transcript().skippedLines() > 0) {
            root.put("skippedLines", s.transcript().skippedLines());
        }
        try {
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            return SafeText.json(TranscriptJson.MAPPER.writer(pp).writeValueAsString(root)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the export could not be encoded", e);
        }
    }

    /** {@code {status, events, brokenSeq, line, message}}; brokenSeq and line are null when intact. */
    static ObjectNode integrity(Integrity i) {
        ObjectNode o = TranscriptJson.MAPPER.createObjectNode();
        o.put("status", i.status().name());
        o.put("events", i.events());
        if (i.brokenSeq() == null) {
            o.putNull("brokenSeq");
            o.putNull("line");
        } else {
            o.put("brokenSeq", i.brokenSeq());
            o.put("line", i.line());
        }
        o.put("message", i.message());
        if (i.sealCode() == null) {
            o.putNull("seal");
        } else {
            o.put("seal", i.sealCode());
        }
        o.put("advice", i.advice());
        return o;
    }
}
