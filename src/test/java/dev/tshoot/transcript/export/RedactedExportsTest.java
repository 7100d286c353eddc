package dev.tshoot.transcript.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.testing.RedactionCorpus;

/**
 * The redaction corpus (secrets planted in command outputs, answers, a secret answer and notes)
 * recorded through a real session: no secret appears in the transcript or in any export format,
 * including every file inside the bundle.
 */
class RedactedExportsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void noPlantedSecretReachesAnyExport(ExportFormat format) throws Exception {
        Path transcript = RedactionCorpus.recordSession(dir);
        assertThat(RedactionCorpus.secrets()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(RedactionCorpus.leaks(Files.readAllBytes(transcript))).as("transcript").isEmpty();

        Path out = dir.resolve("export" + format.extension());
        StringWriter log = new StringWriter();
        int code = new ExportJob(dir, Path.of("src/test/resources/playbooks/valid"))
                .run(new ExportJob.Request(transcript.toString(), format.id(), out.toString(), true, false), new PrintWriter(log));
        assertThat(code).as(log.toString()).isZero();
        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes.length).isPositive();
        assertThat(RedactionCorpus.leaks(bytes)).as(format.id()).isEmpty();
        if (format == ExportFormat.BUNDLE) {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                int entries = 0;
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    entries++;
                    assertThat(RedactionCorpus.leaks(zip.readAllBytes())).as("bundle entry " + e.getName()).isEmpty();
                }
                assertThat(entries).isGreaterThanOrEqualTo(5);
            }
        }
        if (format != ExportFormat.BUNDLE) {
            assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                    .as("the export shows where something was redacted").contains("[REDACTED:");
        }
    }
}
