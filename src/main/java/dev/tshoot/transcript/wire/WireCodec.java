package dev.tshoot.transcript.wire;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * Lines of transcript format version 2 to and from JSON. Writing puts {@code seq} and {@code type}
 * first, then the record's properties in their declared order, leaving out those without a value.
 * Reading is strict: an unknown event type, an unknown property at any level, a missing required
 * property, an explicit null, a value of the wrong JSON type or a name outside a closed vocabulary
 * is refused with a {@link WireFormatException} that names the line.
 *
 * <p>The envelope ({@code type}, {@code redactions}, {@code prev}, {@code hash}) is checked here
 * and not passed on: {@code prev} and {@code hash} belong to the hash chain, which the verifier walks.
 */
public final class WireCodec {

    /** The format version these records are. */
    public static final int VERSION = 2;

    /** Members of an event line that are not fields of its record (the record holds {@code seq} and {@code at}). */
    private static final List<String> EVENT_ENVELOPE = List.of("type", "redactions", "prev", "hash");

    private static final List<String> HEADER_ENVELOPE = List.of("seq", "type", "prev", "hash");

    private static final String ADVICE = " A version-2 transcript holds only what its format defines"
            + " (docs/transcript-format.md): the line was altered or written by another program."
            + " 'tshoot transcript verify <file>' tells whether it was altered.";

    private static final ObjectMapper WRITER = JsonMapper.builder()
            .addModule(new SimpleModule("instants").addSerializer(Instant.class, ToStringSerializer.instance))
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private static final ObjectMapper READER = JsonMapper.builder()
            .addModule(new SimpleModule("instants").addDeserializer(Instant.class, new StrictInstant()))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private static final Pattern MISSING = Pattern.compile("Missing required creator property '([^']+)'");

    /** Every event type by its {@code type} name, in declaration order (from the sealed interface: none is left out). */
    public static final Map<String, Class<? extends WireEvent>> TYPES = types();

    private static final Set<String> TYPED = typedMembers();

    private WireCodec() {}

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends WireEvent>> types() {
        Map<String, Class<? extends WireEvent>> m = new LinkedHashMap<>();
        for (Class<?> c : WireEvent.class.getPermittedSubclasses()) {
            m.put(c.getAnnotation(JsonTypeName.class).value(), (Class<? extends WireEvent>) c);
        }
        return Collections.unmodifiableMap(m);
    }

