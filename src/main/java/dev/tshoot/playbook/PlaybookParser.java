package dev.tshoot.playbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tshoot.playbook.Node.AnswerKind;
import dev.tshoot.playbook.Node.Choice;
import dev.tshoot.playbook.Node.Result;
import dev.tshoot.playbook.Node.Snippet;
import dev.tshoot.playbook.Node.Transition;

/**
 * Maps a located YAML tree onto the playbook model, collecting every field-level finding
 * (unknown, missing, wrong type, bad value) with its location instead of stopping at the first.
 */
final class PlaybookParser {

    static final String API_VERSION = "tshoot/v1";
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");
    static final Pattern URL = Pattern.compile("https?://[^\\s]+");
    static final Set<String> PLATFORMS = Set.copyOf(OsFamily.playbookNames());
    static final Set<String> SNIPPET_PLATFORMS = Set.copyOf(concat(OsFamily.playbookNames(), List.of("esxi", "any")));
    /** The keys of a run block: the OS names, then the limits. */
    static final List<String> RUN_KEYS = concat(OsFamily.playbookNames(), List.of("shell", "timeout", "maxOutput", "mutating"));
    static final Set<String> SHELLS = Set.of("powershell", "cmd", "sh", "none");

    private final LocatedYaml yaml;
    private final String file;
    private final List<Finding> findings;
    private boolean graphIncomplete;

    private final FindingSink sink;

    /** Each distinct {@code when} of the playbook, compiled once. */
    private final Map<String, Conditions.Compiled> conditions = new java.util.LinkedHashMap<>();
    private final java.util.function.Function<String, Conditions.Compiled> compiler;

    PlaybookParser(LocatedYaml yaml, String file, List<Finding> findings) {
        this(yaml, file, findings, Conditions::compile);
    }

    /** {@code compiler} turns each distinct condition into a {@link Condition}, once. */
    PlaybookParser(LocatedYaml yaml, String file, List<Finding> findings,
            java.util.function.Function<String, Conditions.Compiled> compiler) {
        this.compiler = compiler;
        this.yaml = yaml;
        this.file = file;
        this.findings = findings;
        this.sink = new FindingSink(yaml, file, findings);
    }

    /** The parsed parts; null members where a part was too broken to use. */
    /**
     * The parsed parts; null members where a part was too broken to use. {@code graphIncomplete} is
     * true when a node or one of its links could not be read, so whole-graph checks would only echo it.
     */
    record Parsed(Playbook.Metadata metadata, String start, Map<String, Node> nodes, List<Playbook.Symptom> symptoms,
            boolean graphIncomplete, Map<String, Conditions.Compiled> conditions) {}

    Parsed parse() {
        JsonNode root = yaml.root();
        if (root == null || !root.isObject()) {
            add("wrong-type", "", "", "a playbook must be a YAML mapping with apiVersion, kind, metadata, start and nodes, but this is "
                    + LocatedYaml.describe(root), "start from the example in playbooks/README.md");
            return new Parsed(null, null, Map.of(), List.of(), true, Map.of());
        }
        YamlObject top = new YamlObject(sink, root, "");
        String api = top.str("apiVersion", true);
        if (api != null && !API_VERSION.equals(api)) {
            top.bad("apiVersion", "apiVersion must be '" + API_VERSION + "', not '" + api + "'",
                    "set apiVersion: " + API_VERSION);
        }
        String kind = top.str("kind", true);
        if (kind != null && !"Playbook".equals(kind)) {
            top.bad("kind", "kind must be 'Playbook', not '" + kind + "'", "set kind: Playbook");
        }
        Playbook.Metadata md = null;
        YamlObject mdo = top.obj("metadata", true);
        if (mdo != null) {
            md = metadata(mdo);
        }
        String start = top.str("start", true);
        Map<String, Node> nodes = new LinkedHashMap<>();
        YamlObject no = top.obj("nodes", true);
        if (no != null) {
            if (no.node.isEmpty()) {
                add("missing-field", "/nodes", "nodes", "the playbook has no nodes", "add at least a question and an outcome");
            }
            no.node.fieldNames().forEachRemaining(id -> no.used.add(id));
            for (Map.Entry<String, JsonNode> e : iterable(no.node)) {
                String id = e.getKey();
                String ptr = "/nodes/" + LocatedYaml.seg(id);
                if (!SLUG.matcher(id).matches()) {
                    addKey("bad-value", ptr, display(ptr), "node id '" + id + "' is not a valid id",
                            "use lower-case letters, digits and single dashes, e.g. 'check-kvm'");
                }
                int before = findings.size();
                Node n = node(id, e.getValue(), ptr);
                if (n != null) {
                    nodes.put(id, n);
                }
                if (n == null || findings.size() > before) {
                    graphIncomplete = true;
                }
            }
        }
        List<Playbook.Symptom> symptoms = SymptomSpecs.parse(top.objList("symptoms", false));
        top.finish(List.of("apiVersion", "kind", "metadata", "start", "nodes", "symptoms"));
        return new Parsed(md, start, nodes, symptoms, graphIncomplete, Map.copyOf(conditions));
    }

