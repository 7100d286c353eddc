package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.testing.JarRunner;
import dev.tshoot.transcript.TranscriptVerifier;

/**
 * A transcripts folder that cannot be written, and one on a file system that fills up in mid-session
 * (a 16 KiB tmpfs; needs root and mount, skipped otherwise): the shell warns once, at once, the session goes on in memory,
 * {@code transcript save} writes everything elsewhere and recording continues there, and nothing
 * that reached the full disk is lost or contradicted.
 */
class DiskFullIT {

    @TempDir
    Path dir;

    Path mount;

    /** Runs a command, its output discarded; -1 if it did not end within 30 s (then it is killed). */
    static int sh(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return -1;
        }
        return p.exitValue();
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            sh("umount", "-l", mount.toString());
        }
    }

    @Test
    void anUnwritableFolderWarnsAtTheStartAndTheSessionCanBeSavedElsewhere() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("transcripts"), "a file where the folder should be");
        Path saved = dir.resolve("elsewhere/saved.jsonl");
        JarRunner tshoot = new JarRunner(notAFolder, Path.of("playbooks"), List.of("-Dtshoot.transcript.fsync=true"));
        JarRunner.Run r = tshoot.run(String.join("\n", "start docker-desktop-nested-virtualization", "2", "1", "1", "1", "1",
                "1", "1", "status", "transcript save " + saved, "note saved now", "end", "exit") + "\n");
        String out = r.out();
        assertThat(out).doesNotContain("Exception");
        int warning = out.indexOf("warning: Transcript not saved: cannot create the transcript");
        assertThat(warning).as(out).isPositive();
        assertThat(warning).as("the warning comes before the first question").isLessThan(out.indexOf("Which operating system"));
        assertThat(out.substring(warning, out.indexOf('\n', warning))).contains("is in the way: it exists and is not a folder");
        assertThat(out).contains("NOT SAVED: kept in memory").contains("Saved; recording continues in " + saved);
        TranscriptVerifier.Result v = new TranscriptVerifier().verify(saved);
        assertThat(v.status()).as(v.message()).isEqualTo(TranscriptVerifier.Status.OK);
        assertThat(v.closed()).isTrue();
        assertThat(Files.readString(saved)).contains("\"text\":\"saved now\"").contains("\"type\":\"outcome\"");
    }

    @Test
    void aFullDiskWarnsAtOnceKeepsTheSessionAndSavesElsewhere() throws Exception {
        assumeThat(System.getProperty("os.name")).startsWith("Linux");
        assumeThat(System.getProperty("user.name")).as("mounting a tmpfs needs root").isEqualTo("root");
        Path full = Files.createDirectories(dir.resolve("full"));
        assumeThat(sh("mount", "-t", "tmpfs", "-o", "size=16k,mode=0700", "tmpfs", full.toString()))
                .as("mount -t tmpfs works here").isZero();
        mount = full;

        Path saved = dir.resolve("elsewhere/saved.jsonl");
        List<String> keys = new ArrayList<>(List.of("start docker-desktop-nested-virtualization",
                "2", "1", "1", "1", "1", "1", "1")); // question path to the outcome resolved-nesting-works
        for (int i = 0; i < 20; i++) {
            keys.add("back"); // to verify-nesting
            keys.add("1"); // yes: the outcome again
        }
        keys.add("status");
        keys.add("transcript save " + saved);
        keys.add("back");
        keys.add("2");
        keys.add("1"); // ask-host-setting-confirmed: yes -> escalate
        keys.add("end");
        keys.add("exit");
        JarRunner tshoot = new JarRunner(full, Path.of("playbooks"), List.of("-Dtshoot.transcript.fsync=true"));
        JarRunner.Run r = tshoot.run(String.join("\n", keys) + "\n");
        String out = r.out();
        assertThat(out).doesNotContain("Exception");

        int warning = out.indexOf("warning: Transcript not saved: writing ");
        assertThat(warning).as("a warning when the disk filled: " + out).isPositive();
        assertThat(out.indexOf("warning: Transcript not saved", warning + 1)).as("warned once").isNegative();
        assertThat(out.substring(warning, out.indexOf('\n', warning)))
                .contains("No space left on device").contains("kept in memory").contains("transcript save <file>");
        assertThat(out.substring(warning)).as("the session went on after the warning").contains("RESOLVED");
        assertThat(out).contains("NOT SAVED: kept in memory");
        assertThat(out).contains("Saved; recording continues in " + saved);
        assertThat(out.substring(out.indexOf("Saved; recording"))).contains("ESCALATE").contains("Session closed");

        // everything is in the saved file, which verifies and is closed
        TranscriptVerifier.Result s = new TranscriptVerifier().verify(saved);
        assertThat(s.status()).as(s.message()).isEqualTo(TranscriptVerifier.Status.OK);
        assertThat(s.closed()).isTrue();
        // what reached the full disk still verifies, and is the start of the saved file, line for line
        Path partial = tshoot.transcripts().get(0);
        TranscriptVerifier.Result p = new TranscriptVerifier().verify(partial);
        assertThat(p.status()).as(p.message()).isIn(TranscriptVerifier.Status.OK, TranscriptVerifier.Status.TORN_TAIL);
        assertThat(p.events()).isPositive().isLessThan(s.events());
        List<String> onFull = Files.readAllLines(partial, StandardCharsets.UTF_8);
        List<String> all = Files.readAllLines(saved, StandardCharsets.UTF_8);
        int complete = (int) p.events() + 1;
        assertThat(all.subList(0, complete)).isEqualTo(onFull.subList(0, complete));
    }
}
