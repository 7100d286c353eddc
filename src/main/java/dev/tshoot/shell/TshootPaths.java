package dev.tshoot.shell;

import java.nio.file.Path;


/**
 * Where playbooks are read and transcripts written. Defaults are {@code playbooks/} and
 * {@code transcripts/} under {@code tshoot.home} (the launcher sets it to its own folder; otherwise
 * the current folder). Override with {@code -Dtshoot.playbooks=…}, {@code -Dtshoot.transcripts=…}
 * or the environment variables TSHOOT_PLAYBOOKS and TSHOOT_TRANSCRIPTS.
 *
 * <p>The user's redaction rules (docs/redaction.md) are read from {@code -Dtshoot.redaction=…} or
 * TSHOOT_REDACTION when set, otherwise from {@code redaction.yaml} under {@code tshoot.home} if present;
 * the user's additions to the read-only list (docs/security.md) likewise from {@code tshoot.consent},
 * TSHOOT_CONSENT or {@code consent.yaml}, and the keys whose playbook signatures the user trusts from
 * {@code tshoot.trusted-keys}, TSHOOT_TRUSTED_KEYS or {@code trusted-keys}. Properties are looked up through a function
 * ({@link Settings#property} in use), so both front ends and the tests resolve them alike.
 */
public class TshootPaths {

    private final Path home;
    private final Path playbooks;
    private final Path transcripts;
    private final Path redaction;
    private final boolean redactionNamed;
    private final Path consent;
    private final boolean consentNamed;
    private final Path trustedKeys;
    private final boolean trustedKeysNamed;

    public TshootPaths(java.util.function.Function<String, String> env) {
        this.home = Path.of(env.apply("tshoot.home") == null ? "." : env.apply("tshoot.home"));
        this.playbooks = pick(env, "tshoot.playbooks", "TSHOOT_PLAYBOOKS", home.resolve("playbooks"));
        this.transcripts = pick(env, "tshoot.transcripts", "TSHOOT_TRANSCRIPTS", home.resolve("transcripts"));
        this.redaction = pick(env, "tshoot.redaction", "TSHOOT_REDACTION", home.resolve("redaction.yaml"));
        this.redactionNamed = !isBlank(env.apply("tshoot.redaction")) || !isBlank(System.getenv("TSHOOT_REDACTION"));
        this.consent = pick(env, "tshoot.consent", "TSHOOT_CONSENT", home.resolve("consent.yaml"));
        this.consentNamed = !isBlank(env.apply("tshoot.consent")) || !isBlank(System.getenv("TSHOOT_CONSENT"));
        this.trustedKeys = pick(env, "tshoot.trusted-keys", "TSHOOT_TRUSTED_KEYS", home.resolve("trusted-keys"));
        this.trustedKeysNamed = !isBlank(env.apply("tshoot.trusted-keys"))
                || !isBlank(System.getenv("TSHOOT_TRUSTED_KEYS"));
    }

    private static Path pick(java.util.function.Function<String, String> env, String property, String variable, Path fallback) {
        String v = env.apply(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(variable);
        }
        return v == null || v.isBlank() ? fallback.normalize() : Path.of(v);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public Path home() { return home; }

    public Path playbooks() { return playbooks; }

    public Path transcripts() { return transcripts; }

    /** The user's redaction rules file (it may not exist). */
    public Path redaction() { return redaction; }

    /** True when the redaction rules file was named on purpose (property or variable): then it must exist. */
    public boolean redactionNamed() { return redactionNamed; }

    /** The user's additions to tshoot's read-only list (the file may not exist). */
    public Path consent() { return consent; }

    /** True when the consent file was named on purpose (property or variable): then it must exist. */
    public boolean consentNamed() { return consentNamed; }

    /** The keys whose playbook signatures the user trusts (the file may not exist). */
    public Path trustedKeys() { return trustedKeys; }

    /** True when the trusted keys file was named on purpose (property or variable): then it must exist. */
    public boolean trustedKeysNamed() { return trustedKeysNamed; }
}
