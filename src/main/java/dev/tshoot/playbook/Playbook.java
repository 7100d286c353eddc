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

    /**
     * An error text users see, and the node to start from when it matches (used by symptom matching).
     * {@code pattern} and each of {@code phrases} are other phrasings of the same message (any one
     * matching is a hit); {@code keywords} are words with weights, a hit when the weights of the words
     * the text holds add up to {@code minScore} (for messages whose wording varies too much for one
     * phrase). No keywords: {@code minScore} is 0 and unused.
     */
    public record Symptom(String id, String pattern, List<String> phrases, List<Keyword> keywords, int minScore,
            String node, String description) {
        public Symptom {
            phrases = List.copyOf(phrases);
            keywords = List.copyOf(keywords);
        }

        /** A symptom with one phrasing and no keywords. */
        public Symptom(String id, String pattern, String node, String description) {
            this(id, pattern, List.of(), List.of(), 0, node, description);
        }

        /** The pattern first, then the other phrasings. */
        public List<String> allPhrases() {
            List<String> all = new java.util.ArrayList<>();
            all.add(pattern);
            all.addAll(phrases);
            return all;
        }
    }

    /** A word (or a few words) a symptom weighs; matched in the normalised text, at word boundaries. */
    public record Keyword(String word, int weight) {}
}
