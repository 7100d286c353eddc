package dev.tshoot.transcript.redact;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Redacts one transcript. Every match of a rule (or of a value the playbook marked secret) is replaced
 * by {@code [REDACTED:<rule>:<n>]}, where {@code n} numbers the distinct secret values of this
 * transcript in the order they are first met: the same value always gets the same number, so a reader
 * can tell "the token in the command" and "the token in the note" are one and the same without seeing
 * it. Nothing about the value (neither it nor a hash of it) is written anywhere; the values are only
 * kept in memory, for the numbering, as long as this object lives.
 *
 * <p>All rules run on the original text; overlapping matches are merged into one placeholder named
 * after the match that starts first (on a tie: the longer one, then the earlier rule), so a partial
 * overlap never leaves a piece of a secret behind. Placeholders already in the text are left alone
 * (a match that starts inside one is dropped): redacting twice changes nothing.
 *
 * <p>Not thread-safe on its own; the transcript writer calls it under its lock.
 */
public final class Redactor {

    /** How long one user rule may take on one value before that value is withheld whole (fail closed). */
    static final Duration USER_RULE_BUDGET = Duration.ofSeconds(3);

    /** A placeholder as written, for {@code [REDACTED:<rule>:<n>]}. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\[REDACTED:([a-z0-9][a-z0-9-]*):([0-9]+)\\]");

    /** Members of an event line that are structure, not content: never redacted. */
    private static final Set<String> STRUCTURE = Set.of("seq", "type", "at");

    /** Members of the header that are structure or a hash, not content: never redacted. */
    private static final Set<String> HEADER_STRUCTURE = Set.of("seq", "type", "format", "formatVersion", "sessionId",
            "startedAt", "prev", "hash");

    /** Members of the header's {@code playbook} that identify it by hash or id: never redacted. */
    private static final Set<String> PLAYBOOK_PIN = Set.of("id", "sha256");

    /** How much of the word the output cap cut through is withheld, at most. */
    static final int CUT_WORD = 4096;

    /** The text with its secrets replaced, and how many matches each rule replaced (rule order). */
    public record Redacted(String text, Map<String, Integer> counts) {}

    private record Span(int start, int end, int order) {}

    private static final Comparator<Span> SPAN_ORDER = Comparator.comparingInt(Span::start)
            .thenComparing(Comparator.comparingInt(Span::end).reversed())
            .thenComparingInt(Span::order);

    private final List<RedactionRule> rules;
    /** names[0] is the playbook secret; names[i + 1] is rules[i]; the last one is the output cap's cut word. */
    private final String[] names;
    private final Consumer<String> warnings;
    private final long budgetNanos;
    private final boolean prefilter;
    private final List<String> literals = new ArrayList<>();
    private final Map<String, Integer> numbers = new HashMap<>();
    private final Set<String> warned = new HashSet<>();
    private int base;

    /** {@code prefilter} false tries every rule on every value whatever its keywords (for tests). */
    Redactor(List<RedactionRule> rules, Consumer<String> warnings, Duration userRuleBudget, boolean prefilter) {
        this.rules = List.copyOf(rules);
        this.names = new String[rules.size() + 2];
        names[0] = RedactionRules.PLAYBOOK_SECRET;
        names[rules.size() + 1] = RedactionRules.OUTPUT_CAP;
        for (int i = 0; i < rules.size(); i++) {
            names[i + 1] = rules.get(i).name();
        }
        this.warnings = warnings;
        this.budgetNanos = userRuleBudget.toNanos();
        this.prefilter = prefilter;
    }

    /**
     * Withholds this literal value from now on (rule {@code playbook-secret}). Values shorter than
     * {@link RedactionRules#MIN_SECRET_LENGTH} characters are ignored: they would hit ordinary text.
     * Returns whether the value was taken.
     */
    public boolean addSecret(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip();
        if (v.length() < RedactionRules.MIN_SECRET_LENGTH) {
            return false;
        }
        if (!literals.contains(v)) {
            literals.add(v);
        }
        return true;
    }

