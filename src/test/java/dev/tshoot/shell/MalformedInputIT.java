package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.testing.Fixtures;
import dev.tshoot.testing.JarRunner;
import dev.tshoot.transcript.Recorder;

/**
 * The packaged jar fed malformed input: broken playbooks (a 100 MB file and a device that never ends
 * among them), malformed transcripts and answers files. Every one gets a clear message and never a
 * stack trace, and the interactive shell, given all of them in one session, keeps answering
 * afterwards. Their exit statuses are checked on the adapters, in MalformedInputStatusTest.
 */
class MalformedInputIT {

    static final String PB = "docker-desktop-nested-virtualization";

    @TempDir
    Path dir;

    JarRunner tshoot;
    Path transcripts;
    Path good;

    @BeforeEach
    void setUp() throws Exception {
        transcripts = Files.createDirectories(dir.resolve("transcripts"));
        tshoot = new JarRunner(transcripts);
        Playbook pb = new PlaybookLoader().load(Path.of("playbooks/" + PB + ".yaml")).playbook();
        Recorder.Recorded rec = new Recorder(Fixtures.engine(), transcripts, "test", false).start(pb, w -> { });
        rec.session().answer("no"); // ask-run-here: the question path, nothing runs
        rec.session().answer("1");
        rec.session().answer("1");
        rec.session().note("a note");
        rec.session().end("user");
        rec.writer().close();
        good = rec.writer().file();
    }

