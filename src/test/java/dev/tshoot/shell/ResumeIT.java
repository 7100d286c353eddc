package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tshoot.testing.JarRunner;
import dev.tshoot.transcript.TranscriptHeader;
import dev.tshoot.transcript.TranscriptJson;
import dev.tshoot.transcript.TranscriptReader;
import dev.tshoot.transcript.TranscriptVerifier;

/**
 * {@code resume} after a crash: the packaged jar walks part of a playbook (fsync on, as users run
 * it), is killed with SIGKILL at a menu, and a second jar resumes the session from its transcript,
 * goes on to the outcome and ends it. The new transcript names the earlier one in its header and
 * the two export as one case: the bundle holds both, linked in its manifest, and its Markdown and
 * HTML show the chain.
 */
class ResumeIT {

    static final String PLAYBOOK = "docker-desktop-nested-virtualization";
    static final Duration WAIT = JarRunner.TIMEOUT;

    @TempDir
    Path dir;

    /** Starts a session, answers up to the hypervisor question and kills the jar there (SIGKILL); returns the transcript. */
    private Path killedAtTheHypervisorQuestion(JarRunner tshoot) throws Exception {
        try (JarRunner.Interactive p = tshoot.interactive()) {
            p.awaitPrompts(1, WAIT);
            p.send("start " + PLAYBOOK);
            p.awaitPrompts(2, WAIT);
            p.send("2"); // ask-run-here: no
            p.awaitPrompts(3, WAIT);
            p.send("1"); // ask-guest-os: Windows
            p.awaitPrompts(4, WAIT);
            p.send("1"); // ask-in-vm: yes
            p.awaitOutput("Which hypervisor", WAIT);
            p.awaitPrompts(5, WAIT);
            Process jvm = p.process();
            // SIGKILL, not a shutdown: nothing of tshoot runs after this
            new ProcessBuilder("kill", "-KILL", Long.toString(jvm.pid())).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
            assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(jvm.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        }
        List<Path> files = tshoot.transcripts();
        assertThat(files).hasSize(1);
        return files.get(0);
    }

    @Test
    void aSessionKilledMidWayResumesAtTheRightNodeAndTheTwoTranscriptsExportAsOneCase() throws Exception {
        Path transcripts = Files.createDirectories(dir.resolve("transcripts"));
        JarRunner tshoot = new JarRunner(transcripts, Path.of("playbooks"), List.of("-Dtshoot.transcript.fsync=true"));
        Path old = killedAtTheHypervisorQuestion(tshoot);
        TranscriptVerifier.Result before = new TranscriptVerifier().verify(old);
        assertThat(before.status()).as(before.message()).isEqualTo(TranscriptVerifier.Status.OK);
        assertThat(before.closed()).as("killed: no session-ended line").isFalse();

        byte[] oldBytes = Files.readAllBytes(old);
        // 'resume' with no file: the newest unfinished transcript
        JarRunner.Run r = tshoot.run(String.join("\n", "resume",
                "1", // ask-hypervisor: VMware ESXi
                "1", // fix-vmware-esxi: done
                "1", // enable-in-guest-windows: done
                "1", // verify-nesting: yes
                "end", "exit") + "\n");
        String name = old.getFileName().toString();
        assertThat(r.out()).as("the shell offers the unfinished session when it starts")
                .contains("was not finished: 'resume' continues it from " + name + ".");
        assertThat(r.out()).contains("Resumed " + name + ": " + before.events() + " events verified (chain OK), at 'ask-hypervisor'.")
                .contains("Route so far: ask-run-here \u2192 ask-guest-os \u2192 ask-in-vm \u2192 route-vm-by-guest-os \u2192 ask-hypervisor")
                .contains("Session closed with outcome").doesNotContain("Exception");
        assertThat(r.exit()).as(r.out()).isZero();

        List<Path> files = tshoot.transcripts();
        assertThat(files).hasSize(2);
        Path resumed = files.get(1);
        TranscriptHeader h = TranscriptReader.header(resumed);
        assertThat(h.resumes()).isEqualTo(new TranscriptHeader.Resumes(TranscriptReader.header(old).sessionId(), name,
                before.head(), before.events(), "ask-hypervisor"));
        assertThat(Files.readAllBytes(old)).as("the earlier transcript is left as it was").isEqualTo(oldBytes);
        TranscriptVerifier.Result after = new TranscriptVerifier().verify(resumed);
        assertThat(after.status()).as(after.message()).isEqualTo(TranscriptVerifier.Status.OK);
        assertThat(after.closed()).isTrue();
        List<String> lines = Files.readAllLines(resumed);
        JsonNode first = TranscriptJson.MAPPER.readTree(lines.get(1));
        assertThat(first.path("seq").asInt()).isEqualTo(1);
        assertThat(first.path("type").asText()).isEqualTo("answer-given");
        assertThat(first.path("node").asText()).isEqualTo("ask-hypervisor");
        assertThat(first.path("value").asText()).isEqualTo("vmware-esxi");
        assertThat(lines.get(lines.size() - 1)).contains("\"type\":\"session-ended\"").contains("\"reason\":\"outcome\"");

        // a second 'resume' finds nothing left unfinished: the crashed one was resumed, the new one ended
        JarRunner.Run again = tshoot.run("resume\nexit\n");
        assertThat(again.out()).contains("No unfinished session to resume").doesNotContain("was not finished");

        // the two transcripts are one case
        Path zip = dir.resolve("case.zip");
        JarRunner.Run export = tshoot.run(null, "export", resumed.toString(), "--out", zip.toString());
        assertThat(export.exit()).as(export.out()).isZero();
        Map<String, byte[]> entries = unzip(zip);
        String chained = "chain/1-" + name;
        assertThat(entries).containsKeys("transcript.jsonl", chained, "manifest.json", "transcript.md", "transcript.html");
        assertThat(entries.get(chained)).isEqualTo(Files.readAllBytes(old));
        assertThat(entries.get("transcript.jsonl")).isEqualTo(Files.readAllBytes(resumed));
        JsonNode chain = TranscriptJson.MAPPER.readTree(entries.get("manifest.json")).path("chain");
        assertThat(chain.size()).isEqualTo(2);
        assertThat(chain.get(0).path("entry").asText()).isEqualTo(chained);
        assertThat(chain.get(0).path("wentOnAt").asText()).isEqualTo("ask-hypervisor");
        assertThat(chain.get(1).path("entry").asText()).isEqualTo("transcript.jsonl");
        assertThat(chain.get(1).path("resumes").path("file").asText()).isEqualTo(name);
        assertThat(chain.get(1).path("resumes").path("hash").asText()).isEqualTo(before.head());
        String md = new String(entries.get("transcript.md"), StandardCharsets.UTF_8);
        assertThat(md).contains("## Case chain").contains("| 1 | `" + name + "` |")
                .contains("## Steps in transcript 1 of 2 (`" + name + "`)")
                .contains("*The session went on at `ask-hypervisor` in transcript 2.*")
                .contains("## Steps in transcript 2 of 2 (`" + resumed.getFileName() + "`, this file)");
        String html = new String(entries.get("transcript.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<section id=\"chain\">").contains("<code>" + name + "</code>")
                .contains("The session went on at <code>ask-hypervisor</code> in the next transcript");

        // exporting the earlier transcript finds the later one too
        JarRunner.Run md1 = tshoot.run(null, "export", old.toString(), "--format", "md", "--out", "-");
        assertThat(md1.out()).contains("| 2 | `" + resumed.getFileName() + "` |");
    }

    @Test
    void aChangedPlaybookIsSaidAndTheResumeAsksFirst() throws Exception {
        Path playbooks = Files.createDirectories(dir.resolve("playbooks"));
        Files.copy(Path.of("playbooks", PLAYBOOK + ".yaml"), playbooks.resolve(PLAYBOOK + ".yaml"));
        Path transcripts = Files.createDirectories(dir.resolve("transcripts"));
        JarRunner tshoot = new JarRunner(transcripts, playbooks, List.of("-Dtshoot.transcript.fsync=true"));
        Path old = killedAtTheHypervisorQuestion(tshoot);
        Files.writeString(playbooks.resolve(PLAYBOOK + ".yaml"), "\n# edited after the session\n",
                java.nio.file.StandardOpenOption.APPEND);

        JarRunner.Run stop = tshoot.run("resume " + old.getFileName() + "\n2\nexit\n");
        assertThat(stop.out()).contains("The playbook '" + PLAYBOOK + "' changed since this session was recorded")
                .contains("Continue on the playbook as it is now?").doesNotContain("Resumed ");
        assertThat(tshoot.transcripts()).as("nothing was started").hasSize(1);

        JarRunner.Run go = tshoot.run("resume " + old.getFileName() + "\n1\n1\nexit\n");
        assertThat(go.out()).contains("changed since this session was recorded")
                .contains("Resumed " + old.getFileName() + ": ").contains("at 'ask-hypervisor'");
        List<Path> files = tshoot.transcripts();
        assertThat(files).hasSize(2);
        TranscriptHeader h = TranscriptReader.header(files.get(1));
        assertThat(h.playbook().sha256()).isNotEqualTo(TranscriptReader.header(old).playbook().sha256());
        assertThat(h.resumes().node()).isEqualTo("ask-hypervisor");
    }

    @Test
    void aTranscriptWithAnAlteredAnswerIsNotResumed() throws Exception {
        Path transcripts = Files.createDirectories(dir.resolve("transcripts"));
        JarRunner tshoot = new JarRunner(transcripts, Path.of("playbooks"), List.of("-Dtshoot.transcript.fsync=true"));
        Path old = killedAtTheHypervisorQuestion(tshoot);
        String text = Files.readString(old);
        Files.writeString(old, text.replace("\"value\":\"windows\"", "\"value\":\"macos\""));
        JarRunner.Run r = tshoot.run("resume " + old.getFileName() + "\nexit\n");
        assertThat(r.out()).contains("Cannot resume " + old.getFileName() + ": BROKEN").doesNotContain("Resumed ");
        assertThat(tshoot.transcripts()).hasSize(1);
    }

    @Test
    void closingAPausedSessionAsksFirstAndLeavingSaysHowToResume() throws Exception {
        Path transcripts = Files.createDirectories(dir.resolve("transcripts"));
        JarRunner tshoot = new JarRunner(transcripts);
        JarRunner.Run r = tshoot.run(String.join("\n", "start " + PLAYBOOK,
                "3", // ask-run-here: Pause (after Yes, No)
                "start " + PLAYBOOK, "2", // keep the paused session
                "exit", "2", // stay
                "exit", "1") + "\n"); // leave
        assertThat(r.out()).contains("Paused at 'ask-run-here'.")
                .contains("A session is paused at 'ask-run-here'")
                .contains("Kept the paused session; 'resume' continues it.")
                .contains("A session is paused at 'ask-run-here'. Leave tshoot?")
                .contains("The open session was closed as interrupted.")
                .contains("'tshoot resume' continues it from its transcript");
        assertThat(tshoot.transcripts()).as("the second start did not start anything").hasSize(1);
        assertThat(Files.readString(tshoot.transcripts().get(0))).contains("\"reason\":\"interrupted\"");
    }

    private static Map<String, byte[]> unzip(Path zip) throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(zip)))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                m.put(e.getName(), in.readAllBytes());
            }
        }
        return m;
    }
}
