package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.testing.JarRunner;

/** {@code tshoot export ...} through the packaged jar: syntax, flags and exit statuses. */
class ExportCommandIT {

    static final String FIXTURE = Path.of("src/test/resources/transcripts/002_checks_commands.jsonl").toAbsolutePath().toString();

    @TempDir
    Path dir;

    JarRunner tshoot;

    @BeforeEach
    void setUp() {
        tshoot = new JarRunner(dir);
    }

    @Test
    void exportsRefusesToOverwriteWithoutForceAndOverwritesWithIt() throws Exception {
        Path out = dir.resolve("case.md");
        JarRunner.Run r = tshoot.run(null, "export", FIXTURE, "--format", "md", "--out", out.toString());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("Wrote " + out).contains("Integrity: OK: hash chain verified (23 events)");
        assertThat(Files.readString(out)).contains("```mermaid");
        JarRunner.Run again = tshoot.run(null, "export", FIXTURE, "--format", "md", "--out", out.toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.out()).contains("already exists. Add --force to overwrite it");
        JarRunner.Run forced = tshoot.run(null, "export", FIXTURE, "--format", "html", "--out", out.toString(), "--force");
        assertThat(forced.exit()).as(forced.out()).isZero();
        assertThat(Files.readString(out)).startsWith("<!DOCTYPE html>");
    }

    @Test
    void badInputExitsTwoWithAHint() throws Exception {
        JarRunner.Run unknown = tshoot.run(null, "export", FIXTURE, "--format", "mdd", "--out", dir.resolve("x").toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.out()).contains("Unknown export format 'mdd'. Did you mean 'md'?");
        JarRunner.Run missing = tshoot.run(null, "export", dir.resolve("none.jsonl").toString(), "--out", dir.resolve("x.md").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.out()).contains("Cannot export: No transcript at").doesNotContain("Exception");
    }

    @Test
    void previewRedactionsWritesNothing() throws Exception {
        JarRunner.Run r = tshoot.run(null, "export", FIXTURE, "--preview-redactions");
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("Total: 5 redactions in 2 events").contains("Nothing was written");
    }
}