    private Playbook.Metadata metadata(YamlObject o) {
        String id = o.str("id", true);
        if (id != null && !SLUG.matcher(id).matches()) {
            o.bad("id", "metadata.id '" + id + "' is not a valid id",
                    "use lower-case letters, digits and single dashes, e.g. 'docker-desktop-nested-virtualization'");
        }
        String version = o.str("version", true);
        if (version != null && !SEMVER.matcher(version).matches()) {
            o.bad("version", "version '" + version + "' is not a semantic version",
                    "use MAJOR.MINOR.PATCH, e.g. \"1.0.0\" (quote it so YAML keeps it a string)");
        }
        String title = o.str("title", true);
        String description = o.str("description", true);
        List<String> tags = o.strList("tags", false);
        List<String> platforms = o.strList("platforms", false);
        for (int i = 0; i < platforms.size(); i++) {
            if (!PLATFORMS.contains(platforms.get(i))) {
                o.badAt("/platforms/" + i, "platform '" + platforms.get(i) + "' is not one of " + sorted(PLATFORMS)
                        + "." + Suggest.didYouMean(platforms.get(i), PLATFORMS), "use windows, linux or macos");
            }
        }
        List<String> sources = o.strList("sources", true);
        checkUrls(o, "sources", sources);
        o.finish(List.of("id", "version", "title", "description", "tags", "platforms", "sources"));
        return new Playbook.Metadata(id, version, title, description, tags, platforms, sources);
    }

    private Node node(String id, JsonNode value, String ptr) {
        if (!value.isObject()) {
            add("wrong-type", ptr, display(ptr), "node '" + id + "' must be a mapping with a 'type', but it is "
                    + LocatedYaml.describe(value), "write the node's fields indented under its id");
            return null;
        }
        YamlObject o = new YamlObject(sink, value, ptr);
        String type = o.str("type", true);
        if (type == null) {
            return null;
        }
        Nodes.Kind kind = Nodes.Kind.fromYaml(type);
        if (kind == null) {
            String names = String.join(", ", Nodes.Kind.yamlNames());
            o.bad("type", "node type '" + type + "' is not one of " + names + "."
                    + Suggest.didYouMean(type, Nodes.Kind.yamlNames()),
                    "set type to " + names.replaceFirst(", ([a-z]+)$", " or $1"));
            return null;
        }
        return switch (kind) {
            case QUESTION -> question(id, o);
            case CHECK -> check(id, o);
            case ACTION -> action(id, o);
            case OUTCOME -> outcome(id, o);
        };
    }

