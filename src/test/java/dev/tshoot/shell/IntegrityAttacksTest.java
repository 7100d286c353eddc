package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import dev.tshoot.testing.Fixtures;
import dev.tshoot.transcript.export.ExportFormat;
import dev.tshoot.transcript.export.ExportSource;
import dev.tshoot.transcript.export.Exporter;

/**
 * The integrity attacks: numbered transcripts under {@code attacks/integrity} (made from
 * {@code 000_sealed.jsonl}, a recorded session whose seal is in {@code expected.tsv}), each run
 * through {@code transcript verify} with and without the seal and through {@code replay --verify},
 * with the exit status and the verdict line expected. Without a checked seal, neither verify nor
 * any export claims that no line was changed, inserted or removed.
 */
class IntegrityAttacksTest {

    static final Path DIR = Path.of("src/test/resources/attacks/integrity");
    static final String PLAYBOOK = DIR.resolve("walk.yaml").toString(); // the recorded playbook, under its id
    static final String SEALED_CLAIM = "no line was changed, inserted or removed";

    record Row(String file, List<String> command, int exit, String line) {}

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String l : Files.readAllLines(DIR.resolve("expected.tsv"))) {
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            String[] c = l.split("\t");
            List<String> cmd = List.of(c[1].split(" ", 3)); // verify --seal <code, which may hold spaces>
            rows.add(new Row(c[0], cmd, Integer.parseInt(c[2]), c[3]));
        }
        return rows;
    }

    @Test
    void eachAttackGetsItsVerdictAndExitStatus() throws IOException {
        Adapters a = new Adapters();
        TranscriptCommands transcripts = new TranscriptCommands(Adapters.paths(Path.of("playbooks"), DIR), null, a.exit);
        ReplayCommands replay = new ReplayCommands(Adapters.catalog(Path.of("playbooks")), Fixtures.engine(), transcripts,
                null, null, a.exit);
        List<Row> rows = rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(12);
        org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
        for (Row r : rows) {
            Path file = DIR.resolve(r.file());
            assertThat(file).exists();
            switch (r.command().get(0)) {
                case "verify" -> transcripts.verify(a.out, file.toString(),
                        r.command().size() > 2 ? r.command().get(2) : null);
                case "replay" -> replay.verify(a.out, file, PLAYBOOK);
                default -> throw new IllegalArgumentException("expected.tsv: unknown command " + r.command());
            }
            Adapters.Run run = a.run();
            String what = r.file() + " " + String.join(" ", r.command()) + ":\n" + run.out();
            soft.assertThat(run.exit()).as(what).isEqualTo(r.exit());
            soft.assertThat(run.out().lines().map(String::strip)).as(what).contains(r.line());
            boolean sealed = run.out().startsWith("SEALED");
            soft.assertThat(run.out().toLowerCase(Locale.ROOT).contains(SEALED_CLAIM)).as(what).isEqualTo(sealed);
        }
        soft.assertAll();
    }

    @Test
    void noExportOfAnAttackClaimsThatNoLineWasChanged() throws Exception {
        try (var files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                ExportSource source = ExportSource.load(f, dev.tshoot.transcript.export.ExportFixtures.PLAYBOOKS);
                for (ExportFormat format : ExportFormat.values()) {
                    String text = text(format, new Exporter().export(source, format)).toLowerCase(Locale.ROOT);
                    assertThat(text).as(f.getFileName() + " as " + format).doesNotContain(SEALED_CLAIM);
                    if (source.integrity().status() == dev.tshoot.transcript.TranscriptVerifier.Status.OK) {
                        assertThat(text).as(f.getFileName() + " as " + format)
                                .contains("a recomputed chain or removed last lines cannot be detected without the seal");
                    }
                }
            }
        }
    }

    /** The export's text; a bundle's entries one after the other. */
    private static String text(ExportFormat format, byte[] bytes) throws IOException {
        if (format != ExportFormat.BUNDLE) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        StringBuilder sb = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (!e.getName().equals("transcript.jsonl")) {
                    sb.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return sb.toString();
    }
}
