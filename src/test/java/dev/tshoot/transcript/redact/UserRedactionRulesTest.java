package dev.tshoot.transcript.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.engine.Session;
import dev.tshoot.engine.SessionException;
import dev.tshoot.playbook.Finding;
import dev.tshoot.transcript.Recorder;
import dev.tshoot.transcript.TranscriptVerifier;
import dev.tshoot.testing.Fixtures;

/** The user's own rules file: added rules, disabled defaults, and clear errors that never cost the session. */
class UserRedactionRulesTest {

    @TempDir
    Path dir;

    private static RedactionRules user(String yaml) throws RedactionRulesException {
        return RedactionRules.withUserRules("my-rules.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void userRulesComeAfterTheDefaultsAndCanDisableSome() throws Exception {
        RedactionRules r = user("""
                # rules for our ticket system
                rules:
                  - name: ticket-token
                    description: API tokens of the ticket system
                    pattern: 'TKT-[0-9a-f]{16}'
                  - name: wrapped-password
                    pattern: 'pw\\((\\w+)\\)'
                    group: 1
                    keywords: ['PW(']
                disable: [bearer-token]
                """);
        assertThat(r.names()).doesNotContain("bearer-token").endsWith("ticket-token", "wrapped-password")
                .hasSize(RedactionRules.defaults().names().size() + 1);
        RedactionRule t = r.rule("ticket-token");
        assertThat(t.builtin()).isFalse();
        assertThat(t.origin()).isEqualTo("my-rules.yaml:3");
        assertThat(t.description()).isEqualTo("API tokens of the ticket system");
        assertThat(r.rule("wrapped-password").keywords()).containsExactly("pw(");
        assertThat(r.warnings()).isEmpty();

        Redactor.Redacted out = r.newRedactor().redact("TKT-0123456789abcdef pw(hunter22) Bearer abcdefgh12345678xyz password=x1y2z3");
        assertThat(out.text()).isEqualTo("[REDACTED:ticket-token:1] pw([REDACTED:wrapped-password:2]) Bearer abcdefgh12345678xyz"
                + " password=[REDACTED:secret-assignment:3]");
    }

    @Test
    void aDefaultIsReplacedOnlyWhenDisabledFirst() throws Exception {
        assertThatThrownBy(() -> user("rules:\n  - name: jwt\n    pattern: 'eyJ[a-z]+'\n"))
                .isInstanceOf(RedactionRulesException.class)
                .hasMessageContaining("my-rules.yaml:2:11: error [duplicate-name] rules[0].name: 'jwt' is already a default rule")
                .hasMessageContaining("add 'jwt' to 'disable'");
        RedactionRules r = user("disable: [jwt]\nrules:\n  - name: jwt\n    pattern: 'eyJ[A-Za-z0-9]+'\n");
        assertThat(r.rule("jwt").builtin()).isFalse();
        assertThat(r.names()).filteredOn("jwt"::equals).hasSize(1);
    }

    @Test
    void everyProblemIsReportedWithFileLineAndColumn() {
        String yaml = """
                rules:
                  - name: good
                    pattern: 'abc'
                  - name: Bad_Name
                    pattern: 'x'
                  - name: broken
                    pattern: 'a(b'
                  - name: typo
                    patern: 'x'
                  - name: no-such-group
                    pattern: 'x(y)'
                    group: 2
                  - name: good
                    pattern: 'def'
                  - name: empty
                    pattern: 'a*'
                  - name: playbook-secret
                    pattern: 'xyz'
                  - name: kw
                    pattern: 'xyz'
                    keywords: xyz
                disable: [jwtt]
                """;
        RedactionRulesException e = org.junit.jupiter.api.Assertions.assertThrows(RedactionRulesException.class, () -> user(yaml));
        List<String> found = e.findings().stream().map(f -> f.line() + " " + f.rule()).toList();
        assertThat(found).containsExactlyInAnyOrder("4 bad-name", "7 bad-pattern", "9 unknown-key", "8 missing-pattern",
                "12 bad-group", "13 duplicate-name", "16 empty-match", "17 reserved-name", "21 wrong-type", "22 unknown-rule");
        assertThat(e.findings()).allSatisfy(f -> {
            assertThat(f.file()).isEqualTo("my-rules.yaml");
            assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
            assertThat(f.column()).isPositive();
        });
        assertThat(e.getMessage())
                .contains("my-rules.yaml:7:14: error [bad-pattern] rules[2].pattern: the pattern is not a valid regular"
                        + " expression: missing closing ) (rules run on RE2/J, in linear time)")
                .contains("unknown key 'patern'. Did you mean 'pattern'?")
                .contains("group 2 does not exist: the pattern has 1 capture group(s)")
                .contains("rule 'good' is defined twice (first as rules[0])")
                .contains("there is no default rule 'jwtt' to disable. Did you mean 'jwt'?");
    }

    @Test
    void yamlThatDoesNotParseOrHasTheWrongShape() {
        assertThatThrownBy(() -> user("rules:\n  - name: x\n    pattern: 'unclosed\n  - name: y\n"))
                .isInstanceOf(RedactionRulesException.class).hasMessageContaining("my-rules.yaml:").hasMessageContaining("yaml-syntax");
        assertThatThrownBy(() -> user("- name: x\n  pattern: y\n"))
                .hasMessageContaining("my-rules.yaml:1:1: error [not-a-mapping]");
        assertThatThrownBy(() -> user("rules:\n  name: x\n"))
                .hasMessageContaining("my-rules.yaml:2:3: error [wrong-type] rules: 'rules' is a mapping");
        assertThatThrownBy(() -> user("rulez: []\n")).hasMessageContaining("unknown key 'rulez'. Did you mean 'rules'?");
        assertThatThrownBy(() -> user("rules:\n  - name: a\n    pattern: x\n    name: b\n"))
                .hasMessageContaining("my-rules.yaml:4:5: error [duplicate-key]");
        assertThatThrownBy(() -> user("")).hasMessageContaining("the file is empty");
    }

    @Test
    void loadNeverThrowsAndKeepsTheDefaultsWhenTheFileCannotBeUsed() throws IOException {
        RedactionRules absent = RedactionRules.load(dir.resolve("redaction.yaml"), false);
        assertThat(absent.warnings()).isEmpty();
        assertThat(absent.names()).isEqualTo(RedactionRules.defaults().names());

        RedactionRules named = RedactionRules.load(dir.resolve("mine.yaml"), true);
        assertThat(named.warnings()).singleElement().asString().contains(dir.resolve("mine.yaml").toString())
                .contains("does not exist").contains("TSHOOT_REDACTION");
        assertThat(named.names()).isEqualTo(RedactionRules.defaults().names());

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "rules:\n  - name: broken\n    pattern: '[a-'\n");
        RedactionRules r = RedactionRules.load(bad, false);
        assertThat(r.names()).isEqualTo(RedactionRules.defaults().names());
        assertThat(r.warnings()).singleElement().asString()
                .contains("Redaction rules file " + bad + " is not used, only the default rules apply")
                .contains(bad + ":3:14: error [bad-pattern]");

        RedactionRules folder = RedactionRules.load(dir, true);
        assertThat(folder.warnings()).singleElement().asString().contains("could not be read");

        Path good = dir.resolve("good.yaml");
        Files.writeString(good, "rules:\n  - name: ticket-token\n    pattern: 'TKT-[0-9]{6}'\n");
        assertThat(RedactionRules.load(good, true).names()).contains("ticket-token");
        assertThat(RedactionRules.load(good, true).warnings()).isEmpty();
    }

