package dev.tshoot.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tshoot.engine.ConsentPolicy;
import dev.tshoot.engine.Diagnostics;
import dev.tshoot.engine.EventSink;
import dev.tshoot.engine.Session;
import dev.tshoot.engine.SessionEvent;
import dev.tshoot.engine.SessionException;
import dev.tshoot.testing.FakeDiagnostics;
import dev.tshoot.testing.Fixtures;
import dev.tshoot.transcript.redact.RedactionRules;

/** Redaction as the transcript writer applies it: per line, before sealing. */
class RedactingTranscriptTest {

    @TempDir
    Path dir;

    private static final List<String> ARGV_FOR = List.of("fetch-config", "--token");

    private Recorder.Recorded secrets(Recorder rec, FakeDiagnostics host) {
        // fetch-config is not on tshoot's read-only list: only --yes-mutating runs it unattended
        return rec.start(Fixtures.playbook("003_secrets.yaml"), w -> { throw new AssertionError(w); }, host,
                ConsentPolicy.flags(true, true, false));
    }

    private static List<String> argv(String token, String endpoint) {
        List<String> a = new ArrayList<>(ARGV_FOR);
        a.addAll(List.of(token, "--endpoint", endpoint));
        return a;
    }

    @Test
    void aLineWhereSomethingWasWithheldCountsItBeforePrevAndStillVerifies() throws SessionException, IOException {
        Recorder.Recorded r = new Recorder(Fixtures.engine(), dir, "test", false)
                .start(Fixtures.playbook("001_walk.yaml"), w -> { throw new AssertionError(w); });
        Session s = r.session();
        s.answer("windows");
        s.note("db password=hunter2hunter2, token " + "ghp_R7kq2ZfX9mB4nW1cV8tY3uJ6hL0pD5sGa2Qe");
        s.note("nothing secret here");
        s.end("user");
        r.writer().close();
        List<String> lines = Files.readAllLines(r.writer().file(), StandardCharsets.UTF_8);
        String note = lines.stream().filter(l -> l.contains("\"type\":\"note\"")).findFirst().orElseThrow();
        assertThat(note).contains("\"text\":\"db password=[REDACTED:secret-assignment:1] token [REDACTED:github-token:2]\","
                + "\"redactions\":{\"github-token\":1,\"secret-assignment\":1},\"prev\":\"");
        assertThat(lines.stream().filter(l -> l.contains("\"redactions\""))).hasSize(1);
        assertThat(lines.get(0)).startsWith("{\"seq\":0,\"type\":\"header\"").doesNotContain("REDACTED");
        assertThat(String.join("\n", lines)).doesNotContain("hunter2hunter2").doesNotContain("ghp_R7kq");
        assertThat(new TranscriptVerifier().verify(r.writer().file()).status()).isEqualTo(TranscriptVerifier.Status.OK);
        // readers ignore the member: the note reads back as a note
        SessionEvent.NoteAdded back = (SessionEvent.NoteAdded) TranscriptJson.decode(TranscriptJson.MAPPER.readTree(note));
        assertThat(back.text()).startsWith("db password=[REDACTED:");
    }

    @Test
    void theSessionTellsTheSinkAboutASecretAnswerBeforeRecordingIt() throws SessionException {
        List<String> calls = new ArrayList<>();
        EventSink sink = new EventSink() {
            @Override
            public void accept(SessionEvent e) {
                calls.add(e instanceof SessionEvent.AnswerGiven a ? "answer " + a.node() + " " + a.value() : e.type());
            }

            @Override
            public void secret(String value) {
                calls.add("secret " + value);
            }
        };
        Session s = Fixtures.engine().start("s1", Fixtures.playbook("003_secrets.yaml"), sink,
                new FakeDiagnostics("linux"), ConsentPolicy.flags(false, false, true));
        s.answer("  Velvet-Anchor-42  ");
        s.answer("https://example.org");
        assertThat(calls).containsSubsequence("secret Velvet-Anchor-42", "answer ask-token [secret]", "answer ask-endpoint https://example.org");
        assertThat(calls.stream().filter(c -> c.startsWith("secret "))).hasSize(1); // not for ordinary answers
        // the default method does nothing, so sinks written as lambdas keep working
        EventSink.NONE.secret("x");
    }

    @Test
    void aSecretTheOutputCapCutsThroughIsFoundByItsRuleFromWhatFollowedTheCap() throws Exception {
        String endpoint = "https://example.org/health";
        String token = "ghp_R7kq2ZfX9mB4nW1cV8tY3uJ6hL0pD5sGa2Qe";
        // the runner kept what followed the cap: the token is recognised whole and withheld by its own rule
        FakeDiagnostics host = new FakeDiagnostics("linux").command(argv("Velvet-Anchor-42", endpoint),
                new Diagnostics.CommandData("exited", 0, "config for " + token.substring(0, 9), "", true, false, true,
                        true, 5, false, null, new Diagnostics.CommandData.PastCap(token.substring(9) + " end\n", "")));
        Recorder.Recorded r = secrets(new Recorder(Fixtures.engine(), dir, "test", false), host);
        r.session().answer("Velvet-Anchor-42");
        r.session().answer(endpoint);
        r.session().end("user");
        r.writer().close();
        String text = Files.readString(r.writer().file());
        assertThat(text).contains("\"stdout\":\"config for [REDACTED:github-token:")
                .doesNotContain("ghp_R7k").doesNotContain(token.substring(9))
                .doesNotContain("output-cap");
        assertThat(new TranscriptVerifier().verify(r.writer().file()).status()).isEqualTo(TranscriptVerifier.Status.OK);
    }

