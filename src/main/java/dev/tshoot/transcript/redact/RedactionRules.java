package dev.tshoot.transcript.redact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tshoot.playbook.Finding;
import dev.tshoot.playbook.LocatedYaml;
import dev.tshoot.playbook.SourceLocation;
import dev.tshoot.playbook.Suggest;

/**
 * The redaction rules in force: the defaults shipped in {@code redaction-rules.yaml} (data, not
 * code), plus the user's own file when there is one. Immutable; patterns are compiled once.
 * {@link #newRedactor} gives the per-transcript state (placeholder numbering, playbook secrets).
 *
 * <p>File format (docs/redaction.md): a mapping with a {@code rules} list, each rule
 * {@code {name, description, pattern, group, keywords}} (only name and pattern are required), and, in
 * a user file only, a {@code disable} list of default rule names.
 */
public final class RedactionRules {

    /** The rule name under which values a playbook marks secret are redacted. */
    public static final String PLAYBOOK_SECRET = "playbook-secret";

    /** The rule name under which the word the output cap cut through is withheld (docs/redaction.md). */
    public static final String OUTPUT_CAP = "output-cap";

    /** Playbook secrets shorter than this are not redacted as literals: they would hit too much ordinary text. */
    public static final int MIN_SECRET_LENGTH = 4;

    /** The classpath resource holding the default rules. */
    public static final String DEFAULTS_RESOURCE = "redaction-rules.yaml";

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private static final Set<String> TOP_KEYS = Set.of("rules", "disable");
    private static final Set<String> RULE_KEYS = Set.of("name", "description", "pattern", "group", "keywords", "notAfter",
            "notBefore", "except", "requires");

    private static volatile RedactionRules defaults;

    private final List<RedactionRule> rules;
    private final List<String> warnings;

    private RedactionRules(List<RedactionRule> rules, List<String> warnings) {
        this.rules = List.copyOf(rules);
        this.warnings = List.copyOf(warnings);
    }

    /** The rules in the order they are tried (on a tie, an earlier rule names the match). */
    public List<RedactionRule> rules() { return rules; }

    /** Problems met while loading the user's file; each says that the defaults are used instead. */
    public List<String> warnings() { return warnings; }

    /** The rule of that name, or null. */
    public RedactionRule rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    public List<String> names() {
        return rules.stream().map(RedactionRule::name).toList();
    }

    /** Fresh per-transcript state; {@code warnings} hears about user rules that had to fail closed. */
    public Redactor newRedactor(Consumer<String> warnings) {
        return new Redactor(rules, warnings, Redactor.USER_RULE_BUDGET, true);
    }

    public Redactor newRedactor() {
        return newRedactor(w -> { });
    }

    /** No rules at all (playbook secrets are still withheld). */
    public static RedactionRules none() {
        return new RedactionRules(List.of(), List.of());
    }

    /** The default rules shipped with tshoot. */
    public static RedactionRules defaults() {
        RedactionRules d = defaults;
        if (d == null) {
            synchronized (RedactionRules.class) {
                d = defaults;
                if (d == null) {
                    d = loadDefaults();
                    defaults = d;
                }
            }
        }
        return d;
    }

