package dev.tshoot.transcript.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tshoot.playbook.BoundedFiles;
import dev.tshoot.playbook.CaseFile;
import dev.tshoot.playbook.Finding;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.transcript.TranscriptHeader;
import dev.tshoot.transcript.TranscriptReader;
import dev.tshoot.transcript.TranscriptVerifier;

/**
 * Files named by a test case, a transcript or a file name: the numbered attacks under
 * {@code src/test/resources/attacks/files}, each with the message tshoot gives instead of reading.
 */
class FileAttacksTest {

    static final Path ATTACKS = Path.of("src/test/resources/attacks/files");

    @TempDir
    Path dir;

    static String expected(String fixture) throws Exception {
        return Files.readString(ATTACKS.resolve(fixture + ".expected"), StandardCharsets.UTF_8).strip();
    }

    static Finding onlyFinding(CaseFile c) {
        assertThat(c.findings()).as("one finding, at the stdoutFile").hasSize(1);
        Finding f = c.findings().get(0);
        assertThat(f.message()).as("the case file is refused, not read").isNotNull();
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {"001_stdout_dotdot", "002_stdout_absolute", "003_stdout_device"})
    void aCaseFilesStdoutFileStaysInItsFolder(String fixture) throws Exception {
        Path file = ATTACKS.resolve(fixture + ".yaml");
        Finding f = onlyFinding(CaseFile.read(file));
        assertThat(f.message()).isEqualTo(expected(fixture).replace("{dir}", file.toAbsolutePath().getParent().toString()));
        assertThat(f.hint()).isEqualTo("give a regular file in the case file's folder or below it, at most 16 MiB");
    }

    @Test
    void aSymbolicLinkOutOfTheCaseFolderIsRefused() throws Exception {
        Path cases = Files.createDirectories(dir.resolve("cases"));
        Path secret = Files.writeString(dir.resolve("secret.txt"), "root:x:0:0\n");
        Files.copy(ATTACKS.resolve("004_stdout_symlink_out.yaml"), cases.resolve("c.yaml"));
        Files.createSymbolicLink(cases.resolve("link-out.txt"), secret);
        Finding f = onlyFinding(CaseFile.read(cases.resolve("c.yaml")));
        assertThat(f.message()).isEqualTo(expected("004_stdout_symlink_out")
                .replace("{dir}", cases.toAbsolutePath().toString()));
    }

    @Test
    void aLinkInsideTheCaseFolderAndAPlainFileAreRead() throws Exception {
        Path cases = Files.createDirectories(dir.resolve("cases"));
        Files.writeString(Files.createDirectories(cases.resolve("out")).resolve("lscpu.txt"), "Flags: vmx\n");
        Files.createSymbolicLink(cases.resolve("link-out.txt"), cases.resolve("out/lscpu.txt"));
        Files.copy(ATTACKS.resolve("004_stdout_symlink_out.yaml"), cases.resolve("c.yaml"));
        CaseFile c = CaseFile.read(cases.resolve("c.yaml"));
        assertThat(c.findings()).isEmpty();
        assertThat(c.commands().get("lscpu").get(0).stdout()).isEqualTo("Flags: vmx\n");
    }

    @Test
    void aStdoutFileOverTheLimitIsRefusedNotCut() throws Exception {
        Path big = dir.resolve("big.txt");
        try (var out = Files.newOutputStream(big)) {
            out.write(new byte[CaseFile.MAX_STDOUT_FILE_BYTES + 1]);
        }
        try {
            BoundedFiles.read(big, CaseFile.MAX_STDOUT_FILE_BYTES, "stdoutFile");
            throw new AssertionError("read a file over the limit");
        } catch (BoundedFiles.Refused e) {
            assertThat(e.problem()).isEqualTo(BoundedFiles.Problem.TOO_LARGE);
            assertThat(e.getMessage()).isEqualTo("stdoutFile " + big + " is larger than 16777216 bytes, the most tshoot reads of it.");
        }
    }

    @Test
    void aTranscriptCannotMakeExportReadAFileOutsideThePlaybookFolders() throws Exception {
        // a file outside both allowed folders whose hash the transcript knows: neither read nor revealed
        Path outside = Files.createDirectories(dir.resolve("home/.ssh"));
        Path target = Files.copy(Path.of(ExportFixtures.WALK), outside.resolve("id_ed25519"));
        String sha = PlaybookLoader.sha256(Files.readAllBytes(target));
        Path transcripts = Files.createDirectories(dir.resolve("transcripts"));
        Path playbooks = Files.createDirectories(dir.resolve("playbooks"));
        for (String named : List.of(target.toString(), "../home/.ssh/id_ed25519", "../../" + dir.getFileName() + "/home/.ssh/id_ed25519")) {
            PinnedPlaybook p = PinnedPlaybook.find(new TranscriptHeader.PlaybookRef("walk", "1.2.0", "Test walk", sha, named),
                    transcripts.resolve("t.jsonl"), playbooks);
            assertThat(p.status()).as(named).isEqualTo(PinnedPlaybook.Status.NOT_FOUND);
            assertThat(p.bytes()).isNull();
            assertThat(p.message()).isEqualTo(expected("005_pinned_playbook_outside").replace("{file}", named));
        }
        // the same file in the playbook folder is found
        Files.copy(target, playbooks.resolve("id_ed25519"));
        assertThat(PinnedPlaybook.find(new TranscriptHeader.PlaybookRef("walk", "1.2.0", "Test walk", sha, target.toString()),
                transcripts.resolve("t.jsonl"), playbooks).status()).isEqualTo(PinnedPlaybook.Status.FOUND);
    }