    static Path write(Path file, byte[] block, long size) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return file;
    }

    static void assertNoStackTrace(String out) {
        assertThat(out).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Caused by");
    }

    @Test
    void theShellLintsBrokenPlaybooksOneAfterAnotherAndKeepsAnswering() throws Exception {
        Path hundred = write(dir.resolve("hundred-mb.yaml"),
                "  - {value: a, label: \"Lots of text\", goto: next}\n".repeat(20_000).getBytes(StandardCharsets.UTF_8),
                100_000_000L);
        List<String> keys = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        String[][] fixtures = {
            {"001_yaml_syntax_tab.yaml", ":18:", "[yaml-syntax]"},
            {"018_cycle_without_outcome.yaml", ":91:", "[no-outcome-reachable]"},
            {"028_deep_nesting.yaml", ":155:", "[too-deep]"},
            {"033_not_utf8.yaml", ":11:", "[encoding]"},
            {"034_binary_junk.yaml", ":2:", "[encoding]"},
            {"043_huge_string.yaml", ":29:", "[too-long]"},
            {"044_alias_bomb.yaml", ":16:", "[yaml-anchor]"},
            {"045_utf16.yaml", ":1:", "[encoding]"},
        };
        for (String[] f : fixtures) {
            Path p = Fixtures.resource("playbooks/invalid/" + f[0]);
            keys.add("playbook lint " + p);
            expected.add(p + f[1]);
            expected.add(f[2]);
        }
        keys.add("playbook lint " + hundred);
        expected.add(hundred + ":1: error [too-large] the file is 100000000 bytes");
        if (Files.isReadable(Path.of("/dev/zero"))) {
            keys.add("playbook lint /dev/zero");
            expected.add("No playbook '/dev/zero'"); // not a regular file: refused before it is opened
        }
        keys.add("playbook list");
        keys.add("status");
        keys.add("exit");
        JarRunner.Run r = tshoot.run(String.join("\n", keys) + "\n");
        String out = r.out();
        // the shell ended by 'exit' (its status is that of the last command with one, here a lint: not asserted)
        for (String e : expected) {
            assertThat(out).as("lint output names " + e).contains(e);
        }
        assertThat(out).contains("fix: ");
        // still answering after all of them
        assertThat(out.substring(out.lastIndexOf("/dev/zero") < 0 ? out.lastIndexOf(hundred.toString()) : out.lastIndexOf("/dev/zero")))
                .contains(PB).contains("No session has been started");
        assertNoStackTrace(out);
    }

    @Test
    void malformedTranscriptsAndAnswersFilesGetClearMessagesAndTheirExitStatus() throws Exception {
        byte[] bytes = Files.readAllBytes(good);
        String text = new String(bytes, StandardCharsets.UTF_8);
        String header = text.substring(0, text.indexOf('\n'));
        List<String> lines = text.lines().toList();

        Path junk = Files.writeString(dir.resolve("junk.jsonl"), "hello\nworld\n");
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        Path binary = Files.write(dir.resolve("binary.jsonl"), random);
        Path empty = Files.createFile(dir.resolve("empty.jsonl"));
        Path tornHeader = Files.writeString(dir.resolve("torn-header.jsonl"), header.substring(0, 60));
        Path cutHeader = Files.writeString(dir.resolve("cut-header.jsonl"),
                header.substring(0, header.indexOf("\"tshootVersion\"")) + "\n" + String.join("\n", lines.subList(1, lines.size())) + "\n");
        Path version = Files.writeString(dir.resolve("version.jsonl"), text.replaceFirst("\"formatVersion\":" + dev.tshoot.transcript.TranscriptHeader.FORMAT_VERSION + ",", "\"formatVersion\":99,"));
        Path junkLine = Files.writeString(dir.resolve("junk-line.jsonl"),
                String.join("\n", lines.subList(0, 3)) + "\nnot json at all\n" + String.join("\n", lines.subList(3, lines.size())) + "\n");
        Path longLine = write(dir.resolve("long-line.jsonl"), "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8), 100_000_000L);
        Path folder = Files.createDirectories(dir.resolve("folder.jsonl"));

        Path answersJunk = Files.writeString(dir.resolve("a-junk.yaml"), "just some words, not a mapping\n");
        Path answersBinary = Files.write(dir.resolve("a-binary.yaml"), random);
        Path answersLatin1 = Files.write(dir.resolve("a-latin1.yaml"), "ask-guest-os: \"Gr\u00fc\u00dfe\"\n".getBytes(StandardCharsets.ISO_8859_1));
        Path answersBig = write(dir.resolve("a-big.yaml"), "ask-guest-os: windows\n".repeat(1000).getBytes(StandardCharsets.UTF_8), 100_000_000L);
        Path answersUnknown = Files.writeString(dir.resolve("a-unknown.yaml"), "ask-run-here: \"no\"\nask-guest-os: beos\n");

        // every case in one interactive session: messages, no stack traces, and the shell goes on
        String[][] cases = {
            {"transcript verify " + junk, "UNREADABLE", "not a tshoot transcript"},
            {"transcript verify " + binary, "UNREADABLE", "not a tshoot transcript"},
            {"transcript verify " + empty, "UNREADABLE", "empty"},
            {"transcript verify " + tornHeader, "TORN TAIL", "No event is left to verify"},
            {"transcript verify " + cutHeader, "BROKEN", "BROKEN at line 1: the header (line 1) was altered"},
            {"transcript verify " + version, "UNREADABLE", "format version 99"},
            {"transcript verify " + junkLine, "BROKEN", "BROKEN at line 4: event 3"},
            {"transcript verify " + longLine, "UNREADABLE", "longer than 67108864 bytes"},
            {"transcript verify " + folder, "UNREADABLE", "is a folder"},
            {"replay " + junk + " --verify", "not a tshoot transcript", "not a tshoot transcript"},
            {"replay " + version + " --verify", "format version 99", "format version 99"},
            {"replay " + longLine + " --verify", "not a tshoot transcript", "not a tshoot transcript"},
            {"run " + PB + " --answers " + answersJunk, "The answers file cannot be used", "a-junk.yaml"},
            {"run " + PB + " --answers " + answersBinary, "The answers file cannot be used", "not valid UTF-8"},
            {"run " + PB + " --answers " + answersLatin1, "The answers file cannot be used", "not valid UTF-8"},
            {"run " + PB + " --answers " + answersBig, "The answers file cannot be used", "larger than 1 MiB"},
            {"run " + PB + " --answers " + answersUnknown, "Stopped at 'ask-guest-os'", "'beos' is not a choice"},
            {"run " + PB + " --answers " + dir.resolve("missing.yaml"), "The answers file cannot be used", "does not exist"},
        };
        StringBuilder keys = new StringBuilder();
        for (String[] c : cases) {
            keys.append(c[0]).append('\n');
        }
        keys.append("playbook list\nexit\n");
        JarRunner.Run r = tshoot.run(keys.toString());
        String out = r.out();
        assertNoStackTrace(out);
        for (String[] c : cases) {
            assertThat(out).as(c[0]).contains(c[1]).contains(c[2]);
        }
        assertThat(out.substring(out.lastIndexOf("missing.yaml"))).contains(PB);
        // their exit statuses, one-shot: MalformedInputStatusTest
    }
}
