package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.testing.Fixtures;

/** {@code replay --verify} through its adapter: SAME (0), DIVERGED (1), a changed playbook, unusable input (2). */
class ReplayCommandsTest {

    static final Path TRANSCRIPTS = Path.of("src/test/resources/transcripts");

    @TempDir
    Path playbooks;

    Adapters a = new Adapters();
    ReplayCommands replay;

    @BeforeEach
    void command() throws Exception {
        Files.copy(Path.of("src/test/resources/playbooks/valid/001_walk.yaml"), playbooks.resolve("walk.yaml"));
        TranscriptCommands transcripts = new TranscriptCommands(Adapters.paths(playbooks, TRANSCRIPTS), null, a.exit);
        replay = new ReplayCommands(Adapters.catalog(playbooks), Fixtures.engine(), transcripts, null, null, a.exit);
    }

    @Test
    void theSameWalkIsSame() {
        replay.verify(a.out, TRANSCRIPTS.resolve("003_walk_navigation.jsonl"), null);
        assertThat(a.run()).isEqualTo(new Adapters.Run(0, "Re-walked 29 recorded events against " + playbooks.resolve("walk.yaml")
                + " (walk 1.2.0); nothing was run on this host.\n"
                + "SAME  the path (10 node entries; 5 nodes in the final route) and the outcome 'escalate' are what the session recorded.\n"));
    }

    @Test
    void aChangedPlaybookIsNamedAndADifferentRouteDiverges() throws Exception {
        replay.verify(a.out, TRANSCRIPTS.resolve("006_playbook_changed.jsonl"), null);
        assertThat(a.run().out()).contains("\nThe playbook differs from the one the session used: pinned sha256 b8d18cd83110e97a…"
                + " (version 1.2.0), now 920a2fb2df8b69c7… (version 1.2.0).\n");

        Path changed = Files.writeString(Files.createDirectories(playbooks.resolve("changed")).resolve("walk.yaml"),
                Files.readString(playbooks.resolve("walk.yaml")).replace("goto: fix-windows\n      - goto: too-old",
                        "goto: too-old\n      - goto: fix-windows")); // the builds swap their routes
        replay.verify(a.out, TRANSCRIPTS.resolve("001_walk_resolved.jsonl"), changed.toString());
        Adapters.Run r = a.run();
        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("\nDIVERGED after 'ask-build': the session went to 'fix-windows', the playbook now goes to 'too-old'.\n"
                + "  why: ");
    }

    @Test
    void anUnreadableTranscriptOrAMissingPlaybookIsBadInput() {
        Path none = TRANSCRIPTS.resolve("none.jsonl");
        replay.verify(a.out, none, null);
        assertThat(a.run()).isEqualTo(new Adapters.Run(2, "No transcript at " + none + ". 'transcript list' shows the recorded sessions.\n"));
        replay.verify(a.out, TRANSCRIPTS.resolve("001_walk_resolved.jsonl"), "gone.yaml");
        assertThat(a.run()).isEqualTo(new Adapters.Run(2, "No playbook 'gone.yaml' in " + playbooks
                + "/ and no such file. Run 'playbook list' to see all 1.\n"));
    }
}