    private Node question(String id, YamlObject o) {
        String prompt = o.str("prompt", true);
        String help = o.str("help", false);
        String kindText = o.str("answer", true);
        AnswerKind kind = null;
        if (kindText != null) {
            switch (kindText) {
                case "choice" -> kind = AnswerKind.CHOICE;
                case "yesno" -> kind = AnswerKind.YESNO;
                case "text" -> kind = AnswerKind.TEXT;
                default -> o.bad("answer", "answer kind '" + kindText + "' is not one of choice, yesno, text."
                        + Suggest.didYouMean(kindText, List.of("choice", "yesno", "text")),
                        "use answer: choice (with choices), yesno (with yes and no) or text (with next)");
            }
        }
        List<Choice> choices = new ArrayList<>();
        String yes = null;
        String no = null;
        String pattern = null;
        List<Transition> next = List.of();
        boolean secret = false;
        String paste = null;
        List<Snippet> commands = List.of();
        Set<String> allowed = new LinkedHashSet<>(List.of("type", "prompt", "help", "answer"));
        if (kind == AnswerKind.CHOICE) {
            allowed.add("choices");
            List<YamlObject> cs = o.objList("choices", true);
            if (o.node.has("choices") && cs.size() < 2 && o.node.get("choices").isArray()) {
                o.bad("choices", "a choice question needs at least two choices, it has " + cs.size(),
                        "add choices, or use answer: yesno");
            }
            Set<String> values = new LinkedHashSet<>();
            for (YamlObject c : cs) {
                String v = c.str("value", true);
                String label = c.str("label", true);
                String target = c.str("goto", true);
                if (v != null && !SLUG.matcher(v).matches()) {
                    c.bad("value", "choice value '" + v + "' is not a valid value",
                            "use lower-case letters, digits and dashes; it is what answers files and conditions use");
                }
                if (v != null && !values.add(v)) {
                    c.bad("value", "choice value '" + v + "' is used twice in this question", "give each choice a unique value");
                }
                c.finish(List.of("value", "label", "goto"));
                if (v != null && label != null && target != null) {
                    choices.add(new Choice(v, label, target));
                }
            }
        } else if (kind == AnswerKind.YESNO) {
            allowed.addAll(List.of("yes", "no"));
            yes = o.str("yes", true);
            no = o.str("no", true);
        } else if (kind == AnswerKind.TEXT) {
            allowed.addAll(List.of("pattern", "next", "secret"));
            pattern = o.str("pattern", false);
            if (pattern != null) {
                checkRegex(o, "pattern", pattern);
            }
            next = transitions(o, "next");
            secret = o.bool("secret");
            allowed.addAll(List.of("paste", "commands"));
            paste = o.str("paste", false);
            if (paste != null && (!REGISTER.matcher(paste).matches() || RESERVED.contains(paste))) {
                o.bad("paste", "register name '" + paste + "' cannot be used in conditions",
                        "use lower-case letters, digits and underscores, starting with a letter (not answers, answer or facts)");
            }
            if (paste != null && secret) {
                o.bad("secret", "a pasted command output is kept as a register and shown in the transcript; it cannot be secret",
                        "remove 'secret', or 'paste'");
            }
            if (paste != null && pattern != null) {
                o.bad("pattern", "a pasted command output is read by the conditions that read its register, not by a pattern",
                        "remove 'pattern'");
            }
            commands = snippets(o);
        }
        o.finish(allowed, kind == null ? null : "a " + kind.yamlName() + " question");
        if (prompt == null || kind == null) {
            return null;
        }
        return new Node.Question(id, prompt, help, kind, choices, yes, no, pattern, next, secret, paste, commands);
    }

