package dev.tshoot.playbook;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML document into a Jackson tree while remembering where every value and key came from
 * (JSON-pointer path to line and column), so later checks can name {@code file:line:col}.
 *
 * <p>It refuses what would make the data silently wrong or unbounded: anchors and aliases (Jackson
 * does not expand them), duplicate keys (reported, first one kept), files over the size limit,
 * nesting deeper than the depth limit, and bytes that are not UTF-8.
 */
public final class LocatedYaml {

    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_DEPTH = 64;
    /** The longest text a single value or key may hold; prompts and instructions need a few KiB at most. */
    public static final int MAX_STRING_CHARS = 64 * 1024;

    private static final YAMLFactory FACTORY = buildFactory(MAX_BYTES, MAX_DEPTH);

    private final JsonNode root;
    private final Map<String, SourceLocation> valueLocations;
    private final Map<String, SourceLocation> keyLocations;
    private final List<Finding> findings;
    private final boolean fatal;

    private LocatedYaml(JsonNode root, Map<String, SourceLocation> values, Map<String, SourceLocation> keys,
            List<Finding> findings, boolean fatal) {
        this.root = root;
        this.valueLocations = values;
        this.keyLocations = keys;
        this.findings = findings;
        this.fatal = fatal;
    }

    private static YAMLFactory buildFactory(int maxBytes, int maxDepth) {
        LoaderOptions lo = new LoaderOptions();
        lo.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, (long) maxBytes + 1024));
        return YAMLFactory.builder()
                .loaderOptions(lo)
                // our own depth check reports the location first; this is only a backstop
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth((int) Math.min(Integer.MAX_VALUE, (long) maxDepth * 2))
                        .maxStringLength(Math.max(StreamReadConstraints.DEFAULT_MAX_STRING_LEN, maxBytes))
                        .build())
                .build();
    }

    /** The tree, or null when the document could not be parsed. */
    public JsonNode root() { return root; }

    public List<Finding> findings() { return findings; }

    /** True when the document could not be read or parsed at all. */
    public boolean fatal() { return fatal; }

    /** Where the value at this JSON pointer starts (e.g. {@code /nodes/ask-os/choices/1/goto}). */
    public SourceLocation at(String pointer) {
        SourceLocation l = valueLocations.get(pointer);
        return l != null ? l : SourceLocation.UNKNOWN;
    }

    /** Where the key of this JSON pointer is written; falls back to the value location. */
    public SourceLocation keyAt(String pointer) {
        SourceLocation l = keyLocations.get(pointer);
        return l != null ? l : at(pointer);
    }

    /** Parses bytes named {@code file} (used in messages) within the default limits. Never throws for bad input. */
    public static LocatedYaml parse(String file, byte[] bytes) {
        return parse(file, bytes, PlaybookLoader.Limits.DEFAULT);
    }

    /** The finding for a file over the size limit (line 1: the file as a whole is at fault). */
    static Finding tooLarge(String file, long size, int maxBytes) {
        return new Finding(Finding.Severity.ERROR, "too-large", file, 1, 0, "",
                "the file is " + size + " bytes; playbooks may be at most " + maxBytes + " bytes"
                        + (maxBytes == MAX_BYTES ? " (1 MiB)" : ""),
                "split it into smaller playbooks, one problem per file");
    }

    /** Parses bytes within {@code limits} (size and nesting depth). Never throws for bad input. */
    public static LocatedYaml parse(String file, byte[] bytes, PlaybookLoader.Limits limits) {
        final int maxBytes = limits.maxBytes();
        final int maxDepth = limits.maxDepth();
        List<Finding> findings = new ArrayList<>();
        if (bytes.length > maxBytes) {
            findings.add(tooLarge(file, bytes.length, maxBytes));
            return new LocatedYaml(null, Map.of(), Map.of(), findings, true);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int offset = firstBadUtf8Offset(bytes);
            int line = 1;
            for (int i = 0; i < offset && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            findings.add(new Finding(Finding.Severity.ERROR, "encoding", file, line, 0, "",
                    "the file is not valid UTF-8 (first bad byte at offset " + offset + ")",
                    "save the file as UTF-8; if it is not a playbook, move it out of the playbooks folder"));
            return new LocatedYaml(null, Map.of(), Map.of(), findings, true);
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        Builder b = new Builder(file, findings, maxDepth);
        YAMLFactory factory = limits.equals(PlaybookLoader.Limits.DEFAULT) ? FACTORY : buildFactory(maxBytes, maxDepth);
        try (JsonParser p = factory.createParser(new StringReader(text))) {
            JsonToken t = p.nextToken();
            if (t == null) {
                findings.add(new Finding(Finding.Severity.ERROR, "yaml-syntax", file, 1, 1, "",
                        "the file is empty", "start from the example in playbooks/README.md"));
                return new LocatedYaml(null, Map.of(), Map.of(), findings, true);
            }
            JsonNode root = b.read(p, "", 1);
            if (p.nextToken() != null) {
                SourceLocation l = loc(p.currentTokenLocation());
                findings.add(new Finding(Finding.Severity.ERROR, "yaml-syntax", file, l.line(), l.column(), "",
                        "the file holds more than one YAML document", "keep one playbook per file; remove the '---' separator"));
                return new LocatedYaml(null, Map.of(), Map.of(), findings, true);
            }
            return new LocatedYaml(root, b.values, b.keys, findings, b.fatal);
        } catch (TooDeep e) {
            return new LocatedYaml(null, Map.of(), Map.of(), findings, true);
        } catch (JsonProcessingException e) {
            findings.add(syntaxFinding(file, e, maxDepth));
            return new LocatedYaml(null, Map.of(), Map.of(), findings, true);
        } catch (IOException | RuntimeException e) {
            findings.add(new Finding(Finding.Severity.ERROR, "yaml-syntax", file, 0, 0, "",
                    "the file could not be parsed: " + e.getMessage(), "check that it is a YAML playbook"));
            return new LocatedYaml(null, Map.of(), Map.of(), findings, true);
        }
    }

    private static int firstBadUtf8Offset(byte[] bytes) {
        var dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        dec.decode(in, out, true);
        return in.position();
    }

    static Finding syntaxFinding(String file, JsonProcessingException e) {
        return syntaxFinding(file, e, MAX_DEPTH);
    }

    static Finding syntaxFinding(String file, JsonProcessingException e, int maxDepth) {
        Throwable c = e;
        while (c != null && !(c instanceof MarkedYAMLException)) {
            c = c.getCause();
        }
        if (c instanceof MarkedYAMLException m) {
            Mark mark = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
            int line = mark != null ? mark.getLine() + 1 : 0;
            int col = mark != null ? mark.getColumn() + 1 : 0;
            String problem = m.getProblem() != null ? m.getProblem() : "invalid YAML";
            String context = m.getContext() != null ? m.getContext() + ": " : "";
            Mark cm = m.getContextMark();
            if (cm != null && mark != null && cm.getLine() != mark.getLine()) {
                problem += " (the construct began at line " + (cm.getLine() + 1) + ", column " + (cm.getColumn() + 1)
                        + "; an unclosed quote or bracket there is a common cause)";
            }
            return new Finding(Finding.Severity.ERROR, "yaml-syntax", file, line, col, "",
                    "YAML syntax error: " + context + problem,
                    "check indentation (spaces only, no tabs), quotes and colons near this line");
        }
        JsonLocation l = e.getLocation();
        String msg = e.getOriginalMessage();
        String hint = "check the YAML near this line";
        if (msg != null && msg.contains("nesting depth")) {
            hint = "playbooks nest at most " + maxDepth + " levels; flatten the structure";
        } else if (msg != null && msg.contains("code points")) {
            hint = "playbooks may be at most 1 MiB";
        }
        return new Finding(Finding.Severity.ERROR, "yaml-syntax", file,
                l != null ? l.getLineNr() : 0, l != null ? l.getColumnNr() : 0, "",
                "YAML error: " + msg, hint);
    }

    static SourceLocation loc(JsonLocation l) {
        if (l == null || l.getLineNr() < 0) {
            return SourceLocation.UNKNOWN;
        }
        return new SourceLocation(l.getLineNr(), Math.max(l.getColumnNr(), 0));
    }

    /** Escapes one JSON-pointer segment. */
    public static String seg(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static final class TooDeep extends RuntimeException {
        TooDeep() { super(null, null, false, false); }
    }

    private static final class Builder {
        final String file;
        final List<Finding> findings;
        final Map<String, SourceLocation> values = new HashMap<>();
        final Map<String, SourceLocation> keys = new HashMap<>();
        final int maxDepth;
        final java.util.Set<String> reportedAliases = new java.util.HashSet<>();
        boolean fatal;

        Builder(String file, List<Finding> findings, int maxDepth) {
            this.file = file;
            this.findings = findings;
            this.maxDepth = maxDepth;
        }

        JsonNode read(JsonParser p, String path, int depth) throws IOException {
            SourceLocation here = loc(p.currentTokenLocation());
            if (depth > maxDepth) {
                findings.add(new Finding(Finding.Severity.ERROR, "too-deep", file, here.line(), here.column(), "",
                        "the document nests deeper than " + maxDepth + " levels",
                        "flatten the structure; playbooks need only a few levels"));
                throw new TooDeep();
            }
            values.put(path, here);
            checkAnchor(p, path, here);
            JsonToken t = p.currentToken();
            JsonNodeFactory f = JsonNodeFactory.instance;
            switch (t) {
                case START_OBJECT: {
                    ObjectNode o = f.objectNode();
                    Map<String, SourceLocation> seen = new LinkedHashMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        SourceLocation keyLoc = loc(p.currentTokenLocation());
                        if (name.length() > MAX_STRING_CHARS) {
                            tooLong(path, keyLoc, "key", name.length());
                            name = name.substring(0, 64) + "…";
                        }
                        String child = path + "/" + seg(name);
                        p.nextToken();
                        if (seen.containsKey(name)) {
                            SourceLocation first = seen.get(name);
                            boolean isNode = path.equals("/nodes");
                            findings.add(new Finding(Finding.Severity.ERROR, isNode ? "duplicate-id" : "duplicate-key",
                                    file, keyLoc.line(), keyLoc.column(), display(child),
                                    (isNode ? "node id '" : "key '") + name + "' is defined twice (first at line "
                                            + first.line() + "); the second definition is ignored",
                                    isNode ? "give each node a unique id" : "remove or rename one of the two keys"));
                            p.skipChildren();
                            continue;
                        }
                        seen.put(name, keyLoc);
                        keys.put(child, keyLoc);
                        o.set(name, read(p, child, depth + 1));
                    }
                    return o;
                }
                case START_ARRAY: {
                    ArrayNode a = f.arrayNode();
                    int i = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        a.add(read(p, path + "/" + i, depth + 1));
                        i++;
                    }
                    return a;
                }
                case VALUE_STRING: {
                    String text = p.getText();
                    if (text.length() > MAX_STRING_CHARS) {
                        tooLong(path, here, "value", text.length());
                    }
                    return f.textNode(text);
                }
                case VALUE_NUMBER_INT:
                    return f.numberNode(p.getBigIntegerValue());
                case VALUE_NUMBER_FLOAT:
                    return f.numberNode(p.getDecimalValue());
                case VALUE_TRUE:
                    return f.booleanNode(true);
                case VALUE_FALSE:
                    return f.booleanNode(false);
                case VALUE_NULL:
                    return f.nullNode();
                default:
                    return f.textNode(p.getText());
            }
        }

        private void tooLong(String path, SourceLocation at, String what, int length) {
            findings.add(new Finding(Finding.Severity.ERROR, "too-long", file, at.line(), at.column(), display(path),
                    "this " + what + " is " + length + " characters long; a playbook's texts may be at most "
                            + MAX_STRING_CHARS + " characters",
                    "shorten it, or link to a page with the details in 'sources'"));
        }

        private void checkAnchor(JsonParser p, String path, SourceLocation here) {
            if (p instanceof YAMLParser y) {
                if (y.isCurrentAlias()) {
                    if (!reportedAliases.add(safeText(p))) {
                        return; // one finding per alias name: an alias bomb repeats the same few names
                    }
                    findings.add(new Finding(Finding.Severity.ERROR, "yaml-anchor", file, here.line(), here.column(), display(path),
                            "YAML alias '*" + safeText(p) + "' is not allowed: aliases are not expanded, so the data would be silently wrong",
                            "write the value out in full instead of referring to an anchor"));
                } else if (y.getCurrentAnchor() != null) {
                    findings.add(new Finding(Finding.Severity.ERROR, "yaml-anchor", file, here.line(), here.column(), display(path),
                            "YAML anchor '&" + y.getCurrentAnchor() + "' is not allowed in playbooks",
                            "remove the anchor and write repeated values out in full"));
                }
            }
        }

        private static String safeText(JsonParser p) {
            try {
                return p.getText();
            } catch (IOException e) {
                return "?";
            }
        }
    }

    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isObject()) {
            return "a mapping";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isTextual()) {
            return "a string";
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        if (n.isNumber()) {
            return "a number";
        }
        if (n.isNull()) {
            return "null";
        }
        return n.getNodeType().toString().toLowerCase();
    }


    /** {@code /nodes/a/choices/1/goto} as {@code nodes.a.choices[1].goto}. */
    public static String display(String pointer) {
        if (pointer.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String s : pointer.substring(1).split("/", -1)) {
            String seg = s.replace("~1", "/").replace("~0", "~");
            if (!seg.isEmpty() && seg.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(seg).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(seg);
            }
        }
        return sb.toString();
    }

}
