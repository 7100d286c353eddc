package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tshoot.testing.Fixtures;
import dev.tshoot.testing.JarRunner;
import dev.tshoot.transcript.TranscriptJson;
import dev.tshoot.transcript.TranscriptVerifier;

/**
 * End to end through {@code tshoot run --yes}: a playbook whose checks run a command that floods its
 * output, one that hangs with a child that hangs too, one that prints bytes that are not UTF-8, and
 * one that closes its output early and goes on. The transcript records each as it behaved, and the
 * hung command's whole process tree is gone afterwards.
 */
class CommandFaultsIT {

    @TempDir
    Path transcripts;

    @Test
    void floodsHangsInvalidUtf8AndEarlyClosedOutputAreRecordedFaithfully() throws Exception {
        assumeThat(System.getProperty("os.name")).as("the commands are Linux ones").startsWith("Linux");
        Path playbooks = Fixtures.resource("playbooks/faults");
        JarRunner tshoot = new JarRunner(transcripts, playbooks, List.of("-Dtshoot.transcript.fsync=false"));
        // none of these commands is on tshoot's read-only list (and some are shells), so --yes does not cover them:
        // that is checked first, then --yes-mutating approves them for the unattended run
        JarRunner elsewhere = new JarRunner(java.nio.file.Files.createDirectories(transcripts.resolveSibling(
                transcripts.getFileName() + "-refused")), playbooks, List.of("-Dtshoot.transcript.fsync=false"));
        JarRunner.Run refused = elsewhere.run(null, "run", "faulty-commands", "--yes");
        assertThat(refused.exit()).as(refused.out()).isEqualTo(2);
        assertThat(refused.out()).contains("needs consent before it runs: head -c 10000000 /dev/zero (not on tshoot's read-only list");
        JarRunner.Run r = tshoot.run(null, "run", "faulty-commands", "--yes-mutating");
        assertThat(r.out()).doesNotContain("Exception");
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("RESOLVED");

        Path t = tshoot.transcripts().get(0);
        TranscriptVerifier.Result v = new TranscriptVerifier().verify(t);
        assertThat(v.status()).as(v.message()).isEqualTo(TranscriptVerifier.Status.OK);
        Map<String, JsonNode> ran = Files.readAllLines(t).stream().map(l -> {
            try {
                return TranscriptJson.MAPPER.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).filter(n -> n.path("type").asText().equals("command-ran"))
                .collect(Collectors.toMap(n -> n.path("node").asText(), n -> n));
        assertThat(ran).containsOnlyKeys("flood", "hang", "bad-utf8", "closed-early");

        JsonNode flood = ran.get("flood");
        assertThat(flood.path("consent").asText()).isEqualTo("preapproved");
        assertThat(flood.path("status").asText()).isEqualTo("exited");
        assertThat(flood.path("exitCode").asInt()).isZero();
        assertThat(flood.path("stdoutTruncated").asBoolean()).isTrue();
        assertThat(flood.path("stdout").asText().length()).isBetween(1, 64 * 1024);

        JsonNode hang = ran.get("hang");
        assertThat(hang.path("status").asText()).isEqualTo("timed_out");
        assertThat(hang.path("timedOut").asBoolean()).isTrue();
        assertThat(hang.path("stdout").asText()).doesNotContain("never");
        assertThat(hang.path("durationMs").asLong()).isBetween(900L, 15_000L);
        List<String> left = ProcessHandle.allProcesses()
                .map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("sleep 6173") || c.contains("sleep 6174"))
                .toList();
        assertThat(left).as("the hung command and its child were killed").isEmpty();

        JsonNode bad = ran.get("bad-utf8");
        assertThat(bad.path("status").asText()).isEqualTo("exited");
        assertThat(bad.path("stdoutValidUtf8").asBoolean()).isFalse();
        assertThat(bad.path("stdout").asText()).isEqualTo("\uFFFD\uFFFDok\n");

        JsonNode closed = ran.get("closed-early");
        assertThat(closed.path("status").asText()).isEqualTo("exited");
        assertThat(closed.path("exitCode").asInt()).isZero();
        assertThat(closed.path("stdout").asText()).isEqualTo("early\n");
        assertThat(closed.path("stderr").asText()).isEqualTo("late\n");
        assertThat(closed.path("stdoutTruncated").asBoolean()).isFalse();
    }
}