    static final Pattern REGISTER = Pattern.compile("[a-z][a-z0-9_]*");
    static final Set<String> RESERVED = Set.of("answers", "answer", "facts", "true", "false", "null", "and", "or", "not",
            "matches", "between", "instanceof", "lt", "gt", "le", "ge", "eq", "ne", "div", "mod");
    static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m)?");
    static final Pattern SIZE = Pattern.compile("([0-9]{1,12})(B|KiB|MiB)?");
    static final long MAX_OUTPUT_LIMIT = 16L * 1024 * 1024;

    private Node check(String id, YamlObject o) {
        String title = o.str("title", false);
        String probe = o.str("probe", false);
        Node.RunSpec run = null;
        YamlObject r = o.obj("run", false);
        if (r != null) {
            run = runSpec(r);
        }
        String register = o.str("register", false);
        if (probe != null && o.node.has("run")) {
            o.bad("run", "a check has either 'probe' or 'run', not both", "split it into two check nodes");
        }
        if (register != null) {
            if (!o.node.has("run")) {
                o.bad("register", "'register' keeps a command's result, but this check has no 'run'",
                        "remove 'register', or add a 'run' block");
            }
            if (!REGISTER.matcher(register).matches() || RESERVED.contains(register)) {
                o.bad("register", "register name '" + register + "' cannot be used in conditions",
                        "use lower-case letters, digits and underscores, starting with a letter (not answers, answer or facts)");
            }
        }
        List<Transition> next = transitions(o, "next");
        o.finish(List.of("type", "title", "probe", "run", "register", "next"), "a check");
        return new Node.Check(id, title, probe, run, register, next);
    }

    private Node.RunSpec runSpec(YamlObject r) {
        boolean shell = r.bool("shell");
        Map<String, List<String>> argv = new LinkedHashMap<>();
        for (String os : OsFamily.playbookNames()) {
            JsonNode v = r.get(os, false, "a list of arguments");
            if (v == null) {
                continue;
            }
            if (shell) {
                if (!v.isTextual() || v.asText().isBlank()) {
                    r.wrongType(os, v, "one command string (shell: true)");
                    continue;
                }
                argv.put(os, List.of(v.asText()));
            } else {
                List<String> args = r.strList(os, false);
                if (v.isArray() && args.isEmpty()) {
                    r.bad(os, "the argument list for " + os + " is empty", "write the program and its arguments, e.g. [lscpu]");
                    continue;
                }
                if (!args.isEmpty() && args.get(0).isBlank()) {
                    r.bad(os, "the program name for " + os + " is empty", "put the program first, e.g. [lscpu]");
                    continue;
                }
                if (!args.isEmpty()) {
                    argv.put(os, args);
                }
            }
        }
        if (argv.isEmpty() && OsFamily.playbookNames().stream().noneMatch(r.node::has)) {
            add("missing-field", r.ptr, display(r.ptr), "'run' names no command for any OS",
                    "add windows:, linux: and/or macos: with the argument list");
        }
        java.time.Duration timeout = Node.RunSpec.DEFAULT_TIMEOUT;
        JsonNode t = r.get("timeout", false, "a duration");
        if (t != null) {
            java.util.regex.Matcher m = DURATION.matcher(t.asText());
            if (!t.isValueNode() || !m.matches() || Long.parseLong(m.group(1)) == 0) {
                r.bad("timeout", "timeout '" + t.asText() + "' is not a duration", "write e.g. 30s, 500ms or 2m");
            } else {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "s" : m.group(2);
                timeout = switch (unit) {
                    case "ms" -> java.time.Duration.ofMillis(n);
                    case "m" -> java.time.Duration.ofMinutes(n);
                    default -> java.time.Duration.ofSeconds(n);
                };
            }
        }
        long max = Node.RunSpec.DEFAULT_MAX_OUTPUT;
        JsonNode mo = r.get("maxOutput", false, "a size");
        if (mo != null) {
            java.util.regex.Matcher m = SIZE.matcher(mo.asText());
            if (!mo.isValueNode() || !m.matches()) {
                r.bad("maxOutput", "maxOutput '" + mo.asText() + "' is not a size", "write e.g. 65536, 64KiB or 1MiB");
            } else {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "B" : m.group(2);
                max = switch (unit) {
                    case "KiB" -> n * 1024;
                    case "MiB" -> n * 1024 * 1024;
                    default -> n;
                };
                if (max > MAX_OUTPUT_LIMIT) {
                    r.bad("maxOutput", "maxOutput " + mo.asText() + " is over the limit of 16MiB", "capture less; 1MiB is the default");
                    max = MAX_OUTPUT_LIMIT;
                }
            }
        }
        boolean mutating = r.bool("mutating");
        r.finish(RUN_KEYS, "a run block");
        return new Node.RunSpec(argv, shell, timeout, max, mutating);
    }

    /** The {@code commands} list: commands shown to the user to copy (an action's, or a paste question's). */
    private List<Snippet> snippets(YamlObject o) {
        List<Snippet> commands = new ArrayList<>();
        for (YamlObject c : o.objList("commands", false)) {
            String platform = c.str("platform", false);
            if (platform != null && !SNIPPET_PLATFORMS.contains(platform)) {
                c.bad("platform", "platform '" + platform + "' is not one of " + sorted(SNIPPET_PLATFORMS) + "."
                        + Suggest.didYouMean(platform, SNIPPET_PLATFORMS), "say where the command runs");
            }
            String shell = c.str("shell", false);
            if (shell != null && !SHELLS.contains(shell)) {
                c.bad("shell", "shell '" + shell + "' is not one of " + sorted(SHELLS) + "."
                        + Suggest.didYouMean(shell, SHELLS), "use powershell, cmd, sh or none");
            }
            String text = c.str("text", true);
            String note = c.str("note", false);
            c.finish(List.of("platform", "shell", "text", "note"));
            if (text != null) {
                commands.add(new Snippet(platform == null ? "any" : platform, shell == null ? "none" : shell, text, note));
            }
        }
        return commands;
    }

    private Node action(String id, YamlObject o) {
        String title = o.str("title", true);
        String instructions = o.str("instructions", true);
        List<Snippet> commands = snippets(o);
        List<String> sources = o.strList("sources", false);
        checkUrls(o, "sources", sources);
        String next = o.str("next", true);
        o.finish(List.of("type", "title", "instructions", "commands", "sources", "next"), "an action");
        if (title == null || instructions == null) {
            return null;
        }
        return new Node.Action(id, title, instructions, commands, sources, next);
    }

    private Node outcome(String id, YamlObject o) {
        String r = o.str("result", true);
        Result result = null;
        if (r != null) {
            switch (r) {
                case "resolved" -> result = Result.RESOLVED;
                case "unresolved" -> result = Result.UNRESOLVED;
                case "escalate" -> result = Result.ESCALATE;
                default -> o.bad("result", "result '" + r + "' is not one of resolved, unresolved, escalate."
                        + Suggest.didYouMean(r, List.of("resolved", "unresolved", "escalate")),
                        "use resolved, unresolved or escalate");
            }
        }
        String title = o.str("title", true);
        String message = o.str("message", true);
        List<String> refs = o.strList("references", false);
        checkUrls(o, "references", refs);
        Node.Handover handover = null;
        YamlObject h = o.obj("handover", false);
        if (h != null) {
            String pb = h.str("playbook", true);
            String node = h.str("node", false);
            if (pb != null && !SLUG.matcher(pb).matches()) {
                h.bad("playbook", "'" + pb + "' is not a playbook id", "name the other playbook by its metadata.id");
            }
            h.finish(List.of("playbook", "node"));
            if (pb != null) {
                handover = new Node.Handover(pb, node);
            }
        }
        o.finish(List.of("type", "result", "title", "message", "references", "handover"), "an outcome");
        if (result == null || title == null || message == null) {
            return null;
        }
        return new Node.Outcome(id, result, title, message, refs, handover);
    }

    private List<Transition> transitions(YamlObject o, String field) {
        List<Transition> out = new ArrayList<>();
        for (YamlObject t : o.objList(field, true)) {
            String when = t.str("when", false);
            String target = t.str("goto", true);
            t.finish(List.of("when", "goto"));
            if (target != null) {
                out.add(new Transition(when, target, when == null ? null : conditions.computeIfAbsent(when, compiler)));
            }
        }
        return out;
    }

    private void checkRegex(YamlObject o, String field, String regex) {
        SafeRegex.Problem p = SafeRegex.check(regex);
        if (p != null) {
            o.bad(field, "'" + regex + "' " + p.describe().replaceFirst("^the pattern ", ""), p.hint());
        }
    }

    private void checkUrls(YamlObject o, String field, List<String> urls) {
        for (int i = 0; i < urls.size(); i++) {
            if (!URL.matcher(urls.get(i)).matches()) {
                o.badAt("/" + field + "/" + i, "'" + urls.get(i) + "' is not an http(s) URL",
                        "cite the page as a full https:// address");
            }
        }
    }

    private static String sorted(Set<String> s) {
        return String.join(", ", new java.util.TreeSet<>(s));
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode n) {
        return n::fields;
    }

    static String display(String pointer) {
        return LocatedYaml.display(pointer);
    }

    void add(String rule, String ptr, String path, String message, String hint) {
        sink.add(rule, ptr, path, message, hint);
    }

    void addKey(String rule, String ptr, String path, String message, String hint) {
        sink.addKey(rule, ptr, path, message, hint);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
