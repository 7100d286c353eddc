package dev.tshoot.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.tshoot.engine.ConsentPolicy;
import dev.tshoot.engine.Diagnostics;
import dev.tshoot.engine.Session;
import dev.tshoot.engine.SessionException;
import dev.tshoot.transcript.Recorder;
import dev.tshoot.transcript.TranscriptJson;
import dev.tshoot.transcript.redact.RedactionRules;

/**
 * Secrets planted in a real recorded session, for checking that none reaches a transcript or anything
 * made from one. The corpus is {@code src/test/resources/redaction/corpus.yaml}; the session walks
 * {@code playbooks/valid/003_secrets.yaml} with a fake host whose command prints the stdout/stderr
 * entries and whose {@code network} probe reports the fact entries.
 *
 * <pre>{@code
 * Path transcript = RedactionCorpus.recordSession(dir);
 * byte[] exported = ...;                        // whatever is made from the transcript
 * assertThat(RedactionCorpus.leaks(exported)).isEmpty();
 * }</pre>
 */
public final class RedactionCorpus {

    /** Where an entry is planted; see corpus.yaml. */
    public enum Channel {
        SECRET_ANSWER, ENDPOINT, ANSWER, NOTE, STDOUT, STDERR, FACT;

        static Channel of(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** One planted secret: {@code text} holds {@code secret} exactly once. */
    public record Entry(String id, String rule, Channel channel, String secret, String text) {

        /** The text as a redacted transcript must hold it: group 1 is the placeholder number. */
        public Pattern redacted() {
            int i = text.indexOf(secret);
            return Pattern.compile(Pattern.quote(text.substring(0, i)) + "\\[REDACTED:" + Pattern.quote(rule)
                    + ":([0-9]+)\\]" + Pattern.quote(text.substring(i + secret.length())));
        }
    }

    /** The argv of the command the session runs: {@code {answer:...}} filled in with the two answers. */
    public static final String COMMAND = "fetch-config";

    private static final List<Entry> ENTRIES = load();

    private RedactionCorpus() {}

    /** Every planted entry, in file order. */
    public static List<Entry> entries() { return ENTRIES; }

    /** The distinct secret values: none of them may appear in a transcript or an export. */
    public static List<String> secrets() {
        Set<String> s = new LinkedHashSet<>();
        ENTRIES.forEach(e -> s.add(e.secret()));
        return List.copyOf(s);
    }

    /** The value typed at the {@code secret: true} question. */
    public static String secretAnswer() { return only(Channel.SECRET_ANSWER).secret(); }

    /** The argv the command runs with (it holds the secret answer and the endpoint answer). */
    public static List<String> argv() {
        return List.of(COMMAND, "--token", secretAnswer(), "--endpoint", only(Channel.ENDPOINT).text());
    }

    public static List<Entry> in(Channel c) {
        return ENTRIES.stream().filter(e -> e.channel() == c).toList();
    }

    /** Records the corpus session with the default rules; returns the transcript file. */
    public static Path recordSession(Path dir) {
        return recordSession(dir, RedactionRules.defaults());
    }

    /** Records the corpus session with these rules into {@code dir}; returns the transcript file. */
    public static Path recordSession(Path dir, RedactionRules rules) {
        Map<String, Object> facts = new LinkedHashMap<>();
        in(Channel.FACT).forEach(e -> facts.put(e.id(), e.text()));
        FakeDiagnostics host = new FakeDiagnostics("linux")
                .probe("network", facts)
                .command(argv(), new Diagnostics.CommandData("exited", 0, joined(Channel.STDOUT), joined(Channel.STDERR),
                        false, false, true, true, 12, false, null));
        List<String> warnings = new ArrayList<>();
        Recorder.Recorded r = new Recorder(Fixtures.engine(), dir, "test", false, rules)
                .start(Fixtures.playbook("003_secrets.yaml"), warnings::add, host, ConsentPolicy.flags(true, true, false));
        Session s = r.session();
        try {
            s.answer(secretAnswer());
            s.answer(only(Channel.ENDPOINT).text());
            if (host.commands.size() != 1) {
                throw new AssertionError("the corpus command did not run: " + host.commands);
            }
            for (Entry e : in(Channel.ANSWER)) {
                s.answer(e.text());
            }
            for (Entry e : in(Channel.NOTE)) {
                s.note(e.text());
            }
            s.answer("done");
        } catch (SessionException e) {
            throw new AssertionError("the corpus session did not go through: " + e.getMessage(), e);
        } finally {
            s.end(s.state() == Session.State.AT_OUTCOME ? "outcome" : "interrupted");
            r.writer().close();
        }
        if (!warnings.isEmpty()) {
            throw new AssertionError("recording the corpus session warned: " + warnings);
        }
        return r.writer().file();
    }

    /**
     * How often each rule must fire over the whole transcript: once per entry where it is planted,
     * plus the command's argv (the secret answer and the endpoint answer again).
     */
    public static Map<String, Integer> expectedCounts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Entry e : ENTRIES) {
            // the secret answer itself never reaches the writer: the engine records it, and passes it
            // on in a command's argv, as [secret]; the other channels fire once (the endpoint twice:
            // the answer and the argv)
            m.merge(e.rule(), e.channel() == Channel.ENDPOINT ? 2 : e.channel() == Channel.SECRET_ANSWER ? 0 : 1,
                    Integer::sum);
        }
        return m;
    }

    /**
     * The ids of the entries whose secret appears in {@code content}: as is, JSON-escaped, or (for
     * multi-line secrets such as key bodies) any one of its lines of 8 characters or more.
     */
    public static List<String> leaks(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (Entry e : ENTRIES) {
            if (needles(e.secret()).stream().anyMatch(text::contains)) {
                out.add(e.id());
            }
        }
        return out;
    }

    static Set<String> needles(String secret) {
        Set<String> n = new LinkedHashSet<>();
        n.add(secret);
        n.add(jsonEscaped(secret));
        for (String line : secret.split("\\\\n|\\n")) {
            if (line.strip().length() >= 8 && !line.strip().startsWith("-----")) { // not the PEM armor lines
                n.add(line.strip());
            }
        }
        n.removeIf(String::isEmpty);
        return n;
    }

    private static String jsonEscaped(String s) {
        try {
            String q = TranscriptJson.MAPPER.writeValueAsString(s);
            return q.substring(1, q.length() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String joined(Channel c) {
        return String.join("\n", in(c).stream().map(Entry::text).toList()) + "\n";
    }

    private static Entry only(Channel c) {
        List<Entry> l = in(c);
        if (l.size() != 1) {
            throw new IllegalStateException("the corpus needs exactly one " + c + " entry, not " + l.size());
        }
        return l.get(0);
    }

    private static List<Entry> load() {
        try (InputStream in = RedactionCorpus.class.getResourceAsStream("/redaction/corpus.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Entry> out = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            for (JsonNode n : root.path("secrets")) {
                String secret = n.path("secret").asText();
                String text = n.hasNonNull("text") ? n.get("text").asText() : secret;
                Entry e = new Entry(n.path("id").asText(), n.path("rule").asText(), Channel.of(n.path("channel").asText()),
                        secret, text);
                int first = text.indexOf(secret);
                if (secret.isEmpty() || first < 0 || text.indexOf(secret, first + 1) >= 0) {
                    throw new IllegalStateException("corpus entry " + e.id() + ": the text must hold the secret exactly once");
                }
                if (!ids.add(e.id())) {
                    throw new IllegalStateException("corpus entry id " + e.id() + " is used twice");
                }
                out.add(e);
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