    private static RedactionRules loadDefaults() {
        byte[] bytes;
        try (InputStream in = RedactionRules.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default redaction rules (" + DEFAULTS_RESOURCE + ") are missing");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("the default redaction rules could not be read", e);
        }
        List<Finding> problems = new ArrayList<>();
        Parsed p = parse(DEFAULTS_RESOURCE, bytes, true, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the default redaction rules are invalid:\n"
                    + new RedactionRulesException(problems).getMessage());
        }
        return new RedactionRules(p.rules, List.of());
    }

    /**
     * The defaults with the user's rules file applied. {@code explicit}: the file was named on purpose
     * (property or environment variable), so a missing file is reported; otherwise a missing file just
     * means there are no user rules. Never throws: a file that cannot be used leaves the defaults in
     * force and says why in {@link #warnings()}, with {@code file:line:col} for every problem.
     */
    public static RedactionRules load(Path file, boolean explicit) {
        if (file == null) {
            return defaults();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return explicit ? withWarning("Redaction rules file " + file + " does not exist; only the default rules apply."
                    + " Create it (see docs/redaction.md) or unset tshoot.redaction / TSHOOT_REDACTION.") : defaults();
        } catch (IOException e) {
            return withWarning("Redaction rules file " + file + " could not be read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); only the default rules apply.");
        }
        try {
            return withUserRules(file.toString(), bytes);
        } catch (RedactionRulesException e) {
            return withWarning("Redaction rules file " + file + " is not used, only the default rules apply:\n"
                    + e.getMessage());
        }
    }

    private static RedactionRules withWarning(String warning) {
        return new RedactionRules(defaults().rules, List.of(warning));
    }

    /** The defaults with a user file's rules (named {@code source} in messages): all of the file or nothing. */
    public static RedactionRules withUserRules(String source, byte[] bytes) throws RedactionRulesException {
        List<Finding> problems = new ArrayList<>();
        Parsed p = parse(source, bytes, false, problems);
        if (p == null) {
            throw new RedactionRulesException(problems);
        }
        List<RedactionRule> base = defaults().rules;
        Set<String> baseNames = new HashSet<>();
        base.forEach(r -> baseNames.add(r.name()));
        for (Map.Entry<String, SourceLocation> d : p.disable.entrySet()) {
            if (!baseNames.contains(d.getKey())) {
                problems.add(error(source, d.getValue(), "unknown-rule", "disable",
                        "there is no default rule '" + d.getKey() + "' to disable." + Suggest.didYouMean(d.getKey(), baseNames),
                        "the default rule names are listed in docs/redaction.md"));
            }
        }
        for (int i = 0; i < p.rules.size(); i++) {
            RedactionRule r = p.rules.get(i);
            if (baseNames.contains(r.name()) && !p.disable.containsKey(r.name())) {
                problems.add(error(source, p.nameLocations.get(i), "duplicate-name", p.paths.get(i) + ".name",
                        "'" + r.name() + "' is already a default rule",
                        "rename your rule, or add '" + r.name() + "' to 'disable' to replace the default one"));
            }
        }
        if (!problems.isEmpty()) {
            throw new RedactionRulesException(problems);
        }
        List<RedactionRule> all = new ArrayList<>();
        for (RedactionRule r : base) {
            if (!p.disable.containsKey(r.name())) {
                all.add(r);
            }
        }
        all.addAll(p.rules);
        return new RedactionRules(all, List.of());
    }

    /** The rules that are valid on their own, where their names are, and the names to disable. */
    private record Parsed(List<RedactionRule> rules, List<SourceLocation> nameLocations, List<String> paths,
            Map<String, SourceLocation> disable) {}

    /** Adds every problem found to {@code problems}; null when the file is not even a YAML mapping. */
    private static Parsed parse(String source, byte[] bytes, boolean builtin, List<Finding> problems) {
        LocatedYaml y = LocatedYaml.parse(source, bytes);
        y.findings().stream().filter(f -> f.severity() == Finding.Severity.ERROR).forEach(problems::add);
        if (y.fatal() || y.root() == null) {
            if (problems.isEmpty()) {
                problems.add(error(source, SourceLocation.UNKNOWN, "yaml-syntax", "", "the file could not be read as YAML",
                        "see docs/redaction.md for the format"));
            }
            return null;
        }
        JsonNode root = y.root();
        if (!root.isObject()) {
            problems.add(error(source, y.at(""), "not-a-mapping", "",
                    "the file holds a " + kind(root) + "; it must be a mapping with a 'rules' list",
                    "start the file with 'rules:' (see docs/redaction.md)"));
            return null;
        }
        root.fieldNames().forEachRemaining(k -> {
            if (!TOP_KEYS.contains(k) || (builtin && k.equals("disable"))) {
                problems.add(error(source, y.keyAt("/" + LocatedYaml.seg(k)), "unknown-key", k,
                        "unknown key '" + k + "'." + Suggest.didYouMean(k, TOP_KEYS),
                        "the file has 'rules' and, optionally, 'disable'"));
            }
        });
        List<RedactionRule> rules = new ArrayList<>();
        List<SourceLocation> nameLocations = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        JsonNode list = root.path("rules");
        if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
            problems.add(error(source, y.at("/rules"), "wrong-type", "rules",
                    "'rules' is a " + kind(list) + "; it must be a list of rules", "write each rule as a '- name: ...' item"));
        } else if (list.isArray()) {
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (int i = 0; i < list.size(); i++) {
                RedactionRule r = rule(source, y, list.get(i), i, builtin, problems, seen);
                if (r != null) {
                    rules.add(r);
                    nameLocations.add(y.at("/rules/" + i + "/name"));
                    paths.add("rules[" + i + "]");
                }
            }
        }
        Map<String, SourceLocation> disable = new LinkedHashMap<>();
        JsonNode dis = root.path("disable");
        if (!dis.isMissingNode() && !dis.isNull() && !builtin) {
            if (!dis.isArray()) {
                problems.add(error(source, y.at("/disable"), "wrong-type", "disable",
                        "'disable' is a " + kind(dis) + "; it must be a list of default rule names",
                        "for example: disable: [secret-assignment]"));
            } else {
                for (int i = 0; i < dis.size(); i++) {
                    JsonNode n = dis.get(i);
                    if (!n.isTextual()) {
                        problems.add(error(source, y.at("/disable/" + i), "wrong-type", "disable[" + i + "]",
                                "a " + kind(n) + " is not a rule name", "write the name of a default rule"));
                    } else {
                        disable.put(n.asText(), y.at("/disable/" + i));
                    }
                }
            }
        }
        return new Parsed(rules, nameLocations, paths, disable);
    }

    private static RedactionRule rule(String source, LocatedYaml y, JsonNode n, int i, boolean builtin,
            List<Finding> problems, Map<String, Integer> seen) {
        String base = "/rules/" + i;
        String path = "rules[" + i + "]";
        if (!n.isObject()) {
            problems.add(error(source, y.at(base), "wrong-type", path, "a rule must be a mapping, not a " + kind(n),
                    "write it as '- name: ...' with 'pattern' (and optionally 'description' and 'group') below"));
            return null;
        }
        int before = problems.size();
        n.fieldNames().forEachRemaining(k -> {
            if (!RULE_KEYS.contains(k)) {
                problems.add(error(source, y.keyAt(base + "/" + LocatedYaml.seg(k)), "unknown-key", path + "." + k,
                        "unknown key '" + k + "'." + Suggest.didYouMean(k, RULE_KEYS),
                        "a rule has name, description, pattern, group, keywords, notAfter, notBefore, except and requires"));
            }
        });
        String name = text(source, y, n, base, path, "name", true, problems);
        if (name != null) {
            if (!NAME.matcher(name).matches()) {
                problems.add(error(source, y.at(base + "/name"), "bad-name", path + ".name",
                        "'" + name + "' is not a valid rule name",
                        "use lower-case letters, digits and '-', starting with a letter or digit (at most 63)"));
            } else if (name.equals(PLAYBOOK_SECRET)) {
                problems.add(error(source, y.at(base + "/name"), "reserved-name", path + ".name",
                        "'" + PLAYBOOK_SECRET + "' is reserved for the values a playbook marks secret", "choose another name"));
            } else if (name.equals(OUTPUT_CAP)) {
                problems.add(error(source, y.at(base + "/name"), "reserved-name", path + ".name",
                        "'" + OUTPUT_CAP + "' is reserved for the word the output cap cuts through", "choose another name"));
            } else if (seen.containsKey(name)) {
                problems.add(error(source, y.at(base + "/name"), "duplicate-name", path + ".name",
                        "rule '" + name + "' is defined twice (first as rules[" + seen.get(name) + "])",
                        "give each rule its own name"));
            } else {
                seen.put(name, i);
            }
        }
        String description = text(source, y, n, base, path, "description", false, problems);
        String regex = text(source, y, n, base, path, "pattern", true, problems);
        List<Integer> groups = groups(source, y, n, base, path, problems);
        String[] check = new String[CHECK_KEYS.size()];
        for (int c = 0; c < check.length; c++) {
            String key = CHECK_KEYS.get(c);
            check[c] = text(source, y, n, base, path, key, false, problems);
            if (check[c] != null) {
                dev.tshoot.playbook.SafeRegex.Problem bad = dev.tshoot.playbook.SafeRegex.check(check[c]);
                if (bad != null) {
                    problems.add(error(source, y.at(base + "/" + key), "bad-pattern", path + "." + key,
                            bad.describe() + " (rules run on RE2/J, in linear time)", bad.hint()
                                    + "; quote the pattern with single quotes in YAML, so that backslashes stay as written"));
                    check[c] = null;
                }
            }
        }
        RulePattern pattern = null;
        if (regex != null && groups != null) {
            try {
                pattern = RulePattern.of(regex, groups, new RulePattern.Checks(check[0], check[1], check[2], check[3]));
                if (pattern.matchesEmpty()) {
                    problems.add(error(source, y.at(base + "/pattern"), "empty-match", path + ".pattern",
                            "the pattern matches the empty string, so it would not find anything useful",
                            "require at least one character, e.g. '+' instead of '*'"));
                    pattern = null;
                }
            } catch (dev.tshoot.playbook.SafeRegex.InvalidPattern e) {
                problems.add(error(source, y.at(base + "/pattern"), "bad-pattern", path + ".pattern",
                        e.problem().describe() + " (rules run on RE2/J, in linear time)", lookaroundHint(e.problem())
                                + "; quote the pattern with single quotes in YAML, so that backslashes stay as written"));
            }
        }
        if (pattern != null) {
            for (int g : groups) {
                if (g > pattern.groupCount()) {
                    problems.add(error(source, y.at(base + "/group"), "bad-group", path + ".group",
                            "group " + g + " does not exist: the pattern has " + pattern.groupCount()
                                    + " capture group(s)", "count the '(' that are not '(?:' or '(?i)' and the like"));
                    pattern = null;
                    break;
                }
            }
        }
        List<String> keywords = new ArrayList<>();
        JsonNode kw = n.get("keywords");
        if (kw != null && !kw.isNull()) {
            if (!kw.isArray()) {
                problems.add(error(source, y.at(base + "/keywords"), "wrong-type", path + ".keywords",
                        "'keywords' is a " + kind(kw) + "; it must be a list of strings", "for example: keywords: [ghp_, gho_]"));
            } else {
                for (int k = 0; k < kw.size(); k++) {
                    JsonNode w = kw.get(k);
                    if (!w.isTextual() || w.asText().isEmpty()) {
                        problems.add(error(source, y.at(base + "/keywords/" + k), "wrong-type", path + ".keywords[" + k + "]",
                                "a keyword must be a non-empty string", "write a piece of text every match contains"));
                    } else {
                        keywords.add(w.asText());
                    }
                }
            }
        }
        if (problems.size() > before || name == null || pattern == null) {
            return null;
        }
        SourceLocation at = y.at(base);
        String origin = source + (at.line() > 0 ? ":" + at.line() : "");
        return new RedactionRule(name, description == null ? "" : description, pattern, groups.get(0), keywords, origin, builtin);
    }

    /** For a look-around, the check that says the same thing; else the engine's own hint. */
    private static String lookaroundHint(dev.tshoot.playbook.SafeRegex.Problem p) {
        if (p.message().contains("lookbehind")) {
            return "drop the lookbehind and put what it excluded in the rule's 'notAfter' (e.g. notAfter: '[A-Za-z0-9]')";
        }
        if (p.message().contains("lookahead")) {
            return "drop the lookahead and put what it excluded in 'notBefore' (the text after the match)"
                    + " or 'except' (the start of the secret)";
        }
        return p.hint();
    }

    /** The keys of a rule's checks, in the order {@link RulePattern.Checks} takes them. */
    private static final List<String> CHECK_KEYS = List.of("notAfter", "notBefore", "except", "requires");

    /** The rule's {@code group}: a whole number or a list of them (the first that took part is the secret); null after a problem. */
    private static List<Integer> groups(String source, LocatedYaml y, JsonNode n, String base, String path, List<Finding> problems) {
        JsonNode g = n.get("group");
        if (g == null || g.isNull()) {
            return List.of(0);
        }
        List<JsonNode> items = new ArrayList<>();
        if (g.isArray() && g.size() > 0) {
            g.forEach(items::add);
        } else {
            items.add(g);
        }
        List<Integer> out = new ArrayList<>();
        for (JsonNode i : items) {
            if (!i.canConvertToInt() || !i.isIntegralNumber() || i.intValue() < 0) {
                problems.add(error(source, y.at(base + "/group"), "bad-group", path + ".group",
                        "group must be a whole number of 0 or more, or a list of them, not " + g,
                        "0 is the whole match, 1 the first '(...)'; [1, 2] takes the first of them that matched"));
                return null;
            }
            out.add(i.intValue());
        }
        return out;
    }

    private static String text(String source, LocatedYaml y, JsonNode n, String base, String path, String key,
            boolean required, List<Finding> problems) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(error(source, y.at(base), "missing-" + key, path,
                        "the rule has no '" + key + "'", "add '" + key + ": ...' to it"));
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            problems.add(error(source, y.at(base + "/" + key), "wrong-type", path + "." + key,
                    "'" + key + "' must be a non-empty string, not " + (v.isTextual() ? "blank" : "a " + kind(v)),
                    "write it as a quoted string"));
            return null;
        }
        return v.asText();
    }

    private static String kind(JsonNode n) {
        if (n.isObject()) {
            return "mapping";
        }
        if (n.isArray()) {
            return "list";
        }
        if (n.isTextual()) {
            return "string";
        }
        if (n.isNumber()) {
            return "number";
        }
        if (n.isBoolean()) {
            return "boolean";
        }
        return n.isNull() ? "null" : n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static Finding error(String file, SourceLocation at, String rule, String path, String message, String hint) {
        return new Finding(Finding.Severity.ERROR, rule, file, at.line(), at.column(), path, message, hint);
    }
}
