package dev.tshoot.transcript.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.transcript.TranscriptHeader;

/** Finding the playbook a transcript pins: by its recorded path or its file name, and only with the pinned hash. */
class PinnedPlaybookTest {

    @TempDir
    Path dir;

    static final String WALK_SHA = "920a2fb2df8b69c70de71502ef00bf8cd73e5c856053704aa334d6ce0ea63a3c";

    static TranscriptHeader.PlaybookRef ref(String file, String sha) {
        return new TranscriptHeader.PlaybookRef("walk", "1.2.0", "Test walk", sha, file);
    }

    @Test
    void foundAtTheRecordedPathWithTheSameHash() {
        PinnedPlaybook p = PinnedPlaybook.find(ref(ExportFixtures.WALK, WALK_SHA), dir.resolve("t.jsonl"),
                ExportFixtures.PLAYBOOKS);
        assertThat(p.status()).isEqualTo(PinnedPlaybook.Status.FOUND);
        assertThat(p.playbook().id()).isEqualTo("walk");
        assertThat(p.bytes()).isNotEmpty();
    }

    @Test
    void foundByFileNameInThePlaybooksFolderOrNextToTheTranscript() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("playbooks"));
        Files.copy(Path.of(ExportFixtures.WALK), folder.resolve("001_walk.yaml"));
        PinnedPlaybook p = PinnedPlaybook.find(ref("/elsewhere/001_walk.yaml", WALK_SHA), dir.resolve("t.jsonl"), folder);
        assertThat(p.status()).isEqualTo(PinnedPlaybook.Status.FOUND);
        assertThat(p.path()).isEqualTo(folder.resolve("001_walk.yaml"));
        Path beside = Files.createDirectories(dir.resolve("case"));
        Files.copy(Path.of(ExportFixtures.WALK), beside.resolve("001_walk.yaml"));
        assertThat(PinnedPlaybook.find(ref("/elsewhere/001_walk.yaml", WALK_SHA), beside.resolve("t.jsonl"), null).status())
                .isEqualTo(PinnedPlaybook.Status.FOUND);
    }

    @Test
    void aFileWithAnotherHashIsChangedAndNoFileIsNotFound() {
        PinnedPlaybook changed = PinnedPlaybook.find(ref(ExportFixtures.WALK, "00".repeat(32)), dir.resolve("t.jsonl"),
                ExportFixtures.PLAYBOOKS);
        assertThat(changed.status()).isEqualTo(PinnedPlaybook.Status.CHANGED);
        assertThat(changed.message()).isEqualTo("playbook file changed since the session (hash differs): only the route taken is shown");
        assertThat(changed.bytes()).isNull();
        PinnedPlaybook missing = PinnedPlaybook.find(ref("gone/001_walk.yaml", WALK_SHA), dir.resolve("t.jsonl"), dir);
        assertThat(missing.status()).isEqualTo(PinnedPlaybook.Status.NOT_FOUND);
        assertThat(missing.message()).isEqualTo("playbook file not found (gone/001_walk.yaml): only the route taken is shown");
    }
}
