package dev.tshoot.probe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a probe found.
 *
 * @param probe      the probe's name
 * @param facts      plain JSON values only (String, Number, Boolean, List, Map with String keys, null), read by
 *                   playbook conditions such as {@code facts['virtualization']['hypervisor'] == 'vmware'}
 * @param evidence   observations behind derived facts (may be empty)
 * @param unknown    fact name -> reason, for every fact whose value is the string {@code "unknown"}
 * @param durationMs wall time of the run
 */
public record ProbeResult(String probe, Map<String, Object> facts, List<Evidence> evidence,
                          Map<String, String> unknown, long durationMs) {

    /** The value used for facts that could not be obtained. */
    public static final String UNKNOWN = "unknown";

    public ProbeResult {
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts == null ? Map.of() : facts));
        evidence = List.copyOf(evidence == null ? List.of() : evidence);
        unknown = Collections.unmodifiableMap(new LinkedHashMap<>(unknown == null ? Map.of() : unknown));
    }

    public ProbeResult withDurationMs(long ms) {
        return new ProbeResult(probe, facts, evidence, unknown, ms);
    }

    /** A top-level fact, or {@code null} when absent. */
    public Object fact(String name) {
        return facts.get(name);
    }

    public boolean isUnknown(String name) {
        return UNKNOWN.equals(facts.get(name));
    }

    /** The fact if it is a Boolean; {@code null} for "unknown" or anything else. */
    public Boolean booleanFact(String name) {
        return facts.get(name) instanceof Boolean b ? b : null;
    }

    /** The fact if it is a Number, as long; {@code null} otherwise. */
    public Long longFact(String name) {
        return facts.get(name) instanceof Number n ? n.longValue() : null;
    }

    /** A result where every named fact is "unknown" for the same reason (used when a probe fails outright). */
    public static ProbeResult allUnknown(String probe, List<String> factNames, String reason, long durationMs) {
        Map<String, Object> facts = new LinkedHashMap<>();
        Map<String, String> unknown = new LinkedHashMap<>();
        for (String name : factNames) {
            facts.put(name, UNKNOWN);
            unknown.put(name, reason);
        }
        if (factNames.isEmpty()) {
            unknown.put("*", reason);
        }
        return new ProbeResult(probe, facts, new ArrayList<>(), unknown, durationMs);
    }
}
