package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.testing.Fixtures;
import dev.tshoot.testing.JarRunner;
import dev.tshoot.testing.Tmux;
import dev.tshoot.transcript.ReplayVerifier;
import dev.tshoot.transcript.TranscriptHeader;
import dev.tshoot.transcript.TranscriptReader;
import dev.tshoot.transcript.TranscriptVerifier;

/**
 * Ctrl-C on a real terminal (the packaged jar in a tmux pane): in a menu, in a text question and
 * during {@code diag} it returns to the tshoot prompt with the session paused, the cursor shown and
 * tshoot still running; {@code resume} goes on, and the transcript verifies and replays afterwards.
 * The same for one-shot {@code tshoot start}: Ctrl-C pauses, tshoot says how to resume and exits,
 * and {@code tshoot resume} goes on, each time in a new transcript linked to the one before.
 */
class InterruptTmuxIT {

    static final String PLAYBOOK = """
            apiVersion: tshoot/v1
            kind: Playbook
            metadata:
              id: interrupt-walk
              version: 1.0.0
              title: Interrupt walk
              description: A menu, a text question and an outcome, for interrupting.
              sources: ["https://example.org/interrupt"]
            start: pick
            nodes:
              pick:
                type: question
                prompt: "Pick a colour for the test"
                answer: choice
                choices:
                  - value: red
                    label: "Red"
                    goto: name
                  - value: blue
                    label: "Blue"
                    goto: name
              name:
                type: question
                prompt: "Type a name for the test"
                answer: text
                next:
                  - goto: done
              done:
                type: outcome
                result: resolved
                title: Done
                message: The walk is done.
            """;

    static final String MENU = "[Use arrows to move]";
    static final String TEXT = "Type your answer;";

    @TempDir
    Path dir;

    private Path playbooks;
    private Path transcripts;
    private JarRunner tshoot;

    private void setUp() throws Exception {
        playbooks = Files.createDirectories(dir.resolve("playbooks"));
        Files.writeString(playbooks.resolve("interrupt-walk.yaml"), PLAYBOOK, StandardCharsets.UTF_8);
        transcripts = Files.createDirectories(dir.resolve("transcripts"));
        tshoot = new JarRunner(transcripts, playbooks, List.of("-Dtshoot.transcript.fsync=false"));
    }

    /** Types a line as the user does: the text literally, then Enter. */
    private static void line(Tmux t, String w, String text) throws Exception {
        t.type(w, text);
        t.keys(w, "Enter");
    }

    @Test
    void ctrlCInAMenuATextQuestionAndDiagReturnsToThePromptAndResumeGoesOn() throws Exception {
        setUp();
        try (Tmux t = new Tmux(dir)) {
            t.open("repl", 160, 50, Tmux.shell(tshoot.command()));
            t.await("repl", "tshoot> ");
            line(t, "repl", "start interrupt-walk");
            t.await("repl", MENU);
            t.keys("repl", "C-c");
            String s = t.await("repl", "tshoot[interrupt-walk:pick]> ");
            assertThat(s).contains("Paused at 'pick'.");
            assertThat(t.dead("repl")).as(s).isFalse();
            assertThat(t.format("repl", "#{cursor_flag}")).as("the cursor is shown again").isEqualTo("1");

            line(t, "repl", "resume");
            t.awaitAfter("repl", "> resume", MENU);
            t.keys("repl", "Enter"); // Red
            t.await("repl", TEXT);
            t.keys("repl", "C-c");
            s = t.awaitAfter("repl", TEXT, "tshoot[interrupt-walk:name]> ");
            assertThat(s.substring(s.lastIndexOf(TEXT))).contains("Paused at 'name'.");
            assertThat(t.dead("repl")).isFalse();

            line(t, "repl", "diag");
            t.await("repl", "tshoot[interrupt-walk:name]> diag");
            t.keys("repl", "C-c");
            s = t.awaitAfter("repl", "> diag", "tshoot[interrupt-walk:name]> ");
            assertThat(t.dead("repl")).as(s).isFalse();
            // diag reads the host in about a second here; Ctrl-C landing after it finished clears the empty line instead
            assertThat(s.contains("(Ctrl-C: 'diag' was interrupted)") || s.contains("Summary")).as(s).isTrue();

            line(t, "repl", "resume");
            t.awaitAfter("repl", "> resume", TEXT);
            line(t, "repl", "alice");
            t.await("repl", "RESOLVED");
            line(t, "repl", "end");
            s = t.await("repl", "Seal: ");
            line(t, "repl", "exit");
            s = t.awaitExit("repl");
            assertThat(s).doesNotContain("Exception");
        }
        List<Path> files = tshoot.transcripts();
        assertThat(files).as("one session, one transcript").hasSize(1);
        assertVerifiesAndReplays(files.get(0), true);
        String json = Files.readString(files.get(0));
        assertThat(json).contains("\"value\":\"red\"").contains("\"value\":\"alice\"")
                .contains("\"type\":\"session-ended\",").contains("\"reason\":\"outcome\"");
    }