    @Test
    void verifyReplayAndExportRefuseADeviceBeforeOpeningIt() throws Exception {
        Path zero = Path.of("/dev/zero");
        assumeThat(Files.exists(zero)).isTrue();
        String want = expected("006_transcript_not_regular").replace("{file}", zero.toString());
        TranscriptVerifier.Result v = new TranscriptVerifier().verify(zero);
        assertThat(v.status()).isEqualTo(TranscriptVerifier.Status.UNREADABLE);
        assertThat(v.message()).isEqualTo(want);
        assertThat(v.exitStatus()).isEqualTo(2);
        assertThat(unreadable(() -> TranscriptReader.header(zero))).isEqualTo(want);
        assertThat(unreadable(() -> ExportSource.load(zero, null))).isEqualTo(want);
    }

    @Test
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("t.jsonl");
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (java.io.IOException e) {
            assumeThat(false).as("mkfifo is not available").isTrue();
            return;
        }
        assumeThat(p.waitFor()).isZero();
        String want = expected("006_transcript_not_regular").replace("{file}", fifo.toString());
        assertThat(new TranscriptVerifier().verify(fifo).message()).isEqualTo(want);
        assertThat(unreadable(() -> TranscriptReader.read(fifo))).isEqualTo(want);
    }

    @Test
    void aFolderIsNotATranscript() {
        assertThat(unreadable(() -> TranscriptReader.header(dir))).isEqualTo(dir
                + " is a folder: tshoot reads a transcript only from a regular file. Copy it into one first.");
    }

    @Test
    void exportRefusesATranscriptOverItsLimitAndSaysWhatReadsIt() throws Exception {
        Path t = ExportFixtures.file("001_walk_resolved");
        int size = (int) java.nio.file.Files.size(t);
        assertThat(unreadable(() -> ExportSource.load(t, null, size - 1))).isEqualTo("transcript " + t
                + " is larger than " + (size - 1) + " bytes, the most tshoot reads of it. An export renders the"
                + " whole case as one page; 'transcript verify' and 'replay' read a transcript of any size.");
        assertThat(ExportSource.load(t, null, size).rawEvents()).isNotEmpty();
    }

    interface Read {
        Object run() throws Exception;
    }

    static String unreadable(Read r) {
        try {
            r.run();
        } catch (TranscriptReader.UnreadableException e) {
            return e.getMessage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("read it");
    }

    @Test
    void zipEntryNamesAreSafeOnEveryPlatform() throws Exception {
        int n = 0;
        for (String line : Files.readAllLines(ATTACKS.resolve("007_zip_entry_names.tsv"), StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            String given = cols[0].replace("\\\\", "\\").replace("\\0", "\0").replace("\\t", "\t");
            String safe = ZipNames.segment(given, "playbook.yaml");
            assertThat(safe).as(cols[0]).isEqualTo(cols[1]);
            assertThat(ZipNames.safe("playbook/" + safe)).as(cols[0]).isTrue();
            n++;
        }
        assertThat(n).isEqualTo(15);
        assertThat(ZipNames.safe("playbook/../evil")).isFalse();
        assertThat(ZipNames.safe("/evil")).isFalse();
        assertThat(ZipNames.safe("playbook/a\\b")).isFalse();
    }
    @Test
    void aBundleNamesAHostilePlaybookFileSafely() throws Exception {
        String hostile = "..\\..\\Users\\Public\\evil.yaml"; // one file name on Linux, a path to Windows
        Path playbooks = Files.createDirectories(dir.resolve("playbooks"));
        Files.copy(Path.of(ExportFixtures.WALK), playbooks.resolve(hostile));
        ExportFixtures.Recording rec = new ExportFixtures.Recording(ExportFixtures.load(ExportFixtures.WALK, hostile),
                "2026-01-02T03:04:05Z", "e0000009", dev.tshoot.engine.Diagnostics.NONE,
                dev.tshoot.engine.ConsentPolicy.ASK_ALWAYS);
        rec.session.end("user");
        Path t = Files.write(dir.resolve("t.jsonl"), rec.bytes(java.util.Map.of()));
        java.util.Map<String, byte[]> entries = BundleExportTest.unzip(
                new Exporter().export(ExportSource.load(t, playbooks), ExportFormat.BUNDLE));
        assertThat(entries).containsKey("playbook/.._.._Users_Public_evil.yaml");
        assertThat(entries.keySet()).allSatisfy(name -> assertThat(ZipNames.safe(name)).as(name).isTrue())
                .noneMatch(name -> name.contains("\\") || name.contains(".."  + "/"));
    }
}
