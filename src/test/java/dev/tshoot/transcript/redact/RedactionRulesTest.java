package dev.tshoot.transcript.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tshoot.testing.Fixtures;

/** The default rules, case by case: what they withhold, what they leave alone, and how fast. */
class RedactionRulesTest {

    private static final String GHP = "ghp_R7kq2ZfX9mB4nW1cV8tY3uJ6hL0pD5sGa2Qe";
    private static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    /** name, input, expected output, expected counts ("rule=n,rule=n"). */
    static Stream<Arguments> cases() {
        return Stream.of(
                // private keys
                c("pem rsa", "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHC\nozMxH2Mo4lgOEePzNm0t==\n-----END RSA PRIVATE KEY-----\nok",
                        "-----BEGIN RSA PRIVATE KEY-----[REDACTED:private-key:1]-----END RSA PRIVATE KEY-----\nok", "private-key=1"),
                c("pem pkcs8 crlf", "-----BEGIN PRIVATE KEY-----\r\nMIIEvQIBADANBgkqhkiG9w0BAQEF\r\n-----END PRIVATE KEY-----",
                        "-----BEGIN PRIVATE KEY-----[REDACTED:private-key:1]-----END PRIVATE KEY-----", "private-key=1"),
                c("pem encrypted with headers", "-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F17F5316E2BAC89\n\nMHcCAQEEIBkg\n-----END EC PRIVATE KEY-----",
                        "-----BEGIN EC PRIVATE KEY-----[REDACTED:private-key:1]-----END EC PRIVATE KEY-----", "private-key=1"),
                c("pem openssh", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----",
                        "-----BEGIN OPENSSH PRIVATE KEY-----[REDACTED:private-key:1]-----END OPENSSH PRIVATE KEY-----", "private-key=1"),
                c("pem pgp block", "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF0abcEBCADx\n=Xyz1\n-----END PGP PRIVATE KEY BLOCK-----",
                        "-----BEGIN PGP PRIVATE KEY BLOCK-----[REDACTED:private-key:1]-----END PGP PRIVATE KEY BLOCK-----", "private-key=1"),
                c("pem cut off (output truncated)", "key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHC\nozMxH2Mo4lg",
                        "key:\n-----BEGIN RSA PRIVATE KEY-----[REDACTED:private-key:1]", "private-key=1"),
                c("pem with escaped newlines", "{\"key\":\"-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIBkg\\n-----END EC PRIVATE KEY-----\\n\"}",
                        "{\"key\":\"-----BEGIN EC PRIVATE KEY-----[REDACTED:private-key:1]-----END EC PRIVATE KEY-----\\n\"}", "private-key=1"),
                c("gcp service account", "{\"type\": \"service_account\", \"private_key_id\": \"3f1a\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADAN\\n-----END PRIVATE KEY-----\\n\", \"client_email\": \"a@b.iam.gserviceaccount.com\"}",
                        "{\"type\": \"service_account\", \"private_key_id\": \"3f1a\", \"private_key\": \"[REDACTED:gcp-private-key:1]\", \"client_email\": \"a@b.iam.gserviceaccount.com\"}",
                        "gcp-private-key=1"),
                // cloud keys
                c("aws access key id", "aws_access_key_id = AKIAZ7Q3R5T2V4X6Y8W1", "aws_access_key_id = [REDACTED:aws-access-key-id:1]",
                        "aws-access-key-id=1"),
                c("aws temporary key id in json", "{\"AccessKeyId\": \"ASIAY34FZKBOKMUTVV7A\"}",
                        "{\"AccessKeyId\": \"[REDACTED:aws-access-key-id:1]\"}", "aws-access-key-id=1"),
                c("aws secret key ini", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8T4LmN2b",
                        "aws_secret_access_key = [REDACTED:aws-secret-access-key:1]", "aws-secret-access-key=1"),
                c("aws secret key env", "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8T4LmN2b",
                        "AWS_SECRET_ACCESS_KEY=[REDACTED:aws-secret-access-key:1]", "aws-secret-access-key=1"),
                c("aws secret key json", "\"SecretAccessKey\": \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8T4LmN2b\",",
                        "\"SecretAccessKey\": \"[REDACTED:aws-secret-access-key:1]\",", "aws-secret-access-key=1"),
                c("azure connection string", "DefaultEndpointsProtocol=https;AccountName=diag;AccountKey=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==;EndpointSuffix=core.windows.net",
                        "DefaultEndpointsProtocol=https;AccountName=diag;AccountKey=[REDACTED:azure-storage-key:1];EndpointSuffix=core.windows.net",
                        "azure-storage-key=1"),
                c("azure service bus key", "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=q7Zx9wV8uT6sR4pO2nM0lK8jH6gF4dS2aQ0=",
                        "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=[REDACTED:azure-storage-key:1]",
                        "azure-storage-key=1"),
                c("azure sas", "https://a.blob.core.windows.net/c/b.log?sv=2022-11-02&sp=r&se=2026-12-31T00:00:00Z&sig=pX8yQ%2Bz3k9Lm4nB7vC1dE5fG6hJ0kL2mN8%3D",
                        "https://a.blob.core.windows.net/c/b.log?sv=2022-11-02&sp=r&se=2026-12-31T00:00:00Z&sig=[REDACTED:azure-sas-signature:1]",
                        "azure-sas-signature=1"),
                c("google api key", "key=AIzaSyD4kQ9xW2mE7rT1yU3iO5pA8sD0fG6hJ2k", "key=[REDACTED:google-api-key:1]", "google-api-key=1"),
                // code hosting and SaaS tokens
                c("github classic", "token " + GHP + " ok", "token [REDACTED:github-token:1] ok", "github-token=1"),
                c("github oauth user server refresh", "gho_16C7e42F292c6912E7710c838347Ae178B4a ghu_16C7e42F292c6912E7710c838347Ae178B4b "
                        + "ghs_16C7e42F292c6912E7710c838347Ae178B4c ghr_16C7e42F292c6912E7710c838347Ae178B4d",
                        "[REDACTED:github-token:1] [REDACTED:github-token:2] [REDACTED:github-token:3] [REDACTED:github-token:4]",
                        "github-token=4"),
                c("github fine-grained", "github_pat_11AZQW3EY0aBcDeFgHiJkL_mNoPqRsTuVwXyZ0123456789abcdefghijklmnopqrstuvwxyzABCDEFG",
                        "[REDACTED:github-token:1]", "github-token=1"),
                c("gitlab", "PRIVATE-TOKEN glpat-xY7zK9mN3pQ5rT1vW8aBcD", "PRIVATE-TOKEN [REDACTED:gitlab-token:1]", "gitlab-token=1"),
                c("slack bot and user", "xoxb-2048193746-5091827364-Zx8Qw2Er4Ty6Ui8Op0As2Df4 xoxp-1111222233-4444555566",
                        "[REDACTED:slack-token:1] [REDACTED:slack-token:2]", "slack-token=2"),
                c("stripe live and restricted", "sk_live_51H8xYzAbCdEfGhIjKlMnOpQr / rk_live_51H8xRestrictedKey0123",
                        "[REDACTED:stripe-key:1] / [REDACTED:stripe-key:2]", "stripe-key=2"),
                c("npm", "//registry.npmjs.org/:_authToken=npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",
                        "//registry.npmjs.org/:_authToken=[REDACTED:npm-token:1]", "npm-token=1"),
                c("docker hub", "echo dckr_pat_2b3e8f9a1c4d5e6f7a8b9c0d1e2 | docker login -u ci --password-stdin",
                        "echo [REDACTED:docker-hub-token:1] | docker login -u ci --password-stdin", "docker-hub-token=1"),
                c("jwt", "session=" + JWT + "; Path=/", "session=[REDACTED:jwt:1]; Path=/", "jwt=1"),
                // shapes of issue 11: escaped JSON, config files, command lines, look-alike keys
                c("jwt escaped dots", "t=eyJhbGciOiJIUzI1NiJ9\\u002eeyJzdWIiOiIxMjM0In0\\u002eSflKxwRJSMeKKF2QT4fw",
                        "t=[REDACTED:jwt-escaped:1]", "jwt-escaped=1"),
                c("json escaped", "{\\\"password\\\":\\\"Hunter-2-Blue\\\"}", "{\\\"password\\\":\\\"[REDACTED:json-escaped-secret:1]\\\"}",
                        "json-escaped-secret=1"),
                c("docker auth", "\"auth\": \"ZGVwbG95OlMzY3JldA==\"", "\"auth\": \"[REDACTED:docker-auth:1]\"", "docker-auth=1"),
                c("odbc", "Server=db;Uid=sa;Pwd=Q7v!rT;", "Server=db;Uid=sa;Pwd=[REDACTED:odbc-password:1];", "odbc-password=1"),
                c("netrc", "machine h login u password N3trc-S3cret", "machine h login u password [REDACTED:netrc-password:1]",
                        "netrc-password=1"),
                c("env pass", "DB_PASS=Pg-Env-1 MYSQL_PWD=My-Env-2", "DB_PASS=[REDACTED:env-password:1] MYSQL_PWD=[REDACTED:env-password:2]",
                        "env-password=2"),
                c("password flag", "tool --password Sp4ce-Flag", "tool --password [REDACTED:password-flag:1]", "password-flag=1"),
                c("mysql -p", "mysql -u root -pR00t-Flag db", "mysql -u root -p[REDACTED:mysql-password-flag:1] db",
                        "mysql-password-flag=1"),
                c("kubeconfig data", "client-key-data: LS0tLS1CRUdJTiBSU0E=", "client-key-data: [REDACTED:kubeconfig-data:1]",
                        "kubeconfig-data=1"),
                c("cookie", "Cookie: sid=9f8e7d6c5b4a", "Cookie: [REDACTED:cookie:1]", "cookie=1"),
                c("putty", "Private-Lines: 1\nAAAAIHB1dHR5\nPrivate-MAC: 8e", "Private-Lines: 1\n[REDACTED:putty-private-key:1]Private-MAC: 8e",
                        "putty-private-key=1"),
                c("oauth code", "/cb?code=SplxlOBeZQQYbYS6&state=x", "/cb?code=[REDACTED:oauth-code:1]&state=x", "oauth-code=1"),
                c("cyrillic key", "p\u0430ssw\u043Erd=Cyr1llic", "p\u0430ssw\u043Erd=[REDACTED:secret-assignment:1]", "secret-assignment=1"),
                c("full-width key", "\uff50\uff41\uff53\uff53\uff57\uff4f\uff52\uff44=Fullw1dth",
                        "\uff50\uff41\uff53\uff53\uff57\uff4f\uff52\uff44=[REDACTED:secret-assignment:1]", "secret-assignment=1"),
                // urls
                c("url password", "postgres://app:s3cr3t!pw@db.internal:5432/app", "postgres://app:[REDACTED:url-credentials:1]@db.internal:5432/app",
                        "url-credentials=1"),
                c("url password without user", "redis://:hunter2hunter2@cache:6379/0", "redis://:[REDACTED:url-credentials:1]@cache:6379/0",
                        "url-credentials=1"),
                c("url password holding an @", "https://bob:p@ss@host.example/x", "https://bob:[REDACTED:url-credentials:1]@host.example/x",
                        "url-credentials=1"),
                c("url token parameter", "GET /api?token=abc123def456&page=2 HTTP/1.1", "GET /api?token=[REDACTED:url-secret-parameter:1]&page=2 HTTP/1.1",
                        "url-secret-parameter=1"),
                c("url password parameter", "https://h/login?user=bob&password=Tr0ub4dor", "https://h/login?user=bob&password=[REDACTED:url-secret-parameter:1]",
                        "url-secret-parameter=1"),
                c("url fragment access token", "https://app/cb#access_token=ya29.a0AfH6SMB&token_type=bearer",
                        "https://app/cb#access_token=[REDACTED:url-secret-parameter:1]&token_type=bearer", "url-secret-parameter=1"),
                c("url presigned s3", "https://b.s3.amazonaws.com/k?X-Amz-Credential=x&X-Amz-Signature=9f86d081884c7d659a2feaa0c55ad015",
                        "https://b.s3.amazonaws.com/k?X-Amz-Credential=x&X-Amz-Signature=[REDACTED:url-secret-parameter:1]", "url-secret-parameter=1"),
                // authorization
                c("authorization basic", "Authorization: Basic ZGVwbG95OlRyMHViNGRvcg==", "Authorization: Basic [REDACTED:authorization-header:1]",
                        "authorization-header=1"),
                c("authorization bearer opaque", "> authorization: Bearer 8f14e45fceea167a5a36", "> authorization: Bearer [REDACTED:authorization-header:1]",
                        "authorization-header=1"),
                c("authorization other scheme", "Authorization: token 0123456789abcdef", "Authorization: token [REDACTED:authorization-header:1]",
                        "authorization-header=1"),
                c("authorization without scheme", "Authorization=0123456789abcdef", "Authorization=[REDACTED:authorization-header:1]",
                        "authorization-header=1"),
                c("authorization digest", "Authorization: Digest username=\"bob\", realm=\"x\", nonce=\"dcd98b\", response=\"6629fae49393a053\"",
                        "Authorization: Digest [REDACTED:authorization-header:1]", "authorization-header=1"),
                c("authorization aws4", "Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=fe5f80f77d5fa3be",
                        "Authorization: AWS4-HMAC-SHA256 [REDACTED:authorization-header:1]", "authorization-header=1"),
                c("proxy authorization", "Proxy-Authorization: Basic dXNlcjpwYXNz", "Proxy-Authorization: Basic [REDACTED:authorization-header:1]",
                        "authorization-header=1"),
                c("authorization in a quoted curl argument", "curl -H \"Authorization: Bearer abc123xyz\" -H \"Accept: application/json\" https://x",
                        "curl -H \"Authorization: Bearer [REDACTED:authorization-header:1]\" -H \"Accept: application/json\" https://x",
                        "authorization-header=1"),
                c("authorization json", "{\"Authorization\": \"Basic dXNlcjpwYXNz\"}", "{\"Authorization\": \"Basic [REDACTED:authorization-header:1]\"}",
                        "authorization-header=1"),
                c("bare bearer", "retrying with Bearer 3q2-7wAbCdEf0123456789xyz now", "retrying with Bearer [REDACTED:bearer-token:1] now",
                        "bearer-token=1"),
                // generic key-value
                c("password env", "DB_PASSWORD=s3cr3t-Pa55", "DB_PASSWORD=[REDACTED:secret-assignment:1]", "secret-assignment=1"),
                c("passwd yaml", "  passwd: hunter2hunter2", "  passwd: [REDACTED:secret-assignment:1]", "secret-assignment=1"),
                c("secret yaml quoted", "secret: 'a b c d'", "secret: '[REDACTED:secret-assignment:1]'", "secret-assignment=1"),
                c("client secret json", "{\"client_secret\":\"k9#Lm2$Qp7 with spaces\"}", "{\"client_secret\":\"[REDACTED:secret-assignment:1]\"}",
                        "secret-assignment=1"),
                c("api key ini", "api_key = 7d9f0c2b1a", "api_key = [REDACTED:secret-assignment:1]", "secret-assignment=1"),
                c("passphrase", "Passphrase: c0rrect-h0rse-battery", "Passphrase: [REDACTED:secret-assignment:1]", "secret-assignment=1"),
                c("password in a connection string", "Server=db;User Id=sa;Password=P@ssw0rd!;Encrypt=true",
                        "Server=db;User Id=sa;Password=[REDACTED:secret-assignment:1];Encrypt=true", "secret-assignment=1"),
                c("token in kubectl describe", "token:      abcdef0123456789", "token:      [REDACTED:secret-assignment:1]",
                        "secret-assignment=1"),
                c("password flag", "mysql --password=Corr3ct-H0rse -h db", "mysql --password=[REDACTED:secret-assignment:1] -h db",
                        "secret-assignment=1"),
                c("partially masked value", "password: ****abc", "password: [REDACTED:secret-assignment:1]", "secret-assignment=1"),
                // ties and overlaps
                c("jwt in an authorization header: the token format names it", "Authorization: Bearer " + JWT,
                        "Authorization: Bearer [REDACTED:jwt:1]", "jwt=1"),
                c("github token assigned: the token format names it", "export GITHUB_TOKEN=" + GHP,
                        "export GITHUB_TOKEN=[REDACTED:github-token:1]", "github-token=1"),
                c("github token as url password", "https://x-access-token:" + GHP + "@github.com/o/r.git",
                        "https://x-access-token:[REDACTED:github-token:1]@github.com/o/r.git", "github-token=1"),
                c("url holding a key parameter and a password", "https://u:pw12345@h/?api_key=k1k2k3k4",
                        "https://u:[REDACTED:url-credentials:1]@h/?api_key=[REDACTED:url-secret-parameter:2]",
                        "url-credentials=1,url-secret-parameter=1"),
                c("two rules, overlapping: one placeholder for the union", "password=" + GHP + "xyz!",
                        "password=[REDACTED:secret-assignment:1]", "secret-assignment=1"),
                // numbering
                c("the same secret twice: one number", "password=abcdefgh and again password=abcdefgh",
                        "password=[REDACTED:secret-assignment:1] and again password=[REDACTED:secret-assignment:1]", "secret-assignment=2"),
                c("two secrets: two numbers", "password=abcdefgh then password=ijklmnop",
                        "password=[REDACTED:secret-assignment:1] then password=[REDACTED:secret-assignment:2]", "secret-assignment=2"),
                c("already redacted: left alone", "password=[REDACTED:secret-assignment:3] and [REDACTED:playbook-secret:1]",
                        "password=[REDACTED:secret-assignment:3] and [REDACTED:playbook-secret:1]", ""));
    }