    /**
     * Numbers new secrets from {@code last + 1} on: for text redacted outside a transcript (the pinned
     * playbook's text in an export), so that its placeholders never share a number with the
     * transcript's, whose values are not known any more. Returns this redactor.
     */
    public Redactor numberAfter(int last) {
        base = Math.max(base, last);
        return this;
    }

    /** Redacts one text. */
    public Redacted redact(String text) {
        int[] counts = new int[names.length];
        String out = redact(text, counts);
        return new Redacted(out, countsMap(counts));
    }

    /**
     * Redacts every string value of an event line in place (member names, and the structural members
     * {@code seq}, {@code type} and {@code at}, are left as they are). Returns the counts per rule,
     * in rule order; empty when nothing was found.
     */
    public Map<String, Integer> redact(ObjectNode event) {
        return redact(event, Map.of());
    }

    /**
     * As {@link #redact(ObjectNode)}, with {@code pastCap}: for a member the output cap cut (such as
     * {@code stdout}), the text that followed the cap. The member is then redacted as if it had not
     * been cut, and cut after: a secret the cap cuts through is found by its own rule and withheld
     * whole. Without it, the word the cap cut through is withheld (rule {@code output-cap}).
     */
    public Map<String, Integer> redact(ObjectNode event, Map<String, String> pastCap) {
        int[] counts = new int[names.length];
        List<String> members = new ArrayList<>();
        event.fieldNames().forEachRemaining(members::add);
        for (String m : members) {
            if (STRUCTURE.contains(m)) {
                continue;
            }
            JsonNode v = event.get(m);
            boolean cut = event.path(m + "Truncated").asBoolean(false);
            String past = cut && v.isTextual() ? pastCap.getOrDefault(m, "") : "";
            if (!past.isEmpty()) {
                String r = redactAtCap(v.asText(), past, counts);
                if (!r.equals(v.asText())) {
                    event.set(m, TextNode.valueOf(r));
                }
                continue;
            }
            JsonNode r = walk(m, v, counts);
            if (r.isTextual() && cut) {
                String word = withholdCutWord(r.asText(), counts);
                r = word.equals(r.asText()) ? r : TextNode.valueOf(word);
            }
            if (r != v) {
                event.set(m, r);
            }
        }
        return countsMap(counts);
    }

    /**
     * Redacts the transcript header in place, before it is hashed: the playbook's title, version and
     * file, the host summary and any other text, but not the structure, the session id, the start time
     * or the playbook's id and SHA-256 (which pin it). The header carries no {@code redactions} member;
     * the counts are returned.
     */
    public Map<String, Integer> redactHeader(ObjectNode header) {
        int[] counts = new int[names.length];
        List<String> members = new ArrayList<>();
        header.fieldNames().forEachRemaining(members::add);
        for (String m : members) {
            if (HEADER_STRUCTURE.contains(m)) {
                continue;
            }
            JsonNode v = header.get(m);
            if (m.equals("playbook") && v instanceof ObjectNode pb) {
                List<String> keys = new ArrayList<>();
                pb.fieldNames().forEachRemaining(keys::add);
                for (String k : keys) {
                    if (!PLAYBOOK_PIN.contains(k)) {
                        JsonNode pv = pb.get(k);
                        JsonNode pr = walk(k, pv, counts);
                        if (pr != pv) {
                            pb.set(k, pr);
                        }
                    }
                }
                continue;
            }
            JsonNode r = walk(m, v, counts);
            if (r != v) {
                header.set(m, r);
            }
        }
        return countsMap(counts);
    }