    @Test
    void aBadRulesFileWarnsWhenTheSessionStartsAndTheSessionIsStillRecordedWithTheDefaults() throws SessionException,
            IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "rules:\n  - name: broken\n    pattern: 'a(b'\n");
        List<String> warnings = new ArrayList<>();
        Recorder rec = new Recorder(Fixtures.engine(), dir.resolve("t"), "test", false, RedactionRules.load(bad, true));
        Recorder.Recorded r = rec.start(Fixtures.playbook("001_walk.yaml"), warnings::add);
        Session s = r.session();
        s.note("db password=hunter2hunter2");
        s.end("user");
        r.writer().close();
        assertThat(warnings).singleElement().asString().contains(bad + ":3:14");
        String text = Files.readString(r.writer().file());
        assertThat(text).doesNotContain("hunter2hunter2").contains("password=[REDACTED:secret-assignment:1]");
        assertThat(new TranscriptVerifier().verify(r.writer().file()).status()).isEqualTo(TranscriptVerifier.Status.OK);
    }

    @Test
    void aCatastrophicUserRuleRunsInLinearTime() throws Exception {
        RedactionRules r = user("rules:\n  - name: runaway\n    pattern: '((a+)+)+b'\n");
        assertThat(r.rule("runaway").pattern().linear()).as("user rules run on RE2/J").isTrue();
        List<String> warnings = new ArrayList<>();
        Redactor red = new Redactor(r.rules(), warnings::add, Duration.ofSeconds(30), true);
        String text = "token " + "a".repeat(100_000) + "c"; // exponential for java.util.regex, linear here
        assertThat(red.redact(text).text()).isEqualTo(text);
        assertThat(red.redact("token aaab").text()).isEqualTo("token [REDACTED:runaway:1]");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aUserRuleOverItsBudgetWithholdsTheWholeValueAndSaysSo() throws Exception {
        RedactionRules r = user("rules:\n  - name: slow\n    pattern: '(a|b|c)+d'\n");
        List<String> warnings = new ArrayList<>();
        Redactor red = new Redactor(r.rules(), warnings::add, Duration.ofNanos(1), true);
        String text = "token " + "abc".repeat(100_000);
        Redactor.Redacted out = red.redact(text);
        assertThat(out.text()).isEqualTo("[REDACTED:slow:1]");
        assertThat(out.counts()).containsEntry("slow", 1);
        assertThat(warnings).singleElement().asString().contains("'slow' (my-rules.yaml:2)").contains("whole value was withheld");
        // warned once per rule, however often it runs over
        red.redact("b" + text);
        assertThat(warnings).hasSize(1);
    }

    @Test
    void aUserRuleWithAConstructTheLinearEngineRefusesIsAnErrorWithAHint() {
        assertThatThrownBy(() -> user("rules:\n  - name: look\n    pattern: '(?<![a-z])tok[0-9]+'\n"))
                .isInstanceOf(RedactionRulesException.class)
                .hasMessageContaining("my-rules.yaml:3:14: error [bad-pattern] rules[0].pattern: the pattern uses a lookbehind"
                        + " '(?<!...)', which a linear-time engine cannot run (at character 1 of the pattern)"
                        + " (rules run on RE2/J, in linear time)")
                .hasMessageContaining("fix: drop the lookbehind and put what it excluded in the rule's 'notAfter'"
                        + " (e.g. notAfter: '[A-Za-z0-9]')");
    }

    @Test
    void checksSayWhatALookAroundSaid() throws Exception {
        RedactionRules r = user("rules:\n  - name: tok\n    pattern: 'tok[0-9]{4}'\n    notAfter: '[a-z]'\n"
                + "    notBefore: '[0-9]'\n  - name: kv\n    group: [1, 2]\n    pattern: 'k=(?:\"([^\"]+)\"|([^ ]+))'\n"
                + "    except: 'none(?:[^a-z]|$)'\n    requires: '[0-9]'\n");
        Redactor red = r.newRedactor();
        assertThat(red.redact("tok1234 xtok1234 tok12345 (tok5678)").text())
                .isEqualTo("[REDACTED:tok:1] xtok1234 tok12345 ([REDACTED:tok:2])");
        assertThat(red.redact("k=\"a1 b\" k=none k=\"none\" k=abc k=x9").text())
                .isEqualTo("k=\"[REDACTED:kv:3]\" k=none k=\"none\" k=abc k=[REDACTED:kv:4]");
    }

    @Test
    void aCheckTheLinearEngineRefusesIsAnErrorAtItsKey() {
        assertThatThrownBy(() -> user("rules:\n  - name: look\n    pattern: 'tok'\n    notAfter: '(a)\\1'\n"))
                .isInstanceOf(RedactionRulesException.class)
                .hasMessageContaining("my-rules.yaml:4:15: error [bad-pattern] rules[0].notAfter: the pattern uses a backreference");
    }
}
