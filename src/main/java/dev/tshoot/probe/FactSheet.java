package dev.tshoot.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Mutable builder for one probe run: facts in insertion order, reasons for unknown facts, evidence.
 * A value that is {@code null} where a real value was expected is recorded as {@code "unknown"}
 * through {@link #putOrUnknown}.
 */
public final class FactSheet {

    private final Map<String, Object> facts = new LinkedHashMap<>();
    private final Map<String, String> unknown = new LinkedHashMap<>();
    private final List<Evidence> evidence = new ArrayList<>();
    private String lastFailure;

    /** Puts a plain value (null allowed: it means "known to be absent"). */
    public FactSheet put(String name, Object value) {
        facts.put(name, PlainValues.sanitize(value));
        unknown.remove(name);
        return this;
    }

    /** Puts {@code value}, or {@code "unknown"} with {@code reason} if the value is null. */
    public FactSheet putOrUnknown(String name, Object value, String reason) {
        return value == null ? unknown(name, reason) : put(name, value);
    }

    /** Records a fact as {@code "unknown"} with its reason. */
    public FactSheet unknown(String name, String reason) {
        facts.put(name, ProbeResult.UNKNOWN);
        unknown.put(name, reason == null || reason.isBlank() ? "no reason given" : reason);
        return this;
    }

    /** Records every listed fact as unknown for the same reason. */
    public FactSheet unknownAll(List<String> names, String reason) {
        names.forEach(n -> unknown(n, reason));
        return this;
    }

    /**
     * Runs a host access; on any exception returns {@code null} and remembers the reason, which
     * {@link #lastFailure()} returns until the next call.
     */
    public <T> T attempt(Supplier<T> access) {
        lastFailure = null;
        try {
            return access.get();
        } catch (RuntimeException | LinkageError e) {
            lastFailure = describe(e);
            return null;
        }
    }

    /** The reason the last {@link #attempt} failed, or {@code null} if it succeeded. */
    public String lastFailure() {
        return lastFailure;
    }

    public FactSheet evidence(Evidence e) {
        evidence.add(e);
        return this;
    }

    public FactSheet evidence(List<Evidence> all) {
        evidence.addAll(all);
        return this;
    }

    public Object get(String name) {
        return facts.get(name);
    }

    public ProbeResult toResult(String probe) {
        return new ProbeResult(probe, facts, evidence, unknown, 0);
    }

    /** "ClassName: message" without package, good enough for an unknown reason. */
    public static String describe(Throwable e) {
        String msg = e.getMessage();
        String type = e.getClass().getSimpleName();
        return msg == null || msg.isBlank() ? type : type + ": " + msg;
    }
}