    private static Arguments c(String name, String in, String out, String counts) {
        Map<String, Integer> m = new LinkedHashMap<>();
        if (!counts.isEmpty()) {
            for (String kv : counts.split(",")) {
                String[] p = kv.split("=");
                m.put(p[0], Integer.valueOf(p[1]));
            }
        }
        return arguments(name, in, out, m);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachRuleWithholdsWhatItShould(String name, String input, String expected, Map<String, Integer> counts) {
        List<String> warnings = new ArrayList<>();
        Redactor r = RedactionRules.defaults().newRedactor(warnings::add);
        Redactor.Redacted out = r.redact(input);
        assertThat(out.text()).isEqualTo(expected);
        assertThat(out.counts()).isEqualTo(counts);
        assertThat(warnings).isEmpty();
        // redacting the result again changes nothing
        assertThat(RedactionRules.defaults().newRedactor().redact(out.text()).text()).isEqualTo(expected);
    }

    @Test
    void everyDefaultRuleHasACase() {
        Set<String> covered = new TreeSet<>();
        cases().forEach(a -> {
            @SuppressWarnings("unchecked")
            Map<String, Integer> m = (Map<String, Integer>) a.get()[3];
            covered.addAll(m.keySet());
        });
        assertThat(covered).containsAll(RedactionRules.defaults().names());
    }

    @Test
    void keywordsOnlySkipWorkAndNeverChangeTheResult() throws IOException {
        List<String> inputs = new ArrayList<>();
        cases().forEach(a -> inputs.add((String) a.get()[1]));
        dev.tshoot.testing.RedactionCorpus.entries().forEach(e -> inputs.add(e.text()));
        for (Object[] a : ordinaryOutputs().map(Arguments::get).toList()) {
            inputs.add(Files.readString((Path) a[1]));
        }
        inputs.add(random("-=:/@?&#\"' \\nAKIeyJ._xoghpsw", 9).substring(0, 200_000));
        List<RedactionRule> rules = RedactionRules.defaults().rules();
        for (String in : inputs) {
            Redactor fast = new Redactor(rules, w -> { }, Redactor.USER_RULE_BUDGET, true);
            Redactor full = new Redactor(rules, w -> { }, Redactor.USER_RULE_BUDGET, false);
            assertThat(fast.redact(in)).as(in.length() > 200 ? in.substring(0, 200) : in).isEqualTo(full.redact(in));
        }
        assertThat(rules).allSatisfy(r -> assertThat(r.keywords()).as(r.name()).isNotEmpty());
    }

    @Test
    void theDefaultsAreDataWithNamesAndDescriptions() {
        RedactionRules d = RedactionRules.defaults();
        assertThat(d.names()).doesNotHaveDuplicates().contains("private-key", "github-token", "secret-assignment");
        assertThat(d.rules()).allSatisfy(r -> {
            assertThat(r.name()).matches("[a-z0-9][a-z0-9-]*");
            assertThat(r.description()).isNotBlank();
            assertThat(r.builtin()).isTrue();
            assertThat(r.origin()).startsWith(RedactionRules.DEFAULTS_RESOURCE + ":");
        });
        assertThat(d.warnings()).isEmpty();
        assertThat(RedactionRules.defaults()).isSameAs(d);
    }

    static Stream<Arguments> ordinaryOutputs() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.resource("redaction/ordinary"))) {
            return files.sorted().map(p -> arguments(p.getFileName().toString(), p)).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ordinaryOutputs")
    void ordinaryTroubleshootingOutputStaysUntouched(String name, Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Redactor.Redacted out = RedactionRules.defaults().newRedactor().redact(text);
        assertThat(out.counts()).as(name).isEmpty();
        assertThat(out.text()).isEqualTo(text);
        // and line by line, as values of their own
        Redactor r = RedactionRules.defaults().newRedactor();
        for (String line : text.split("\n")) {
            assertThat(r.redact(line).text()).isEqualTo(line);
        }
    }

    @Test
    void playbookSecretsAreLiteralsOfFourCharactersOrMore() {
        Redactor r = RedactionRules.defaults().newRedactor();
        assertThat(r.addSecret("abc")).isFalse();
        assertThat(r.addSecret("   ")).isFalse();
        assertThat(r.addSecret(null)).isFalse();
        assertThat(r.addSecret("Velvet-Anchor-42")).isTrue();
        assertThat(r.addSecret("n0t3")).isTrue();
        Redactor.Redacted out = r.redact("abc Velvet-Anchor-42 abc; xVelvet-Anchor-42x n0t3");
        assertThat(out.text()).isEqualTo("abc [REDACTED:playbook-secret:1] abc; x[REDACTED:playbook-secret:1]x [REDACTED:playbook-secret:2]");
        assertThat(out.counts()).isEqualTo(Map.of("playbook-secret", 3));
        // a literal that a rule also catches is named as the playbook secret
        assertThat(r.addSecret("hunter2hunter2")).isTrue();
        assertThat(r.redact("password=hunter2hunter2").text()).isEqualTo("password=[REDACTED:playbook-secret:3]");
    }

    @Test
    void numbersFollowTheValueAcrossCallsAndRestartInANewRedactor() {
        Redactor r = RedactionRules.defaults().newRedactor();
        assertThat(r.redact("token " + GHP).text()).isEqualTo("token [REDACTED:github-token:1]");
        assertThat(r.redact("password=abcdefgh").text()).isEqualTo("password=[REDACTED:secret-assignment:2]");
        // the same value caught by another rule keeps its number
        assertThat(r.redact("password=" + GHP).text()).isEqualTo("password=[REDACTED:github-token:1]");
        assertThat(RedactionRules.defaults().newRedactor().redact("password=abcdefgh").text())
                .isEqualTo("password=[REDACTED:secret-assignment:1]");
    }

    @Test
    void noRulesMeansOnlyPlaybookSecrets() {
        Redactor r = RedactionRules.none().newRedactor();
        r.addSecret("Velvet-Anchor-42");
        assertThat(r.redact("password=abcdefgh Velvet-Anchor-42").text()).isEqualTo("password=abcdefgh [REDACTED:playbook-secret:1]");
    }

    // ---- speed: every pattern on 1 MiB of random and of pathological text -----------------------

    private static final int MIB = 1 << 20;

    static Stream<Arguments> megabytes() {
        return Stream.of(
                big("random printable ascii", () -> random(" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
                        + "abcdefghijklmnopqrstuvwxyz{|}~\n\t", 1)),
                big("random base64", () -> random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=", 2)),
                big("random pattern-significant characters", () -> random("-=:/@?&#\"' \\nAKIeyJ._xogh", 3)),
                big("random tokens and keywords", () -> randomWords(new String[] {"password", "token", "=", ":", " ", "\"", "'",
                        "Bearer ", "Authorization: ", "eyJ", ".", "-----BEGIN PRIVATE KEY-----", "-----", "https://", "u:p@", "?token=",
                        "AKIA", "ghp_", "sig=", "AccountKey=", "\"private_key\": \"", "\\n", "\n", "a", "0", ",", "secret"}, 4)),
                big("one character", () -> "a".repeat(MIB)),
                big("spaces", () -> " ".repeat(MIB)),
                big("newlines", () -> "\n".repeat(MIB)),
                big("pem begin lines", () -> repeat("-----BEGIN PRIVATE KEY-----")),
                big("pem begin then dashes", () -> "-----BEGIN RSA PRIVATE KEY-----" + repeat("a-")),
                big("pem begin then base64 without end", () -> "-----BEGIN RSA PRIVATE KEY-----\n" + repeat("QUJD\n")),
                big("authorization then separators", () -> "Authorization: Digest " + repeat("a=\",")),
                big("authorization headers", () -> repeat("Authorization: ")),
                big("authorization then commas", () -> "authorization: x " + repeat(", ")),
                big("jwt starts", () -> repeat("eyJ")),
                big("jwt parts", () -> repeat("eyJa.eyJa.")),
                big("jwt without dots", () -> "eyJ" + "a".repeat(MIB)),
                big("password keys", () -> repeat("password=")),
                big("password then masks", () -> "password: " + "*".repeat(MIB)),
                big("token keys", () -> repeat("token:")),
                big("quoted secret keys", () -> repeat("\"secret\": \"")),
                big("schemes", () -> repeat("a://")),
                big("url user then no at", () -> "http://u:" + "p".repeat(MIB)),
                big("url credentials", () -> repeat("https://a:b")),
                big("query tokens", () -> repeat("?token=")),
                big("aws prefixes", () -> repeat("AKIA")),
                big("github prefix then letters", () -> "ghp_" + "a".repeat(MIB)),
                big("gcp keys", () -> repeat("\"private_key\": \"")),
                big("gcp key then letters", () -> "\"private_key\":\"" + "a".repeat(MIB)),
                big("bearer then letters", () -> "Bearer " + "a".repeat(MIB)),
                big("bearer words", () -> repeat("Bearer ")),
                big("sas signatures", () -> repeat("sig=")),
                big("account keys", () -> repeat("AccountKey=")),
                big("placeholders", () -> repeat("[REDACTED:x:1]")),
                big("escaped newlines", () -> repeat("\\n")));
    }

    private static Arguments big(String name, Supplier<String> text) {
        return arguments(name, text);
    }

    private static String repeat(String s) {
        return s.repeat(MIB / s.length() + 1).substring(0, MIB);
    }

    private static String random(String alphabet, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(MIB);
        for (int i = 0; i < MIB; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String randomWords(String[] words, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(MIB + 64);
        while (sb.length() < MIB) {
            sb.append(words[r.nextInt(words.length)]);
        }
        return sb.substring(0, MIB);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("megabytes")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aMebibyteOfOutputIsRedactedWithoutRunningAway(String name, Supplier<String> text) {
        String in = text.get();
        List<String> warnings = new ArrayList<>();
        Redactor r = RedactionRules.defaults().newRedactor(warnings::add);
        r.addSecret("Velvet-Anchor-42");
        Redactor.Redacted out = r.redact(in);
        assertThat(out.text()).isNotNull();
        // no rule had to fail closed (a stack overflow would have been caught and reported here)
        assertThat(warnings).isEmpty();
    }
}
