package dev.tshoot.playbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An answers file for one-shot runs: a YAML mapping of node id to an answer, or to a list of
 * answers used in turn. Errors name {@code file:line:col}.
 */
public final class AnswersFile {

    private AnswersFile() {}

    /** The answers, or the findings that make the file unusable. */
    public record Result(Map<String, List<String>> answers, List<Finding> findings) {
        public boolean ok() { return findings.isEmpty(); }
    }

    public static Result read(Path file, Playbook playbook) {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.size(file) > LocatedYaml.MAX_BYTES) {
                return fail(name, 0, "the answers file is larger than 1 MiB", "answers files map node ids to answers; keep them small");
            }
            // read at most the limit plus one byte: a device or a file that grows reports a size it does not keep
            try (java.io.InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(LocatedYaml.MAX_BYTES + 1);
            }
            if (bytes.length > LocatedYaml.MAX_BYTES) {
                return fail(name, 0, "the answers file is larger than 1 MiB", "answers files map node ids to answers; keep them small");
            }
        } catch (NoSuchFileException e) {
            return fail(name, 0, "the answers file does not exist", "check the path given to --answers");
        } catch (IOException e) {
            return fail(name, 0, "the answers file could not be read: " + e.getMessage(), "check the path and permissions");
        }
        LocatedYaml yaml = LocatedYaml.parse(name, bytes);
        List<Finding> findings = new ArrayList<>(yaml.findings());
        if (yaml.fatal()) {
            return new Result(Map.of(), findings);
        }
        JsonNode root = yaml.root();
        if (!root.isObject()) {
            findings.add(new Finding(Finding.Severity.ERROR, "wrong-type", name, 1, 1, "",
                    "an answers file must be a mapping of node id to answer, but it is " + LocatedYaml.describe(root),
                    "write one 'node-id: answer' per line"));
            return new Result(Map.of(), findings);
        }
        Map<String, List<String>> answers = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> {
            String id = e.getKey();
            String ptr = "/" + LocatedYaml.seg(id);
            SourceLocation at = yaml.keyAt(ptr);
            Node target = playbook.node(id);
            String refused = target == null ? null : Nodes.whyNoAnswer(target);
            if (refused != null) {
                findings.add(new Finding(Finding.Severity.ERROR, "bad-value", name, at.line(), at.column(), id, refused,
                        "remove this line; answer questions (and, if you like, actions with 'done')"));
                return;
            }
            if (target == null) {
                findings.add(new Finding(Finding.Severity.ERROR, "unknown-node", name, at.line(), at.column(), id,
                        "playbook '" + playbook.id() + "' has no node '" + id + "'." + Suggest.didYouMean(id, playbook.nodes().keySet()),
                        "use the node ids shown by 'playbook show " + playbook.id() + "'"));
                return;
            }
            List<String> values = new ArrayList<>();
            JsonNode v = e.getValue();
            if (v.isArray()) {
                for (JsonNode item : v) {
                    if (!item.isValueNode() || item.isNull()) {
                        SourceLocation l = yaml.at(ptr);
                        findings.add(new Finding(Finding.Severity.ERROR, "wrong-type", name, l.line(), l.column(), id,
                                "each answer must be a plain value, but one is " + LocatedYaml.describe(item),
                                "write answers as strings, e.g. [no, yes]"));
                        return;
                    }
                    values.add(scalar(item));
                }
                if (values.isEmpty()) {
                    SourceLocation l = yaml.at(ptr);
                    findings.add(new Finding(Finding.Severity.ERROR, "missing-field", name, l.line(), l.column(), id,
                            "the list of answers is empty", "give at least one answer"));
                    return;
                }
            } else if (v.isValueNode() && !v.isNull()) {
                values.add(scalar(v));
            } else {
                SourceLocation l = yaml.at(ptr);
                findings.add(new Finding(Finding.Severity.ERROR, "wrong-type", name, l.line(), l.column(), id,
                        "the answer must be a value or a list of values, but it is " + LocatedYaml.describe(v),
                        "write 'node-id: answer'"));
                return;
            }
            answers.put(id, values);
        });
        return new Result(answers, findings);
    }

    private static String scalar(JsonNode n) {
        if (n.isBoolean()) {
            return n.asBoolean() ? "yes" : "no";
        }
        return n.asText();
    }

    private static Result fail(String name, int line, String message, String hint) {
        return new Result(Map.of(), List.of(new Finding(Finding.Severity.ERROR, "unreadable", name, line, 0, "", message, hint)));
    }
}
