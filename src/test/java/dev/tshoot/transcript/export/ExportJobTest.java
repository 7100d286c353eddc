package dev.tshoot.transcript.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export command's checks, messages and exit statuses (0 written, 2 bad input), without the shell. */
class ExportJobTest {

    @TempDir
    Path dir;

    Path transcripts;
    String out;

    @BeforeEach
    void copyFixtures() throws Exception {
        transcripts = Files.createDirectories(dir.resolve("transcripts"));
        for (String name : ExportFixtures.NAMES) {
            Files.copy(ExportFixtures.file(name), transcripts.resolve(name + ".jsonl"));
        }
    }

    int run(String transcript, String format, String target, boolean force, boolean preview) {
        StringWriter s = new StringWriter();
        int status = new ExportJob(transcripts, Path.of("src/test/resources/playbooks/valid"))
                .run(new ExportJob.Request(transcript, format, target, force, preview), new PrintWriter(s));
        out = s.toString();
        return status;
    }

    @Test
    void writesTheExportAndSaysWhereWithTheIntegrity() throws Exception {
        Path target = dir.resolve("case.md");
        assertThat(run("002_checks_commands.jsonl", "md", target.toString(), false, false)).isZero();
        assertThat(out).contains("Wrote " + target + " (md, ").contains("Integrity: OK: hash chain consistent (23 events)")
                .contains("Playbook: playbook file found");
        assertThat(Files.readString(target, StandardCharsets.UTF_8)).startsWith("# tshoot session `e0000002`");
        if (Files.getFileAttributeView(target, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                    .as("exports hold what transcripts hold: owner only").isEqualTo("rw-------");
        }
        assertThat(Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".tmp"))).as("no temporary file left").isEmpty();
    }

    @Test
    void anExistingFileIsRefusedWithoutForceAndReplacedWithIt() throws Exception {
        Path target = Files.writeString(dir.resolve("case.html"), "keep me");
        assertThat(run("002_checks_commands.jsonl", "html", target.toString(), false, false)).isEqualTo(2);
        assertThat(out).contains(target + " already exists. Add --force to overwrite it, or choose another --out.");
        assertThat(Files.readString(target)).isEqualTo("keep me");
        assertThat(run("002_checks_commands.jsonl", "html", target.toString(), true, false)).isZero();
        assertThat(Files.readString(target)).startsWith("<!DOCTYPE html>");
    }

    @Test
    void anUnknownFormatGetsADidYouMean() {
        assertThat(run("002_checks_commands.jsonl", "mdd", dir.resolve("x").toString(), false, false)).isEqualTo(2);
        assertThat(out).contains("Unknown export format 'mdd'. Did you mean 'md'? Formats: md, html, json, cast, bundle.");
        assertThat(run("002_checks_commands.jsonl", "bundel", dir.resolve("x").toString(), false, false)).isEqualTo(2);
        assertThat(out).contains("Did you mean 'bundle'?");
    }

    @Test
    void theFormatFollowsTheOutputNameWhenNotGiven() throws Exception {
        assertThat(run("002_checks_commands.jsonl", null, dir.resolve("rec.cast").toString(), false, false)).isZero();
        assertThat(Files.readString(dir.resolve("rec.cast"))).startsWith("{\"version\":2,");
        assertThat(run("002_checks_commands.jsonl", null, dir.resolve("rec.txt").toString(), false, false)).isEqualTo(2);
        assertThat(out).contains("Name the format: --format md|html|json|cast|bundle");
    }

    @Test
    void unwritableOrMissingTargetsAreBadInput() throws Exception {
        assertThat(run("002_checks_commands.jsonl", "json", dir.resolve("no/such/folder/x.json").toString(), false, false))
                .isEqualTo(2);
        assertThat(out).contains("does not exist. Create it, or choose another --out.");
        assertThat(run("002_checks_commands.jsonl", "json", dir.toString(), true, false)).isEqualTo(2);
        assertThat(out).contains("it is a folder");
        assertThat(run("002_checks_commands.jsonl", "json", null, false, false)).isEqualTo(2);
        assertThat(out).contains("Name the file to write: --out <file>, for example --out 002_checks_commands.json.");
        Path t = transcripts.resolve("001_walk_resolved.jsonl");
        assertThat(run(t.toString(), "json", t.toString(), true, false)).isEqualTo(2);
        assertThat(out).contains("Refusing to write over the transcript itself");
    }

    @Test
    void unreadableTranscriptsAreBadInputWithoutAStackTrace() throws Exception {
        assertThat(run("missing.jsonl", "md", dir.resolve("x.md").toString(), false, false)).isEqualTo(2);
        assertThat(out).contains("Cannot export: No transcript at missing.jsonl. 'transcript list' shows the recorded sessions.");
        Path notOne = Files.writeString(dir.resolve("notes.jsonl"), "{\"hello\":1}\n");
        assertThat(run(notOne.toString(), "md", dir.resolve("x.md").toString(), false, false)).isEqualTo(2);
        assertThat(out).contains("is not a tshoot transcript").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run(null, "md", dir.resolve("x.md").toString(), false, false)).isEqualTo(2);
        assertThat(out).contains("Name the transcript: export <transcript>");
        assertThat(dir.resolve("x.md")).doesNotExist();
    }

    @Test
    void brokenAndTornTranscriptsAreExportedAndSaySo() {
        assertThat(run("004_tampered.jsonl", "md", dir.resolve("b.md").toString(), false, false)).isZero();
        assertThat(out).contains("Integrity: BROKEN at event 11 (line 12). BROKEN at line 12: event 11 was altered");
        assertThat(run("005_torn.jsonl", "bundle", dir.resolve("t.zip").toString(), false, false)).isZero();
        assertThat(out).contains("Integrity: TORN TAIL at line 23");
    }

    @Test
    void previewListsRedactionsPerEventAndTotalAndWritesNothing() {
        Path target = dir.resolve("never.html");
        assertThat(run("002_checks_commands.jsonl", null, target.toString(), false, true)).isZero();
        assertThat(out).contains("Redactions recorded in 002_checks_commands.jsonl")
                .containsPattern("event 6 +note at ask-name +password ×1, token ×1")
                .containsPattern("event 11 +command-ran at read-vmx +aws-key ×2, password ×1")
                .contains("Total: 5 redactions in 2 events (aws-key 2, password 2, token 1).")
                .contains("Nothing was written").contains("(--out " + target + " was not written.)");
        assertThat(target).doesNotExist();
        assertThat(run("001_walk_resolved.jsonl", null, null, false, true)).isZero();
        assertThat(out).contains("No redactions recorded in 001_walk_resolved.jsonl");
    }
}
