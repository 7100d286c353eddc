package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.testing.Fixtures;
import dev.tshoot.testing.JarRunner;
import dev.tshoot.transcript.ReplayVerifier;
import dev.tshoot.transcript.TranscriptVerifier;

/**
 * SIGKILL at random points of a scripted interactive session: the packaged jar on a dumb terminal,
 * fed its keys through standard input a line every 40 ms, with fsync on as users run it, killed
 * after a random delay (seeded: {@code -Dtshoot.faults.seed}; {@code -Dtshoot.faults.kills} runs,
 * 5 in {@code mvn verify}, 100 with {@code -Pfaults}).
 *
 * <p>After every kill, each transcript left behind
 * <ul>
 * <li>verifies up to its last complete line: OK (killed between lines) or TORN TAIL (killed in mid
 * line), with exactly as many events as it has complete lines after the header; never BROKEN. The
 * one other state allowed is an empty file (killed between creating the file and writing its
 * header), which verify calls UNREADABLE ("empty");</li>
 * <li>replays against the same playbook: SAME, or, only when the session was not closed, a
 * divergence whose recorded side is "(the recording ends here)": the kill came after an answer was
 * recorded and before the node it leads to was.</li>
 * </ul>
 */
class CrashIT {

    static final long SEED = Long.getLong("tshoot.faults.seed", 20261126L);
    static final int KILLS = Integer.getInteger("tshoot.faults.kills", 5);
    static final long GAP_MS = 40;

    static final List<String> KEYS = List.of(
            "start docker-desktop-nested-virtualization",
            "2", // ask-run-here: no (the question path: nothing runs on this machine)
            "1", // ask-guest-os: Windows
            "1", // ask-in-vm: in a VM
            "1", // ask-hypervisor: VMware ESXi
            "1", // fix-vmware-esxi: done
            "1", // enable-in-guest-windows: done
            "1", // verify-nesting: yes
            "path",
            "note checked with the customer on the phone",
            "back",
            "2", // verify-nesting again: no
            "why",
            "1", // ask-host-setting-confirmed: yes -> escalate
            "end",
            "exit");

    @TempDir
    Path root;

    @Test
    void everyTranscriptLeftByAKillVerifiesAndReplays() throws Exception {
        Playbook pb = new PlaybookLoader().load(Path.of("playbooks/docker-desktop-nested-virtualization.yaml")).playbook();
        assertThat(pb).isNotNull();
        Random rnd = new Random(SEED);
        TreeMap<String, Integer> tally = new TreeMap<>();
        // calibration: one whole session without a kill, timed from the first prompt to the exit, so that the
        // kills spread over the session on a fast machine and on a loaded one alike
        long[] timing = killedSession(Files.createDirectories(root.resolve("whole")), false, -1);
        long startup = timing[0];
        long session = timing[1];
        long recording = Math.min(timing[2], session); // from the prompt until the transcript file appeared
        System.out.println("CrashIT: start-up " + startup + " ms, session " + session + " ms, file after " + recording + " ms");
        try (var s = Files.list(root.resolve("whole"))) {
            Path whole = s.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElseThrow();
            TranscriptVerifier.Result v = new TranscriptVerifier().verify(whole);
            assertThat(v.status()).as(v.message()).isEqualTo(TranscriptVerifier.Status.OK);
            assertThat(v.closed()).isTrue();
            assertThat(new ReplayVerifier(Fixtures.engine()).verify(whole, pb).same()).isTrue();
        }
        for (int run = 0; run < KILLS; run++) {
            Path dir = Files.createDirectories(root.resolve("run-" + run));
            // one kill in ten during start-up, one in ten between the prompt and the transcript's creation, the
            // rest while it records; at seeded fractions of the measured times, so one seed picks the same points
            int phase = rnd.nextInt(10);
            boolean duringStartup = phase == 0;
            double at = rnd.nextDouble();
            long delay = duringStartup ? (long) (at * startup)
                    : phase == 1 ? (long) (at * recording) : recording + (long) (at * (session - recording));
            String where = String.format("run %d (seed %d): phase %d at %.3f, kill %d ms after %s", run, SEED, phase, at, delay,
                    duringStartup ? "start" : "the first prompt");
            killedSession(dir, duringStartup, delay);

            List<Path> files;
            try (var s = Files.list(dir)) {
                files = s.filter(f -> f.toString().endsWith(".jsonl")).toList();
            }
            assertThat(files).as(where + ": one session, at most one transcript").hasSizeLessThanOrEqualTo(1);
            if (files.isEmpty()) {
                tally.merge("no transcript yet", 1, Integer::sum);
                continue;
            }
            Path t = files.get(0);
            byte[] bytes = Files.readAllBytes(t);
            TranscriptVerifier.Result v = new TranscriptVerifier().verify(t);
            String what = where + ": " + v.message();
            if (bytes.length == 0) {
                assertThat(v.status()).as(what).isEqualTo(TranscriptVerifier.Status.UNREADABLE);
                assertThat(v.message()).as(what).contains("empty");
                tally.merge("empty file", 1, Integer::sum);
                continue;
            }
            assertThat(v.status()).as(what).isIn(TranscriptVerifier.Status.OK, TranscriptVerifier.Status.TORN_TAIL);
            long complete = 0;
            for (byte b : bytes) {
                if (b == '\n') {
                    complete++;
                }
            }
            boolean torn = bytes[bytes.length - 1] != '\n';
            assertThat(v.status() == TranscriptVerifier.Status.TORN_TAIL).as(what).isEqualTo(torn);
            assertThat(v.events()).as(what + ": every complete line after the header is a verified event")
                    .isEqualTo(Math.max(complete - 1, 0));
            tally.merge(v.status() + (v.closed() ? " closed" : " open"), 1, Integer::sum);
            if (complete == 0) {
                continue; // only a torn header: nothing to replay
            }
            ReplayVerifier.Report r = new ReplayVerifier(Fixtures.engine()).verify(t, pb);
            if (r.same()) {
                tally.merge("replay SAME", 1, Integer::sum);
            } else {
                assertThat(v.closed()).as(what + ": a closed session replays SAME, got " + r.divergence()).isFalse();
                assertThat(r.divergence().recorded()).as(what + ": " + r.divergence()).isEqualTo("(the recording ends here)");
                tally.merge("replay ends early", 1, Integer::sum);
            }
        }
        System.out.println("CrashIT " + KILLS + " kills, seed " + SEED + ": " + tally);
        if (KILLS >= 50) {
            assertThat(tally.getOrDefault("replay SAME", 0)).as("kills landed inside sessions: " + tally).isPositive();
        }
    }

