package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.engine.Diagnostics;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.testing.Fixtures;
import dev.tshoot.transcript.Recorder;

/**
 * The exit statuses of malformed transcripts and answers files, through the adapters (their
 * messages, in one interactive shell, are in MalformedInputIT): never a stack trace.
 */
class MalformedInputStatusTest {

    static final String PB = "docker-desktop-nested-virtualization";

    @TempDir
    Path dir;

    Adapters a = new Adapters();
    TranscriptCommands transcripts;
    ReplayCommands replay;
    RunCommand run;
    Path good;

    @BeforeEach
    void setUp() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("transcripts"));
        Playbook pb = new PlaybookLoader().load(Path.of("playbooks/" + PB + ".yaml")).playbook();
        Recorder.Recorded rec = new Recorder(Fixtures.engine(), folder, "test", false).start(pb, w -> { });
        rec.session().answer("no");
        rec.session().answer("1");
        rec.session().answer("1");
        rec.session().note("a note");
        rec.session().end("user");
        rec.writer().close();
        good = rec.writer().file();
        transcripts = new TranscriptCommands(Adapters.paths(Path.of("playbooks"), folder), null, a.exit);
        replay = new ReplayCommands(Adapters.catalog(Path.of("playbooks")), Fixtures.engine(), transcripts, null, null, a.exit);
        run = new RunCommand(Adapters.catalog(Path.of("playbooks")), new Recorder(Fixtures.engine(), folder, "test", false),
                Diagnostics.NONE, a.exit, new dev.tshoot.app.ConsentFile.Loaded(dev.tshoot.engine.ReadOnlyCommands.builtin(),
                        java.util.List.of()), Files.createDirectories(folder.resolve("fallback")));
    }

    static Path write(Path file, byte[] block, long size) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return file;
    }

    void assertExit(int status, Consumer<Adapters> command) {
        command.accept(a);
        Adapters.Run r = a.run();
        assertThat(r.exit()).as(r.out()).isEqualTo(status);
        assertThat(r.out()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Caused by");
    }

    @Test
    void malformedTranscriptsAndAnswersFilesGetTheirExitStatus() throws Exception {
        String text = Files.readString(good);
        String header = text.substring(0, text.indexOf('\n'));
        List<String> lines = text.lines().toList();
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        Path junk = Files.writeString(dir.resolve("junk.jsonl"), "hello\nworld\n");
        Path binary = Files.write(dir.resolve("binary.jsonl"), random);
        Path tornHeader = Files.writeString(dir.resolve("torn-header.jsonl"), header.substring(0, 60));
        Path junkLine = Files.writeString(dir.resolve("junk-line.jsonl"),
                String.join("\n", lines.subList(0, 3)) + "\nnot json at all\n" + String.join("\n", lines.subList(3, lines.size())) + "\n");
        Path longLine = write(dir.resolve("long-line.jsonl"), "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8), (64L << 20) + 1);
        Path answersBinary = Files.write(dir.resolve("a-binary.yaml"), random);
        Path answersBig = write(dir.resolve("a-big.yaml"), "ask-guest-os: windows\n".repeat(1000).getBytes(StandardCharsets.UTF_8), 2L << 20);
        Path answersUnknown = Files.writeString(dir.resolve("a-unknown.yaml"), "ask-run-here: \"no\"\nask-guest-os: beos\n");

        assertExit(2, x -> transcripts.verify(x.out, junk.toString()));
        assertExit(2, x -> transcripts.verify(x.out, longLine.toString()));
        assertExit(1, x -> transcripts.verify(x.out, junkLine.toString()));
        assertExit(1, x -> transcripts.verify(x.out, tornHeader.toString()));
        assertExit(2, x -> replay.verify(x.out, binary, null));
        assertExit(2, x -> run.run(x.out, PB, answersBinary.toString(), false, false, false));
        assertExit(2, x -> run.run(x.out, PB, answersBig.toString(), false, false, false));
        assertExit(2, x -> run.run(x.out, PB, answersUnknown.toString(), false, false, false));
        if (Files.isReadable(Path.of("/dev/zero"))) {
            assertExit(2, x -> run.run(x.out, PB, "/dev/zero", false, false, false));
        }
    }
}
