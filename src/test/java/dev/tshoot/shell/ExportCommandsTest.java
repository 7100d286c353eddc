package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export} through its adapter: the options reach the export job and its status becomes the
 * exit status (the export job's messages in full are in ExportJobTest).
 */
class ExportCommandsTest {

    static final String FIXTURE = Path.of("src/test/resources/transcripts/002_checks_commands.jsonl").toAbsolutePath().toString();

    @TempDir
    Path dir;

    Adapters a = new Adapters();
    ExportCommands export;

    @BeforeEach
    void command() {
        export = new ExportCommands(Adapters.paths(Path.of("playbooks"), dir), a.exit);
    }

    @Test
    void dashWritesTheExportItselfToStandardOutputAndNothingElse() throws Exception {
        Path file = dir.resolve("case.json");
        export.export(a.out, FIXTURE, "json", file.toString(), false, false);
        a.run();
        export.export(a.out, FIXTURE, "json", "-", false, false);
        assertThat(a.run()).isEqualTo(new Adapters.Run(0, Files.readString(file)));
        export.export(a.out, FIXTURE, "bundle", "-", false, false);
        assertThat(a.run()).isEqualTo(new Adapters.Run(2, "A bundle is a zip file: it cannot go to standard output. Give --out a"
                + " file name, for example --out 002_checks_commands.zip.\n"));
    }

    @Test
    void writesRefusesToOverwriteWithoutForceAndOverwritesWithIt() throws Exception {
        Path out = dir.resolve("case.md");
        export.export(a.out, FIXTURE, "md", out.toString(), false, false);
        Adapters.Run r = a.run();
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).startsWith("Wrote " + out + " (md, ").contains("Integrity: OK: hash chain consistent (23 events)");
        assertThat(Files.readString(out)).contains("```mermaid");

        export.export(a.out, FIXTURE, "md", out.toString(), false, false);
        assertThat(a.run()).isEqualTo(new Adapters.Run(2, out + " already exists. Add --force to overwrite it, or choose another --out.\n"));

        export.export(a.out, FIXTURE, "html", out.toString(), true, false);
        Adapters.Run forced = a.run();
        assertThat(forced.exit()).as(forced.out()).isZero();
        assertThat(Files.readString(out)).startsWith("<!DOCTYPE html>");
    }

    @Test
    void badInputExitsTwoWithAHint() {
        export.export(a.out, FIXTURE, "mdd", dir.resolve("x").toString(), false, false);
        assertThat(a.run()).isEqualTo(new Adapters.Run(2,
                "Unknown export format 'mdd'. Did you mean 'md'? Formats: md, html, json, cast, bundle.\n"));
        Path none = dir.resolve("none.jsonl");
        export.export(a.out, none.toString(), null, dir.resolve("x.md").toString(), false, false);
        assertThat(a.run()).isEqualTo(new Adapters.Run(2,
                "Cannot export: No transcript at " + none + ". 'transcript list' shows the recorded sessions.\n"));
    }

    @Test
    void previewRedactionsWritesNothingAndExitsZero() throws Exception {
        export.export(a.out, FIXTURE, null, null, false, true);
        Adapters.Run r = a.run();
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("Total: 5 redactions in 2 events (aws-key 2, password 2, token 1).").contains("Nothing was written");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).isEmpty();
        }
    }
}