    /**
     * Starts the shell, feeds the keys, and kills it (SIGKILL) after the delay; with a negative delay it
     * lets the session run to its end. Returns the milliseconds from start to the first prompt, from
     * there to the kill (or to the exit), and (without a kill) from the prompt until the transcript appeared.
     */
    private long[] killedSession(Path dir, boolean duringStartup, long delay) throws Exception {
        JarRunner tshoot = new JarRunner(dir, Path.of("playbooks"), List.of("-Dtshoot.transcript.fsync=true"));
        long t0 = System.nanoTime();
        Process p = tshoot.start();
        try {
            return drive(p, dir, duringStartup, delay, t0);
        } finally {
            if (p.isAlive()) { // an assertion failed mid-way: never leave the jar running
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private long[] drive(Process p, Path dir, boolean duringStartup, long delay, long t0) throws Exception {
        StringBuffer out = new StringBuffer();
        Object promptSeen = new Object();
        boolean[] seen = {false};
        Thread reader = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (InputStream in = p.getInputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    if (out.indexOf("tshoot> ") >= 0) {
                        synchronized (promptSeen) {
                            seen[0] = true;
                            promptSeen.notifyAll();
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        Thread feeder = new Thread(() -> {
            try (OutputStream in = p.getOutputStream()) {
                synchronized (promptSeen) {
                    while (!seen[0] && p.isAlive()) {
                        promptSeen.wait(100);
                    }
                }
                for (String k : KEYS) {
                    in.write((k + "\n").getBytes(StandardCharsets.UTF_8));
                    in.flush();
                    Thread.sleep(GAP_MS);
                }
            } catch (IOException | InterruptedException ignored) {
                // the process was killed
            }
        });
        feeder.setDaemon(true);
        feeder.start();
        if (!duringStartup) {
            synchronized (promptSeen) {
                long end = System.nanoTime() + JarRunner.TIMEOUT.toNanos();
                while (!seen[0] && p.isAlive() && System.nanoTime() < end) {
                    promptSeen.wait(100);
                }
            }
            assertThat(seen[0]).as("the shell showed its prompt: " + out).isTrue();
        }
        long prompt = System.nanoTime();
        long fileAt = Long.MAX_VALUE;
        if (delay < 0) {
            long until = prompt + JarRunner.TIMEOUT.toNanos();
            while (p.isAlive() && System.nanoTime() < until) { // bounded; polls to time when the file appears
                if (fileAt == Long.MAX_VALUE) {
                    try (var s = Files.list(dir)) {
                        if (s.anyMatch(f -> f.toString().endsWith(".jsonl"))) {
                            fileAt = System.nanoTime();
                        }
                    }
                }
                Thread.sleep(2);
            }
            assertThat(p.waitFor(1, TimeUnit.SECONDS)).as("the whole session ends by itself: " + out).isTrue();
            assertThat(p.exitValue()).as(out.toString()).isZero();
        } else {
            Thread.sleep(delay); // the seeded kill point: this sleep is what the test varies
            p.destroyForcibly(); // SIGKILL
        }
        long end = System.nanoTime();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        feeder.interrupt();
        reader.join(5000);
        assertThat(out.toString()).doesNotContain("Exception");
        return new long[] {TimeUnit.NANOSECONDS.toMillis(prompt - t0), TimeUnit.NANOSECONDS.toMillis(end - prompt),
                fileAt == Long.MAX_VALUE ? Long.MAX_VALUE : TimeUnit.NANOSECONDS.toMillis(fileAt - prompt)};
    }
}
