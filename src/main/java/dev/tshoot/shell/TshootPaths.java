package dev.tshoot.shell;

import java.nio.file.Path;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where playbooks are read and transcripts written. Defaults are {@code playbooks/} and
 * {@code transcripts/} under {@code tshoot.home} (the launcher sets it to its own folder; otherwise
 * the current folder). Override with {@code -Dtshoot.playbooks=…}, {@code -Dtshoot.transcripts=…}
 * or the environment variables TSHOOT_PLAYBOOKS and TSHOOT_TRANSCRIPTS.
 */
@Component
public class TshootPaths {

    private final Path home;
    private final Path playbooks;
    private final Path transcripts;

    public TshootPaths(Environment env) {
        this.home = Path.of(env.getProperty("tshoot.home", "."));
        this.playbooks = pick(env, "tshoot.playbooks", "TSHOOT_PLAYBOOKS", home.resolve("playbooks"));
        this.transcripts = pick(env, "tshoot.transcripts", "TSHOOT_TRANSCRIPTS", home.resolve("transcripts"));
    }

    private static Path pick(Environment env, String property, String variable, Path fallback) {
        String v = env.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(variable);
        }
        return v == null || v.isBlank() ? fallback.normalize() : Path.of(v);
    }

    public Path home() { return home; }

    public Path playbooks() { return playbooks; }

    public Path transcripts() { return transcripts; }
}
