package dev.tshoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.testing.Fixtures;
import dev.tshoot.transcript.Recorder;

class ResumeTranscriptTest {

    @TempDir
    Path dir;

    private final Playbook pb = new PlaybookLoader().load(Path.of("playbooks/docker-desktop-nested-virtualization.yaml"))
            .playbook();

    @Test
    void theNewestTranscriptLeftUnfinishedIsOfferedAndFound() throws Exception {
        TranscriptFiles files = new TranscriptFiles(dir);
        assertThat(ResumeTranscript.offer(files)).isNull();
        Recorder rec = new Recorder(Fixtures.engine(), dir, "test", false);
        Recorder.Recorded done = rec.start(pb, m -> { });
        done.session().end("user");
        done.writer().close();
        assertThat(ResumeTranscript.offer(files)).as("ended by the user: nothing to offer").isNull();
        assertThat(ResumeTranscript.find(files, null).refusal()).startsWith("No unfinished session to resume in ");

        Recorder.Recorded open = rec.start(pb, m -> { }); // left open, as a crash leaves it
        String name = open.writer().file().getFileName().toString();
        assertThat(ResumeTranscript.offer(files))
                .startsWith("The last session (docker-desktop-nested-virtualization " + pb.metadata().version() + ", started ")
                .endsWith(") was not finished: 'resume' continues it from " + name + ".");
        ResumeTranscript.Target t = ResumeTranscript.find(files, null);
        assertThat(t.refusal()).isNull();
        assertThat(t.file()).isEqualTo(open.writer().file());
        assertThat(ResumeTranscript.find(files, "no-such.jsonl").refusal()).startsWith("There is no transcript ");
    }
}