    @Test
    void ctrlCInAOneShotStartPausesSaysHowToResumeAndTshootResumeGoesOn() throws Exception {
        setUp();
        try (Tmux t = new Tmux(dir)) {
            t.open("first", 160, 50, Tmux.shell(tshoot.command("start", "interrupt-walk")));
            t.await("first", MENU);
            t.keys("first", "C-c");
            String s = t.awaitExit("first");
            assertThat(s).contains("Paused at 'pick'.").contains("The open session was closed as interrupted.")
                    .contains("'tshoot resume' continues it from its transcript");

            t.open("second", 160, 50, Tmux.shell(tshoot.command("resume")));
            s = t.await("second", MENU);
            assertThat(s).contains("at 'pick'.");
            t.keys("second", "Enter"); // Red
            t.await("second", TEXT);
            t.keys("second", "C-c");
            s = t.awaitExit("second");
            assertThat(s).contains("Paused at 'name'.").contains("'tshoot resume' continues it");

            t.open("third", 160, 50, Tmux.shell(tshoot.command("resume")));
            s = t.await("third", TEXT);
            assertThat(s).contains("at 'name'.");
            line(t, "third", "alice");
            s = t.awaitExit("third");
            assertThat(s).contains("RESOLVED").doesNotContain("Exception");
        }
        List<Path> files = tshoot.transcripts();
        assertThat(files).as("three runs, three linked transcripts").hasSize(3);
        for (Path f : files) {
            assertVerifiesAndReplays(f, true); // a resumed one replays its whole case, from the first
        }
        TranscriptHeader second = TranscriptReader.header(files.get(1));
        TranscriptHeader third = TranscriptReader.header(files.get(2));
        assertThat(second.resumes().file()).isEqualTo(files.get(0).getFileName().toString());
        assertThat(second.resumes().node()).isEqualTo("pick");
        assertThat(third.resumes().file()).isEqualTo(files.get(1).getFileName().toString());
        assertThat(third.resumes().node()).isEqualTo("name");
        assertThat(Files.readString(files.get(2))).contains("\"value\":\"alice\"").contains("\"reason\":\"outcome\"");
    }

    /** The chain verifies and the session is closed; the first of a case also replays the same on the playbook. */
    private void assertVerifiesAndReplays(Path f, boolean replay) throws Exception {
        TranscriptVerifier.Result v = new TranscriptVerifier().verify(f);
        assertThat(v.status()).as(f + ": " + v.message()).isEqualTo(TranscriptVerifier.Status.OK);
        assertThat(v.closed()).as(f + " is closed").isTrue();
        if (replay) {
            Playbook pb = new PlaybookLoader().load(playbooks.resolve("interrupt-walk.yaml")).playbook();
            ReplayVerifier.Report r = new ReplayVerifier(Fixtures.engine()).verify(f, pb);
            assertThat(r.same()).as(f + ": " + r.divergence()).isTrue();
        }
    }
}
