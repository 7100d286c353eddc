package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.app.ConsentFile;
import dev.tshoot.engine.Diagnostics;
import dev.tshoot.engine.ReadOnlyCommands;
import dev.tshoot.testing.Fixtures;
import dev.tshoot.transcript.Recorder;
import dev.tshoot.transcript.TranscriptVerifier;

/** {@code run --answers} when the transcript folder cannot be written: the adapter names the fallback file, exit 5. */
class RunDiskFullTest {

    @TempDir
    Path dir;

    final Adapters a = new Adapters();

    @Test
    void theRunNamesTheFallbackFileAndExitsFive() throws Exception {
        Path blocked = Files.writeString(dir.resolve("transcripts"), "a file where the folder should be");
        Path fallback = Files.createDirectories(dir.resolve("tmp"));
        Path answers = Files.writeString(dir.resolve("answers.yaml"),
                "ask-os: windows\nask-vm: yes\nask-build: 22631\nfix-windows: done\nverify: yes\n");
        Path playbooks = Files.createDirectories(dir.resolve("playbooks"));
        Files.copy(Path.of("src/test/resources/playbooks/valid/001_walk.yaml"), playbooks.resolve("walk.yaml"));
        new RunCommand(Adapters.catalog(playbooks),
                new Recorder(Fixtures.engine(), blocked, "test", false), Diagnostics.NONE, a.exit,
                new ConsentFile.Loaded(ReadOnlyCommands.builtin(), List.of()), fallback)
                .run(a.out, "walk", answers.toString(), false, false, false);
        Adapters.Run r = a.run();
        List<Path> saved;
        try (var files = Files.list(fallback)) {
            saved = files.toList();
        }
        assertThat(saved).as(r.out()).singleElement();
        assertThat(r.exit()).as(r.out()).isEqualTo(5);
        assertThat(r.out()).doesNotContain("transcript save")
                .contains("Transcript: " + saved.get(0) + " (fallback: ");
        assertThat(new TranscriptVerifier().verify(saved.get(0)).status()).isEqualTo(TranscriptVerifier.Status.OK);
    }
}