    @Test
    void aPlaybookSecretIsWithheldWhereverItAppearsLaterButNotIfShorterThanFourCharacters() throws Exception {
        String endpoint = "https://example.org/health";
        FakeDiagnostics host = new FakeDiagnostics("linux")
                .command(argv("Velvet-Anchor-42", endpoint), 0, "logged in as Velvet-Anchor-42\n")
                .command(argv("abc", endpoint), 0, "logged in as abc\n");
        Recorder rec = new Recorder(Fixtures.engine(), dir, "test", false, RedactionRules.none());
        for (String secret : List.of("Velvet-Anchor-42", "abc")) {
            Recorder.Recorded r = secrets(rec, host);
            r.session().answer(secret);
            r.session().answer(endpoint);
            r.session().note("retried with " + secret);
            r.session().end("user");
            r.writer().close();
            String text = Files.readString(r.writer().file());
            assertThat(new TranscriptVerifier().verify(r.writer().file()).status()).isEqualTo(TranscriptVerifier.Status.OK);
            if (secret.length() >= RedactionRules.MIN_SECRET_LENGTH) {
                assertThat(text).doesNotContain(secret)
                        .contains("\"argv\":[\"fetch-config\",\"--token\",\"[secret]\"")
                        .contains("logged in as [REDACTED:playbook-secret:1]")
                        .contains("\"text\":\"retried with [REDACTED:playbook-secret:1]\",\"redactions\":{\"playbook-secret\":1}");
            } else {
                // documented: too short to be withheld as a literal (the answer itself still reads [secret])
                assertThat(text).contains("\"value\":\"[secret]\"").contains("logged in as abc").doesNotContain("REDACTED");
            }
        }
    }

    @Test
    void probeFactsAndEvidenceAreRedactedToo() throws Exception {
        Diagnostics host = new Diagnostics() {
            @Override
            public dev.tshoot.playbook.OsFamily osFamily() {
                return dev.tshoot.playbook.OsFamily.LINUX;
            }

            @Override
            public CommandData run(CommandRequest request) {
                return CommandData.notRun("dry_run", "not run");
            }

            @Override
            public ProbeData probe(String node, String name) {
                return new ProbeData(name, java.util.Map.of("proxy", "http://svc:Pr0xyPa55w0rd@proxy:3128", "count", 3),
                        java.util.Map.of("dns", "lookup failed: token=abcdef0123"),
                        List.of(java.util.Map.of("source", "env", "value", "HTTPS_PROXY=http://svc:Pr0xyPa55w0rd@proxy:3128")),
                        3, "failed with Authorization: Basic dXNlcjpwYXNz");
            }
        };
        Recorder.Recorded r = new Recorder(Fixtures.engine(), dir, "test", false)
                .start(Fixtures.playbook("003_secrets.yaml"), w -> { }, host, ConsentPolicy.flags(false, false, true));
        r.session().answer("Velvet-Anchor-42");
        r.session().answer("https://example.org");
        r.session().end("user");
        r.writer().close();
        JsonNode probe = Files.readAllLines(r.writer().file()).stream().map(RedactingTranscriptTest::json)
                .filter(n -> n.path("type").asText().equals("probe-ran")).findFirst().orElseThrow();
        assertThat(probe.path("facts").path("proxy").asText()).isEqualTo("http://svc:[REDACTED:url-credentials:1]@proxy:3128");
        assertThat(probe.path("facts").path("count").asInt()).isEqualTo(3);
        assertThat(probe.path("unknown").path("dns").asText()).isEqualTo("lookup failed: token=[REDACTED:secret-assignment:2]");
        assertThat(probe.path("evidence").get(0).path("value").asText()).isEqualTo("HTTPS_PROXY=http://svc:[REDACTED:url-credentials:1]@proxy:3128");
        assertThat(probe.path("error").asText()).isEqualTo("failed with Authorization: Basic [REDACTED:authorization-header:3]");
        assertThat(probe.path("redactions").toString()).isEqualTo("{\"url-credentials\":2,\"authorization-header\":1,\"secret-assignment\":1}");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aMebibyteOfOutputWithASecretInTheMiddleIsRecordedWithoutIt() throws Exception {
        Random rnd = new Random(7);
        StringBuilder out = new StringBuilder();
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 =:/-_.\n\"'";
        while (out.length() < (1 << 20)) {
            out.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            if (out.length() == 1 << 19) {
                out.append("\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8T4LmN2b\n");
            }
        }
        String endpoint = "https://example.org/health";
        FakeDiagnostics host = new FakeDiagnostics("linux").command(argv("Velvet-Anchor-42", endpoint), 0, out.toString());
        Recorder.Recorded r = secrets(new Recorder(Fixtures.engine(), dir, "test", false), host);
        r.session().answer("Velvet-Anchor-42");
        r.session().answer(endpoint);
        r.session().end("user");
        r.writer().close();
        String text = Files.readString(r.writer().file());
        assertThat(text).doesNotContain("wJalrXUtnFEMI").contains("AWS_SECRET_ACCESS_KEY=[REDACTED:aws-secret-access-key:");
        assertThat(new TranscriptVerifier().verify(r.writer().file()).status()).isEqualTo(TranscriptVerifier.Status.OK);
    }

    private static JsonNode json(String line) {
        try {
            return TranscriptJson.MAPPER.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
