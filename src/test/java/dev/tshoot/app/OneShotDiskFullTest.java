package dev.tshoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.engine.Diagnostics;
import dev.tshoot.engine.ReadOnlyCommands;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.testing.Fixtures;
import dev.tshoot.transcript.Recorder;
import dev.tshoot.transcript.TranscriptVerifier;

/**
 * {@code run --answers} whose transcript folder cannot be written: the run ends with the session, so
 * it writes the whole transcript to a fallback file it names and exits non-zero, or says what was lost.
 */
class OneShotDiskFullTest {

    @TempDir
    Path dir;

    RunWithAnswers.Walked run(Path fallback, List<String> warnings) throws Exception {
        Path blocked = Files.writeString(dir.resolve("transcripts"), "a file where the transcript folder should be");
        Path answers = Files.writeString(dir.resolve("answers.yaml"),
                "ask-os: windows\nask-vm: yes\nask-build: 22631\nfix-windows: done\nverify: yes\n");
        Playbook pb = Fixtures.playbook("001_walk.yaml");
        RunWithAnswers runs = new RunWithAnswers(new Recorder(Fixtures.engine(), blocked, "test", false), Diagnostics.NONE,
                new ConsentFile.Loaded(ReadOnlyCommands.builtin(), List.of()), fallback);
        RunWithAnswers.Result r = runs.run(new RunWithAnswers.Request(pb, answers.toString(), false, false, false),
                warnings::add);
        return (RunWithAnswers.Walked) r;
    }

    @Test
    void theWholeTranscriptGoesToANamedFallbackFileAndTheRunExitsNonZero() throws Exception {
        Path fallback = Files.createDirectories(dir.resolve("tmp"));
        List<String> warnings = new ArrayList<>();
        RunWithAnswers.Walked w = run(fallback, warnings);
        assertThat(w.walk().completed()).as("the walk itself reached its outcome").isTrue();
        assertThat(w.exitStatus()).isEqualTo(ExitStatus.NOT_RECORDED).isEqualTo(5);
        Path saved = w.rescue().savedTo();
        assertThat(saved.getParent()).isEqualTo(fallback);
        assertThat(saved.getFileName().toString()).startsWith("tshoot-").endsWith(".jsonl");
        TranscriptVerifier.Result v = new TranscriptVerifier().verify(saved);
        assertThat(v.status()).as(v.message()).isEqualTo(TranscriptVerifier.Status.OK);
        assertThat(v.events()).isEqualTo(w.writer().lines() - 1);
        assertThat(warnings).singleElement().asString().startsWith("Transcript not saved: cannot create the transcript ")
                .doesNotContain("transcript save")
                .endsWith(" when the run ends, the whole transcript is written to a fallback file in the temporary folder.");
    }

    @Test
    void whenTheFallbackFailsTooTheRunSaysWhatWasLost() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("tmp"), "not a folder");
        RunWithAnswers.Walked w = run(notAFolder, new ArrayList<>());
        assertThat(w.exitStatus()).isEqualTo(ExitStatus.NOT_RECORDED);
        assertThat(w.rescue().savedTo()).isNull();
        assertThat(w.rescue().lost()).startsWith("lines 1 to " + w.writer().lines() + " of " + w.writer().lines())
                .endsWith("Nothing reached " + w.rescue().original() + ".");
    }
}
