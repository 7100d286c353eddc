package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.testing.Fixtures;
import dev.tshoot.transcript.Recorder;

/** The session commands without a running session: each says so, with exit 2; status says how to begin. */
class SessionCommandsTest {

    @TempDir
    Path transcripts;

    Adapters a = new Adapters();

    @Test
    void commandsThatNeedASessionSayHowToStartOne() {
        SessionHolder holder = new SessionHolder(new Recorder(Fixtures.engine(), transcripts, "test", false), null);
        SessionCommands steer = new SessionCommands(Adapters.catalog(Path.of("playbooks")), holder, null, a.exit);
        SessionInfoCommands info = new SessionInfoCommands(holder, a.exit);
        String none = "' needs a running session, and none is running. Start one with 'start <playbook-id>'"
                + " ('playbook list' shows the ids).\n";
        steer.back(a.out);
        assertThat(a.run()).isEqualTo(new Adapters.Run(2, "'back" + none));
        steer.jump(a.out, "ask-os");
        assertThat(a.run()).isEqualTo(new Adapters.Run(2, "'goto" + none));
        steer.continueIn(a.out);
        assertThat(a.run()).isEqualTo(new Adapters.Run(2, "'continue" + none));
        info.why(a.out);
        assertThat(a.run()).isEqualTo(new Adapters.Run(2, "'why" + none));
        info.note(a.out, List.of("a", "note"));
        assertThat(a.run()).isEqualTo(new Adapters.Run(2, "'note" + none));
        info.end(a.out);
        assertThat(a.run()).isEqualTo(new Adapters.Run(2, "'end" + none));
        info.status(a.out);
        assertThat(a.run()).isEqualTo(new Adapters.Run(0,
                "No session has been started. 'playbook list' shows the playbooks; 'start <id>' begins one.\n"));
        steer.start(a.out, "nope");
        assertThat(a.run()).isEqualTo(new Adapters.Run(2,
                "No playbook 'nope' in playbooks/ and no such file. Run 'playbook list' to see all 3.\n"));
    }

    @Test
    void endShowsTheSealThatVerifiesTheTranscript() throws Exception {
        SessionHolder holder = new SessionHolder(new Recorder(Fixtures.engine(), transcripts, "test", false), null);
        SessionInfoCommands info = new SessionInfoCommands(holder, a.exit);
        TranscriptCommands verify = new TranscriptCommands(Adapters.paths(Path.of("playbooks"), transcripts), holder, a.exit);
        String f = "src/test/resources/playbooks/valid/001_walk.yaml";
        dev.tshoot.playbook.Playbook pb = new dev.tshoot.playbook.PlaybookLoader()
                .load(f, java.nio.file.Files.readAllBytes(Path.of(f)), null).playbook();
        holder.start(pb, a.out).answer("windows");
        assertThat(holder.writer().sealCode()).as("no seal while the session is open").isNull();
        a.run();

        info.end(a.out);
        Path t = holder.writer().file();
        String seal = new dev.tshoot.transcript.TranscriptVerifier().verify(t).sealCode();
        assertThat(seal).matches("[0-9a-f]{4}(-[0-9a-f]{4}){5}").isEqualTo(holder.writer().sealCode());
        assertThat(a.run()).isEqualTo(new Adapters.Run(0, "Session closed. Transcript: " + t + "\n"
                + "Seal: " + seal + "  (paste it into the ticket)\n"
                + "Whoever holds the seal can check the transcript: transcript verify " + t + " --seal " + seal + "\n"));

        verify.verify(a.out, t.toString(), seal);
        Adapters.Run sealed = a.run();
        assertThat(sealed.exit()).as(sealed.out()).isZero();
        assertThat(sealed.out()).startsWith("SEALED  " + t + "\n");
    }

    @Test
    void aSessionClosedByStartingAnotherOrByLeavingShowsItsSeal() throws Exception {
        SessionHolder holder = new SessionHolder(new Recorder(Fixtures.engine(), transcripts.resolve("a"), "test", false), null);
        String f = "src/test/resources/playbooks/valid/001_walk.yaml";
        dev.tshoot.playbook.Playbook pb = new dev.tshoot.playbook.PlaybookLoader()
                .load(f, java.nio.file.Files.readAllBytes(Path.of(f)), null).playbook();
        holder.start(pb, a.out).answer("windows");
        Path first = holder.writer().file();
        a.run();

        SessionHolder second = new SessionHolder(new Recorder(Fixtures.engine(), transcripts.resolve("b"), "test", false), null);
        second.start(pb, a.out);
        a.run();
        holder.start(pb, a.out);
        String out = a.run().out();
        String seal = new dev.tshoot.transcript.TranscriptVerifier().verify(first).sealCode();
        assertThat(seal).isNotNull();
        assertThat(out).contains("Closing the earlier session (" + first.getFileName() + ").\n"
                + "Seal: " + seal + "  (paste it into the ticket)\n");

        Path open = second.writer().file();
        second.shutdown(a.out);
        String sealed = new dev.tshoot.transcript.TranscriptVerifier().verify(open).sealCode();
        assertThat(a.run().out()).isEqualTo("The open session was closed as interrupted. Transcript: " + open + "\n"
                + "'tshoot resume' continues it from its transcript (or 'resume " + open.getFileName() + "' in the tshoot shell).\n"
                + "Seal: " + sealed + "  (paste it into the ticket)\n"
                + "Whoever holds the seal can check the transcript: transcript verify " + open + " --seal " + sealed + "\n");
        second.shutdown(a.out);
        assertThat(a.run().out()).as("nothing open: nothing to say").isEmpty();
    }
}