    private JsonNode walk(String member, JsonNode n, int[] counts) {
        if (member.equals("argv") && n.isArray() && textOnly(n)) {
            List<String> argv = new ArrayList<>();
            n.forEach(a -> argv.add(a.asText()));
            List<String> r = redactArgv(argv, counts);
            if (r == null) {
                return n;
            }
            ArrayNode out = ((ArrayNode) n).arrayNode();
            r.forEach(out::add);
            return out;
        }
        if (n.isTextual()) {
            String s = n.asText();
            String r = redact(s, counts);
            return r == s ? n : TextNode.valueOf(r);
        }
        if (n.isObject()) {
            ObjectNode o = (ObjectNode) n;
            List<String> members = new ArrayList<>();
            o.fieldNames().forEachRemaining(members::add);
            for (String m : members) {
                JsonNode v = o.get(m);
                JsonNode r = walk(m, v, counts);
                if (r != v) {
                    o.set(m, r);
                }
            }
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = (ArrayNode) n;
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                JsonNode r = walk("", v, counts);
                if (r != v) {
                    a.set(i, r);
                }
            }
            return a;
        }
        return n;
    }

    private static boolean textOnly(JsonNode array) {
        for (JsonNode a : array) {
            if (!a.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private Map<String, Integer> countsMap(int[] counts) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                m.merge(names[i], counts[i], Integer::sum);
            }
        }
        return m;
    }

    /** The text with secrets replaced; the same instance when nothing was found. */
    private String redact(String text, int[] counts) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<Span> merged = merged(text);
        if (merged.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int pos = 0;
        for (Span s : merged) {
            out.append(text, pos, s.start());
            out.append(placeholder(text.substring(s.start(), s.end()), s.order(), counts));
            pos = s.end();
        }
        out.append(text, pos, text.length());
        return out.toString();
    }

    /**
     * The argument list with secrets replaced, matched as one line (the arguments joined by spaces), so
     * that {@code --password SECRET} and {@code mysql -u root -pSECRET} are caught across arguments. A
     * secret is replaced in the first argument it touches; the parts of it in later arguments are
     * removed (an argument that was all secret becomes the placeholder or empty). Null when nothing
     * was found.
     */
    private List<String> redactArgv(List<String> argv, int[] counts) {
        String joined = String.join(" ", argv);
        List<Span> merged = merged(joined);
        if (merged.isEmpty()) {
            return null;
        }
        boolean[] emitted = new boolean[merged.size()];
        List<String> out = new ArrayList<>(argv.size());
        int a = 0;
        for (String arg : argv) {
            int b = a + arg.length();
            StringBuilder sb = new StringBuilder(arg.length());
            int pos = a;
            for (int k = 0; k < merged.size(); k++) {
                Span s = merged.get(k);
                if (s.start() >= b || s.end() <= a) {
                    continue;
                }
                int from = Math.max(s.start(), a);
                int to = Math.min(s.end(), b);
                sb.append(joined, pos, from);
                if (!emitted[k]) {
                    emitted[k] = true;
                    sb.append(placeholder(joined.substring(s.start(), s.end()), s.order(), counts));
                }
                pos = to;
            }
            sb.append(joined, pos, b);
            out.add(sb.toString());
            a = b + 1;
        }
        return out;
    }

    /** {@code text} as redacted with {@code past} after it, cut back at its end (a secret across the cut withheld whole). */
    private String redactAtCap(String text, String past, int[] counts) {
        String whole = text + past;
        int cap = text.length();
        StringBuilder out = new StringBuilder(cap);
        int pos = 0;
        for (Span s : merged(whole)) {
            if (s.start() >= cap) {
                break;
            }
            out.append(whole, pos, s.start());
            out.append(placeholder(whole.substring(s.start(), s.end()), s.order(), counts));
            pos = s.end();
            if (pos >= cap) {
                return out.toString();
            }
        }
        return out.append(whole, pos, cap).toString();
    }

    /**
     * A stream the output cap cut, and what followed the cap is not known: the word the cap cut through (the run of non-blank characters at
     * the very end, up to {@link #CUT_WORD} characters) is withheld whole, rule {@code output-cap},
     * unless it already ends in a placeholder. What was cut off is not known, so a token whose start is
     * too short for any rule to recognise is not left behind.
     */
    private String withholdCutWord(String text, int[] counts) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        int end = text.length();
        int start = end;
        while (start > 0 && end - start < CUT_WORD && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        if (start == end || text.endsWith("]") && endsInPlaceholder(text)) {
            return text;
        }
        return text.substring(0, start) + placeholder(text.substring(start, end), names.length - 1, counts);
    }

    private static boolean endsInPlaceholder(String text) {
        int open = text.lastIndexOf("[REDACTED:");
        return open >= 0 && PLACEHOLDER.matcher(text.substring(open)).matches();
    }

    /**
     * Where secrets are in {@code text}: the spans of every literal and rule match, merged where they
     * overlap (named after the match that starts first), without matches that start inside a
     * placeholder already there.
     */
    private List<Span> merged(String text) {
        List<Span> spans = new ArrayList<>();
        for (String lit : literals) {
            for (int i = text.indexOf(lit); i >= 0; i = text.indexOf(lit, i + 1)) {
                spans.add(new Span(i, i + lit.length(), 0));
            }
        }
        // the rules match the folded text (NFKC and look-alike letters); what is replaced is the original's span
        Folded folded = rules.isEmpty() ? null : Folded.of(text);
        String match = folded == null ? text : folded.text;
        int literalSpans = spans.size();
        String lower = prefilter && !rules.isEmpty() ? match.toLowerCase(Locale.ROOT) : null;
        for (int r = 0; r < rules.size(); r++) {
            RedactionRule rule = rules.get(r);
            if (lower == null || rule.mayMatch(lower)) {
                find(rule, r + 1, match, spans);
            }
        }
        if (folded != null) {
            for (int i = literalSpans; i < spans.size(); i++) {
                Span s = spans.get(i);
                spans.set(i, new Span(folded.originalStart(s.start()), folded.originalEnd(s.end()), s.order()));
            }
        }
        if (spans.isEmpty()) {
            return List.of();
        }
        List<int[]> placeholders = placeholders(text);
        if (!placeholders.isEmpty()) {
            // a match that starts inside a placeholder took the placeholder for its value: not a new secret
            spans.removeIf(s -> placeholders.stream().anyMatch(p -> p[0] <= s.start() && s.start() < p[1]));
        }
        spans.sort(SPAN_ORDER);
        List<Span> merged = new ArrayList<>();
        Span cur = null;
        for (Span s : spans) {
            if (cur != null && s.start() < cur.end()) {
                cur = new Span(cur.start(), Math.max(cur.end(), s.end()), cur.order());
                continue;
            }
            if (cur != null) {
                merged.add(cur);
            }
            cur = s;
        }
        if (cur != null) {
            merged.add(cur);
        }
        return merged;
    }

    /** The placeholder of one secret value: the same value always gets the same number. */
    private String placeholder(String value, int order, int[] counts) {
        int n = numbers.computeIfAbsent(value, k -> base + numbers.size() + 1);
        counts[order]++;
        return "[REDACTED:" + names[order] + ":" + n + "]";
    }

    private void find(RedactionRule rule, int order, String text, List<Span> spans) {
        int before = spans.size();
        try {
            CharSequence input = rule.builtin() ? text : new RuleDeadline(text, System.nanoTime() + budgetNanos);
            for (int[] span : rule.pattern().spans(input)) {
                spans.add(new Span(span[0], span[1], order));
            }
        } catch (RuleDeadline.Exceeded | StackOverflowError | dev.tshoot.playbook.SafeRegex.Interrupted e) {
            // fail closed: the value is withheld whole rather than written with a secret in it
            while (spans.size() > before) {
                spans.remove(spans.size() - 1);
            }
            spans.add(new Span(0, text.length(), order));
            if (warned.add(rule.name())) {
                warnings.accept("Redaction rule '" + rule.name() + "' (" + rule.origin() + ") "
                        + (e instanceof StackOverflowError ? "overflowed the stack"
                                : e instanceof dev.tshoot.playbook.SafeRegex.Interrupted ? "was interrupted" : "took longer than "
                                + USER_RULE_BUDGET.toSeconds() + " s") + " on a value of " + text.length()
                        + " characters; the whole value was withheld. Simplify the pattern (see docs/redaction.md).");
            }
        }
    }

    private static List<int[]> placeholders(String text) {
        if (!text.contains("[REDACTED:")) {
            return List.of();
        }
        List<int[]> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
        return out;
    }
}