    private static Set<String> typedMembers() {
        Set<String> s = new LinkedHashSet<>();
        for (Class<? extends WireEvent> c : types().values()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                if (WireValue.class.isAssignableFrom(rc.getType())) {
                    s.add(rc.getName());
                }
            }
        }
        return Collections.unmodifiableSet(s);
    }

    /**
     * The top-level members whose values come from a closed vocabulary (such as {@code status}):
     * they can hold no secret, and redaction must leave them as written.
     */
    public static Set<String> typedMembers(ObjectNode line) {
        Set<String> s = new LinkedHashSet<>();
        line.fieldNames().forEachRemaining(f -> {
            if (TYPED.contains(f) && line.get(f).isTextual()) {
                s.add(f);
            }
        });
        return s;
    }

    /** The event as a line without its hash chain members: {@code seq}, {@code type}, {@code at}, then its properties. */
    public static ObjectNode encode(WireEvent e) {
        ObjectNode o = WRITER.createObjectNode();
        o.put("seq", e.seq());
        o.put("type", e.type());
        ObjectNode body = WRITER.valueToTree(e);
        body.remove("seq");
        o.setAll(body);
        return o;
    }

    /** The header as line 0 without its hash chain members. */
    public static ObjectNode encode(WireHeader h) {
        ObjectNode o = WRITER.createObjectNode();
        o.put("seq", 0);
        o.put("type", "header");
        o.setAll((ObjectNode) WRITER.valueToTree(h));
        return o;
    }

    /** Reads an event line (line number {@code line} of its file, 1-based; 0 when unknown). */
    public static WireEvent decode(JsonNode n, long line) throws WireFormatException {
        String at = where(line);
        if (!(n instanceof ObjectNode o)) {
            throw new WireFormatException(line, at + "the line is not a JSON object." + ADVICE);
        }
        JsonNode t = o.get("type");
        if (t == null || !t.isTextual()) {
            throw new WireFormatException(line, at + "the line has no event type (a text member 'type')." + ADVICE);
        }
        Class<? extends WireEvent> cls = TYPES.get(t.asText());
        if (cls == null) {
            throw new WireFormatException(line, at + "unknown event type '" + t.asText() + "'; format version 2 has "
                    + String.join(", ", TYPES.keySet()) + "." + ADVICE);
        }
        String what = "event '" + t.asText() + "'";
        checkRedactions(o.get("redactions"), line, at, what);
        ObjectNode body = o.deepCopy();
        body.remove(EVENT_ENVELOPE);
        return bind(body, cls, line, what);
    }

    /** Reads the header line (line 1). */
    public static WireHeader decodeHeader(JsonNode n) throws WireFormatException {
        if (!(n instanceof ObjectNode o)) {
            throw new WireFormatException(1, where(1) + "the header is not a JSON object." + ADVICE);
        }
        ObjectNode body = o.deepCopy();
        body.remove(HEADER_ENVELOPE);
        return bind(body, WireHeader.class, 1, "the header");
    }

    private static <T> T bind(ObjectNode body, Class<T> cls, long line, String what) throws WireFormatException {
        String at = where(line);
        for (Map.Entry<String, JsonNode> f : (Iterable<Map.Entry<String, JsonNode>>) body::fields) {
            if (f.getValue().isNull()) {
                throw new WireFormatException(line, at + "property '" + f.getKey() + "' in " + what + " is null;"
                        + " version 2 leaves a property without a value out." + ADVICE);
            }
        }
        try {
            return READER.treeToValue(body, cls);
        } catch (UnrecognizedPropertyException e) {
            String in = path(e, true);
            throw new WireFormatException(line, at + "unknown property '" + e.getPropertyName() + "' in " + what
                    + (in.isEmpty() ? "" : " (in '" + in + "')") + "." + ADVICE);
        } catch (JsonMappingException e) {
            UnknownWireValueException unknown = cause(e);
            String p = path(e, false);
            if (unknown != null) {
                throw new WireFormatException(line, at + "property '" + p + "' in " + what + ": " + unknown.getMessage()
                        + "." + ADVICE);
            }
            Matcher m = MISSING.matcher(String.valueOf(e.getOriginalMessage()));
            if (m.find()) {
                throw new WireFormatException(line, at + what + " lacks the required property '"
                        + (p.isEmpty() ? m.group(1) : p) + "'." + ADVICE);
            }
            throw new WireFormatException(line, at + "property '" + p + "' in " + what + " has a value of the wrong"
                    + " type (" + firstSentence(e.getOriginalMessage()) + ")." + ADVICE);
        } catch (JsonProcessingException e) {
            throw new WireFormatException(line, at + what + " could not be read (" + firstSentence(e.getOriginalMessage())
                    + ")." + ADVICE);
        }
    }

    private static void checkRedactions(JsonNode r, long line, String at, String what) throws WireFormatException {
        if (r == null) {
            return;
        }
        boolean ok = r.isObject() && !r.isEmpty();
        for (JsonNode v : r) {
            ok &= v.isIntegralNumber() && v.asLong() > 0;
        }
        if (!ok) {
            throw new WireFormatException(line, at + "'redactions' in " + what + " must map rule names to counts"
                    + " above zero." + ADVICE);
        }
    }

    private static UnknownWireValueException cause(Throwable t) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof UnknownWireValueException u) {
                return u;
            }
        }
        return null;
    }

    /** The JSON path of the problem, as {@code choices[0].label}; without its last step when {@code parent}. */
    private static String path(JsonMappingException e, boolean parent) {
        List<JsonMappingException.Reference> refs = new ArrayList<>(e.getPath());
        if (parent && !refs.isEmpty()) {
            refs.remove(refs.size() - 1);
        }
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String firstSentence(String s) {
        String t = String.valueOf(s).split("\n", 2)[0];
        int dot = t.indexOf(". ");
        return dot > 0 ? t.substring(0, dot) : t;
    }

    private static String where(long line) {
        return line > 0 ? "line " + line + ": " : "";
    }

    /** ISO-8601 instants only; anything else is a value of the wrong type. */
    private static final class StrictInstant extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext c) throws IOException {
            if (!p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                return (Instant) c.handleUnexpectedToken(Instant.class, p);
            }
            String s = p.getText();
            try {
                return WireTime.parse(s);
            } catch (DateTimeParseException e) {
                return (Instant) c.handleWeirdStringValue(Instant.class, s, "not an ISO-8601 instant in UTC");
            }
        }
    }

    /** For tests and documentation: the names of a vocabulary, in order. */
    public static List<String> names(WireValue[] values) {
        return Arrays.stream(values).map(WireValue::wire).toList();
    }
}
