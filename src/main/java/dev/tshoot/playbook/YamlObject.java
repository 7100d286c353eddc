package dev.tshoot.playbook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** A mapping in a located YAML tree, with typed getters that record findings instead of throwing. */
final class YamlObject {
    final FindingSink sink;
    final JsonNode node;
    final String ptr;
    final Set<String> used = new LinkedHashSet<>();

    YamlObject(FindingSink sink, JsonNode node, String ptr) {
        this.sink = sink;
        this.node = node;
        this.ptr = ptr;
    }

    String p(String field) {
        return ptr + "/" + LocatedYaml.seg(field);
    }

    JsonNode get(String field, boolean required, String expected) {
        used.add(field);
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                String where = ptr.isEmpty() ? "the playbook" : LocatedYaml.display(ptr);
                SourceLocation l = sink.yaml().at(ptr);
                sink.findings().add(new Finding(Finding.Severity.ERROR, "missing-field", sink.file(), l.line(), l.column(),
                        LocatedYaml.display(p(field)), "required field '" + field + "' is missing in " + where,
                        "add '" + field + ":' with " + expected));
            }
            return null;
        }
        return v;
    }

    String str(String field, boolean required) {
        JsonNode v = get(field, required, "a value");
        if (v == null) {
            return null;
        }
        if (v.isValueNode() && !v.isTextual() && !v.isBinary()) {
            if (v.isNumber()) {
                return v.asText();
            }
            if (v.isBoolean()) {
                wrongType(field, v, "a string (quote it: \"" + v.asText() + "\")");
                return null;
            }
        }
        if (!v.isTextual()) {
            wrongType(field, v, "a string");
            return null;
        }
        if (v.asText().isBlank() && required) {
            bad(field, "field '" + field + "' is empty", "give it a value");
            return null;
        }
        return v.asText();
    }

    boolean bool(String field) {
        JsonNode v = get(field, false, "true or false");
        if (v == null) {
            return false;
        }
        if (!v.isBoolean()) {
            wrongType(field, v, "true or false");
            return false;
        }
        return v.asBoolean();
    }

    YamlObject obj(String field, boolean required) {
        JsonNode v = get(field, required, "a mapping");
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            wrongType(field, v, "a mapping");
            return null;
        }
        return new YamlObject(sink, v, p(field));
    }

    List<YamlObject> objList(String field, boolean required) {
        JsonNode v = get(field, required, "a list");
        List<YamlObject> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!v.isArray()) {
            wrongType(field, v, "a list");
            return out;
        }
        if (v.isEmpty() && required) {
            bad(field, "'" + field + "' is an empty list", "add at least one entry");
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            String ep = p(field) + "/" + i;
            if (!e.isObject()) {
                sink.add("wrong-type", ep, LocatedYaml.display(ep), "entry must be a mapping, but it is " + LocatedYaml.describe(e),
                        "write the entry's fields as 'key: value' pairs");
                continue;
            }
            out.add(new YamlObject(sink, e, ep));
        }
        return out;
    }

    List<String> strList(String field, boolean required) {
        JsonNode v = get(field, required, "a list of strings");
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!v.isArray()) {
            wrongType(field, v, "a list of strings");
            return out;
        }
        if (v.isEmpty() && required) {
            bad(field, "'" + field + "' is an empty list", "add at least one entry");
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual()) {
                String ep = p(field) + "/" + i;
                sink.add("wrong-type", ep, LocatedYaml.display(ep), "entry must be a string, but it is " + LocatedYaml.describe(e),
                        "write it as a plain or quoted string");
                continue;
            }
            out.add(e.asText());
        }
        return out;
    }

    void wrongType(String field, JsonNode v, String expected) {
        sink.add("wrong-type", p(field), LocatedYaml.display(p(field)),
                "'" + field + "' must be " + expected + ", but it is " + LocatedYaml.describe(v),
                "change it to " + expected);
    }

    void bad(String field, String message, String hint) {
        sink.add("bad-value", p(field), LocatedYaml.display(p(field)), message, hint);
    }

    void badAt(String relPtr, String message, String hint) {
        sink.add("bad-value", ptr + relPtr, LocatedYaml.display(ptr + relPtr), message, hint);
    }

    void finish(java.util.Collection<String> allowed) {
        finish(allowed, null);
    }

    /** Reports every field that was not read, with a "did you mean". */
    void finish(java.util.Collection<String> allowed, String what) {
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name) && !used.contains(name)) {
                String fp = p(name);
                String where = what != null ? " in " + what : "";
                sink.addKey("unknown-field", fp, LocatedYaml.display(fp), "unknown field '" + name + "'" + where + "."
                        + Suggest.didYouMean(name, allowed),
                        "allowed here: " + String.join(", ", allowed));
            }
        });
    }
}
