package dev.tshoot.probe;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps facts to plain JSON values (String, Number, Boolean, List, Map with String keys, null), the only
 * shapes playbook conditions and the transcript can rely on. Anything else is converted to a string.
 */
public final class PlainValues {

    private PlainValues() {
    }

    /** True if {@code value} is already a plain JSON value, recursively (and not nested too deeply). */
    public static boolean isPlain(Object value) {
        return isPlain(value, 0);
    }

    private static boolean isPlain(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        if (value == null || value instanceof String || value instanceof Boolean) {
            return true;
        }
        if (value instanceof Number n) {
            return isPlainNumber(n);
        }
        if (value instanceof List<?> list) {
            return list.stream().allMatch(v -> isPlain(v, depth + 1));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().allMatch(e -> e.getKey() instanceof String && isPlain(e.getValue(), depth + 1));
        }
        return false;
    }

    /**
     * Returns a plain copy: collections and arrays become lists, map keys become strings, enums become their
     * lower-case name, non-finite doubles become null, anything else becomes {@code toString()}.
     */
    public static Object sanitize(Object value) {
        return sanitize(value, 0);
    }

    /** Deeper structures (or cycles) are cut off with this marker, so sanitizing always terminates. */
    public static final String TOO_DEEP = "(nested too deeply)";
    static final int MAX_DEPTH = 32;

    private static Object sanitize(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            return TOO_DEEP;
        }
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number n) {
            return isPlainNumber(n) ? n : finiteOrNull(n);
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), sanitize(v, depth + 1)));
            return out;
        }
        if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(v -> out.add(sanitize(v, depth + 1)));
            return out;
        }
        if (value instanceof Object[] array) {
            List<Object> out = new ArrayList<>(array.length);
            for (Object v : array) {
                out.add(sanitize(v, depth + 1));
            }
            return out;
        }
        if (value instanceof Character ch) {
            return String.valueOf(ch);
        }
        return String.valueOf(value);
    }

    /** Sanitizes every value of a fact map, keeping its order. */
    public static Map<String, Object> sanitizeFacts(Map<String, Object> facts) {
        Map<String, Object> out = new LinkedHashMap<>();
        facts.forEach((k, v) -> out.put(k, sanitize(v)));
        return out;
    }

    private static boolean isPlainNumber(Number n) {
        if (n instanceof Double d) {
            return Double.isFinite(d);
        }
        if (n instanceof Float f) {
            return Float.isFinite(f);
        }
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof java.math.BigInteger || n instanceof java.math.BigDecimal;
    }

    /** Non-finite numbers become null; other number types become Long (integral) or Double. */
    private static Object finiteOrNull(Number n) {
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
            return null;
        }
        boolean integral = n instanceof java.util.concurrent.atomic.AtomicInteger
                || n instanceof java.util.concurrent.atomic.AtomicLong
                || n instanceof java.util.concurrent.atomic.LongAdder;
        return integral ? (Object) n.longValue() : (Object) d;
    }
}
