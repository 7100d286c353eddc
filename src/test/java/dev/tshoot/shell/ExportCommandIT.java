package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.testing.JarRunner;

/**
 * {@code tshoot export ...} through the packaged jar: its options and flags parse and the file is
 * written. Refusals, formats and previews are tested on the adapter (ExportCommandsTest) and the
 * export job (ExportJobTest).
 */
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
    void exportsAndOverwritesWithForce() throws Exception {
        Path out = dir.resolve("case.md");
        JarRunner.Run r = tshoot.run(null, "export", FIXTURE, "--format", "md", "--out", out.toString());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("Wrote " + out).contains("Integrity: OK: hash chain consistent (23 events)");
        assertThat(Files.readString(out)).contains("```mermaid");
        JarRunner.Run forced = tshoot.run(null, "export", FIXTURE, "-f", "html", "-o", out.toString(), "--force");
        assertThat(forced.exit()).as(forced.out()).isZero();
        assertThat(Files.readString(out)).startsWith("<!DOCTYPE html>");
    }
}
