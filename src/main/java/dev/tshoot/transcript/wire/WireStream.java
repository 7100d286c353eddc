package dev.tshoot.transcript.wire;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Event lines of format version 2 decoded straight from a streaming {@link JsonParser} into the
 * records of {@link WireEvent}: no tree, no copy, one pass over the tokens. It takes only a line
 * that {@link WireCodec#decode} would take and builds the same record from it: each property
 * once, of its exact JSON type, a known name in each vocabulary, every required property present,
 * no null. For any other line it gives up ({@link #event} returns null) without judging it; the
 * caller then reads the line through {@link WireCodec#decode}, which refuses it with the reason and
 * the line number, or takes it (a repeated property, for instance, where the last one counts).
 *
 * <p>The shapes come from the records' components and their {@link JsonProperty} names, so a new
 * property or event type is read here without a change.
 */
public final class WireStream {

    /** An event line read: the record, its {@code type} and its {@code prev} (the hash chain's link). */
    public record Line(WireEvent event, String type, String prev, long seq) {
        public Line(WireEvent event, String type, String prev) {
            this(event, type, prev, event.seq());
        }
    }

    private enum Kind { STRING, LONG, INTEGER, BOOLEAN, INSTANT, VOCABULARY, RECORD, STRINGS, RECORDS, STRING_MAP, STRING_MAPS, UNTYPED_MAP }

    /** How to read one record: its components by JSON name, with their kinds. */
    private static final class Shape {
        final Constructor<?> constructor;
        final Map<String, Integer> index = new HashMap<>();
        /** The JSON names in component order: a writer writes them in this order, so the next name is tried first. */
        final String[] names;
        final Kind[] kinds;
        final Shape[] nested;
        final Map<String, ?>[] vocabularies;
        final long required;
        final int seq;

        @SuppressWarnings("unchecked")
        Shape(Class<?> record) {
            RecordComponent[] rc = record.getRecordComponents();
            if (rc.length > 63) {
                throw new IllegalStateException(record + " has more components than a shape holds");
            }
            kinds = new Kind[rc.length];
            names = new String[rc.length];
            nested = new Shape[rc.length];
            vocabularies = new Map[rc.length];
            Class<?>[] types = new Class<?>[rc.length];
            long req = 0;
            int seqAt = -1;
            for (int i = 0; i < rc.length; i++) {
                JsonProperty jp = rc[i].getAccessor().getAnnotation(JsonProperty.class); // the annotation targets methods, not components
                String name = jp == null ? rc[i].getName() : jp.value();
                index.put(name, i);
                names[i] = name;
                types[i] = rc[i].getType();
                kinds[i] = kind(rc[i].getType(), rc[i].getGenericType(), i);
                if ((jp != null && jp.required()) || rc[i].getType().isPrimitive()) {
                    req |= 1L << i; // a missing primitive would be a default here: leave that to the tree path
                }
                if (name.equals("seq")) {
                    seqAt = i;
                }
            }
            required = req;
            seq = seqAt;
            try {
                constructor = record.getDeclaredConstructor(types);
                constructor.setAccessible(true);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(record + " has no canonical constructor", e);
            }
        }

        /** The component named {@code name}, trying {@code guess} first (the one after the last found); null when none is. */
        Integer find(String name, int guess) {
            if (guess >= 0 && guess < names.length && names[guess].equals(name)) {
                return guess;
            }
            return index.get(name);
        }

        private Kind kind(Class<?> t, Type generic, int i) {
            if (t == String.class) {
                return Kind.STRING;
            }
            if (t == long.class) {
                return Kind.LONG;
            }
            if (t == Integer.class) {
                return Kind.INTEGER;
            }
            if (t == boolean.class) {
                return Kind.BOOLEAN;
            }
            if (t == Instant.class) {
                return Kind.INSTANT;
            }
            if (t.isEnum() && WireValue.class.isAssignableFrom(t)) {
                Map<String, Object> names = new HashMap<>();
                for (Object v : t.getEnumConstants()) {
                    names.put(((WireValue) v).wire(), v);
                }
                vocabularies[i] = names;
                return Kind.VOCABULARY;
            }
            if (t.isRecord()) {
                nested[i] = new Shape(t);
                return Kind.RECORD;
            }
            Type[] args = generic instanceof ParameterizedType p ? p.getActualTypeArguments() : new Type[0];
            if (t == List.class && args.length == 1) {
                if (args[0] == String.class) {
                    return Kind.STRINGS;
                }
                if (args[0] instanceof Class<?> c && c.isRecord()) {
                    nested[i] = new Shape(c);
                    return Kind.RECORDS;
                }
                if (args[0] instanceof ParameterizedType m && m.getRawType() == Map.class
                        && m.getActualTypeArguments()[0] == String.class && m.getActualTypeArguments()[1] == String.class) {
                    return Kind.STRING_MAPS;
                }
            }
            if (t == Map.class && args.length == 2 && args[0] == String.class) {
                if (args[1] == String.class) {
                    return Kind.STRING_MAP;
                }
                if (args[1] == Object.class) {
                    return Kind.UNTYPED_MAP;
                }
            }
            throw new IllegalStateException("no streaming form for " + generic);
        }
    }

    private static final Map<String, Shape> EVENTS = new HashMap<>();
    static {
        WireCodec.TYPES.forEach((name, cls) -> EVENTS.put(name, new Shape(cls)));
    }

    /** Stands for "not a plain line: read it through the tree". */
    private static final Object GIVE_UP = new Object();

    private WireStream() {}

    /**
     * Reads the event object whose start is the parser's next token, through its closing brace; null
     * when the line is not one this reader takes (the parser is then somewhere inside it: drop it).
     */
    public static Line event(JsonParser p) throws IOException {
        return event(p, Set.of());
    }

    /**
     * As {@link #event(JsonParser)}, but a line whose type is in {@code skim} is only checked, the
     * same way, and not built: its strings are stepped over, not copied, and the line read has no
     * {@link Line#event()} (null). For a reader that needs such a line's chain members, not its content.
     */
    public static Line event(JsonParser p, Set<String> skim) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Shape shape = null;
        Object[] args = null;
        long seen = 0;
        long seq = 0;
        boolean seqSeen = false;
        String type = null;
        String prev = null;
        boolean hash = false;
        boolean redactions = false;
        boolean build = true;
        int next = 0;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            Integer i = shape == null ? null : shape.find(name, next);
            if (i != null) {
                next = i + 1;
                long bit = 1L << i;
                if ((seen & bit) != 0) {
                    return null;
                }
                seen |= bit;
                Object value = value(p, v, shape.kinds[i], shape, i, build);
                if (value == GIVE_UP) {
                    return null;
                }
                args[i] = value;
                continue;
            }
            switch (name) {
                case "type" -> {
                    if (type != null || v != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    type = p.getText();
                    shape = EVENTS.get(type);
                    if (shape == null) {
                        return null;
                    }
                    args = new Object[shape.kinds.length];
                    build = !skim.contains(type);
                    if (seqSeen) {
                        args[shape.seq] = seq;
                        seen |= 1L << shape.seq;
                    }
                }
                case "seq" -> {
                    if (shape != null || seqSeen || !isLong(p, v)) {
                        return null; // after the type, seq is a component and handled above
                    }
                    seq = p.getLongValue();
                    seqSeen = true;
                }
                case "prev" -> {
                    if (prev != null || v != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    prev = p.getText();
                }
                case "hash" -> {
                    if (hash || v != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    hash = true;
                }
                case "redactions" -> {
                    if (redactions || !redactions(p, v)) {
                        return null;
                    }
                    redactions = true;
                }
                default -> {
                    return null; // unknown here, or a property before the type
                }
            }
        }
        if (t != JsonToken.END_OBJECT || shape == null || prev == null || (seen & shape.required) != shape.required) {
            return null;
        }
        if (!build) {
            return new Line(null, type, prev, (Long) args[shape.seq]);
        }
        WireEvent e = (WireEvent) construct(shape, args);
        return e == null ? null : new Line(e, type, prev);
    }

    private static Object construct(Shape shape, Object[] args) {
        try {
            return shape.constructor.newInstance(args);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Stands for a value checked and not built (a line skimmed). */
    private static final Object CHECKED = new Object();

    private static Object value(JsonParser p, JsonToken v, Kind kind, Shape shape, int i, boolean build) throws IOException {
        return switch (kind) {
            case STRING -> v != JsonToken.VALUE_STRING ? GIVE_UP : build ? p.getText() : CHECKED;
            case LONG -> isLong(p, v) ? (Object) p.getLongValue() : GIVE_UP;
            case INTEGER -> v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
                    ? (Object) p.getIntValue() : GIVE_UP;
            case BOOLEAN -> v == JsonToken.VALUE_TRUE ? Boolean.TRUE : v == JsonToken.VALUE_FALSE ? Boolean.FALSE : GIVE_UP;
            case INSTANT -> {
                Instant at = v == JsonToken.VALUE_STRING ? WireTime.parseOrNull(p.getText()) : null;
                yield at == null ? GIVE_UP : at;
            }
            case VOCABULARY -> {
                Object w = v == JsonToken.VALUE_STRING ? shape.vocabularies[i].get(p.getText()) : null;
                yield w == null ? GIVE_UP : w;
            }
            case RECORD -> v == JsonToken.START_OBJECT ? record(p, shape.nested[i], build) : GIVE_UP;
            case STRINGS -> strings(p, v, build);
            case RECORDS -> records(p, v, shape.nested[i], build);
            case STRING_MAP -> stringMap(p, v);
            case STRING_MAPS -> stringMaps(p, v);
            case UNTYPED_MAP -> v == JsonToken.START_OBJECT ? untypedObject(p) : GIVE_UP;
        };
    }

    private static boolean isLong(JsonParser p, JsonToken v) throws IOException {
        return v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
    }

    private static Object strings(JsonParser p, JsonToken v, boolean build) throws IOException {
        if (v != JsonToken.START_ARRAY) {
            return GIVE_UP;
        }
        List<String> out = build ? new ArrayList<>() : null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
            if (build) {
                out.add(p.getText());
            }
        }
        return t != JsonToken.END_ARRAY ? GIVE_UP : build ? out : CHECKED;
    }

    private static Object records(JsonParser p, JsonToken v, Shape shape, boolean build) throws IOException {
        if (v != JsonToken.START_ARRAY) {
            return GIVE_UP;
        }
        List<Object> out = build ? new ArrayList<>() : null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            Object r = record(p, shape, build);
            if (r == GIVE_UP) {
                return GIVE_UP;
            }
            if (build) {
                out.add(r);
            }
        }
        return t != JsonToken.END_ARRAY ? GIVE_UP : build ? out : CHECKED;
    }

    /** A nested record (an option, a snippet, a condition, a handover), its start already read. */
    private static Object record(JsonParser p, Shape shape, boolean build) throws IOException {
        Object[] args = new Object[shape.kinds.length];
        long seen = 0;
        JsonToken t;
        int next = 0;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            Integer i = shape.find(p.currentName(), next);
            if (i != null) {
                next = i + 1;
            }
            JsonToken v = p.nextToken();
            if (i == null || (seen & (1L << i)) != 0) {
                return GIVE_UP;
            }
            seen |= 1L << i;
            Object value = value(p, v, shape.kinds[i], shape, i, build);
            if (value == GIVE_UP) {
                return GIVE_UP;
            }
            args[i] = value;
        }
        if (t != JsonToken.END_OBJECT || (seen & shape.required) != shape.required) {
            return GIVE_UP;
        }
        if (!build) {
            return CHECKED;
        }
        Object r = construct(shape, args);
        return r == null ? GIVE_UP : r;
    }

    private static Object stringMap(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.START_OBJECT) {
            return GIVE_UP;
        }
        Map<String, String> out = new LinkedHashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            if (p.nextToken() != JsonToken.VALUE_STRING || out.put(k, p.getText()) != null) {
                return GIVE_UP;
            }
        }
        return t == JsonToken.END_OBJECT ? out : GIVE_UP;
    }

    private static Object stringMaps(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.START_ARRAY) {
            return GIVE_UP;
        }
        List<Object> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            Object m = stringMap(p, t);
            if (m == GIVE_UP) {
                return GIVE_UP;
            }
            out.add(m);
        }
        return t == JsonToken.END_ARRAY ? out : GIVE_UP;
    }

    /** Any JSON object as Jackson's untyped reading makes it: maps, lists, strings, Integer or Long, booleans. */
    private static Object untypedObject(JsonParser p) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            Object v = untyped(p, p.nextToken());
            if (v == GIVE_UP || out.containsKey(k)) {
                return GIVE_UP;
            }
            out.put(k, v);
        }
        return t == JsonToken.END_OBJECT ? out : GIVE_UP;
    }

    private static Object untyped(JsonParser p, JsonToken v) throws IOException {
        switch (v) {
            case START_OBJECT:
                return untypedObject(p);
            case START_ARRAY: {
                List<Object> out = new ArrayList<>();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    Object item = untyped(p, t);
                    if (item == GIVE_UP) {
                        return GIVE_UP;
                    }
                    out.add(item);
                }
                return out;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT -> (Object) p.getIntValue();
                    case LONG -> (Object) p.getLongValue();
                    default -> GIVE_UP;
                };
            default:
                return GIVE_UP; // null, floating-point numbers: the tree path reads those as it always did
        }
    }

    /** {@code redactions}: a non-empty object of rule names to counts above zero, each name once. */
    private static boolean redactions(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.START_OBJECT) {
            return false;
        }
        Set<String> names = new HashSet<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            if (!names.add(p.currentName()) || !isLong(p, p.nextToken()) || p.getLongValue() <= 0) {
                return false;
            }
        }
        return t == JsonToken.END_OBJECT && !names.isEmpty();
    }
}
