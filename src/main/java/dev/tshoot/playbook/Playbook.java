package dev.tshoot.playbook;

import java.util.List;
import java.util.Map;

/**
 * A loaded, validated playbook: a decision tree of {@link Node}s keyed by id.
 *
 * @param file   where it was loaded from, as shown in messages
 * @param sha256 hex SHA-256 of the exact file bytes, pinned in transcripts
 */
public record Playbook(Metadata metadata, String start, Map<String, Node> nodes, List<Symptom> symptoms,
        String file, String sha256) {

    public Playbook {
        nodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodes));
        symptoms = List.copyOf(symptoms);
    }

    public String id() { return metadata.id(); }

    public Node node(String id) { return nodes.get(id); }

    /** The playbook's envelope data. */
    public record Metadata(String id, String version, String title, String description, List<String> tags,
            List<String> platforms, List<String> sources) {
        public Metadata {
            tags = List.copyOf(tags);
            platforms = List.copyOf(platforms);
            sources = List.copyOf(sources);
        }

        /** The first line of the description. */
        public String summary() {
            String d = description == null ? "" : description.strip();
            int nl = d.indexOf('\n');
            return nl < 0 ? d : d.substring(0, nl).strip();
        }
    }

    /** An error text users see, and the node to start from when it matches (used by symptom matching). */
    public record Symptom(String id, String pattern, String node, String description) {}
}
