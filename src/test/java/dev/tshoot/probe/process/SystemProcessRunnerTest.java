package dev.tshoot.probe.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.engine.Diagnostics;
import dev.tshoot.playbook.OsFamily;
import dev.tshoot.probe.HostDiagnostics;
import dev.tshoot.probe.ProbeRegistry;
import dev.tshoot.probe.process.ProcessOutcome.Status;

/**
 * Runs real processes. POSIX tools ({@code sh}, {@code head}, {@code printf}, {@code sleep}) are
 * needed for most tests. No assertion depends on how fast the machine is.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a deadlock fails the test instead of hanging the build
class SystemProcessRunnerTest {

    private static final int MIB = 1024 * 1024;

    private final SystemProcessRunner runner = new SystemProcessRunner();
    /** Short grace periods keep the kill/hold-open tests fast; they do not change what is asserted. */
    private final SystemProcessRunner quickRunner =
            new SystemProcessRunner(Duration.ofMillis(200), Duration.ofMillis(300));

    private static ProcessSpec sh(String script) {
        return ProcessSpec.of("sh", "-c", script);
    }

    // ---------------------------------------------------------------- timeouts and process trees

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void timeoutKillsTheWholeTreeIncludingChildrenThatIgnoreSigterm() {
        // $$ = the shell, then one plain child and one that ignores SIGTERM (needs the forcible kill).
        String script = "echo $$; sleep 300 & echo $!; (trap '' TERM; exec sleep 301) & echo $!; wait";
        ProcessOutcome outcome = quickRunner.run(sh(script).withTimeout(Duration.ofSeconds(1)));

        assertThat(outcome.status()).isEqualTo(Status.TIMED_OUT);
        assertThat(outcome.timedOut()).isTrue();
        assertThat(outcome.exitCode()).isNull();
        assertThat(outcome.error()).startsWith("timed out after 1 s").contains("killed the process tree");
        List<Long> pids = pids(outcome.stdout());
        assertThat(pids).as("output printed before the kill is kept").hasSize(3);
        assertThat(pids).allSatisfy(pid -> assertThat(isRunning(pid)).as("pid %d still running", pid).isFalse());
    }

    @Test
    @EnabledOnOs(OS.LINUX) // re-parented orphans are found through the per-run environment token (Linux /proc)
    void backgroundProcessHoldingThePipeDoesNotHangTheRunAndIsKilled() {
        // The shell exits after 0.1 s; the orphaned sleep keeps stdout and stderr open.
        ProcessOutcome outcome = quickRunner.run(
                sh("sleep 300 & echo $!; echo done; sleep 0.1").withTimeout(Duration.ofMillis(500)));

        assertThat(outcome.status()).isEqualTo(Status.EXITED);
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.timedOut()).isFalse();
        assertThat(outcome.stdout()).endsWith("done\n");
        assertThat(outcome.error()).startsWith("exited with code 0 but its output stayed open")
                .contains("killed 1 leftover process");
        long sleeper = pids(outcome.stdout()).get(0);
        assertThat(isRunning(sleeper)).as("orphaned sleep %d still running", sleeper).isFalse();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void outputWrittenByABackgroundProcessAfterTheExitIsCaptured() {
        // Without care the JDK's exit hook may close our end of the pipe between two reads once the
        // shell has exited; every one of the ten late writes is a chance for that.
        ProcessOutcome outcome = runner.run(sh(
                "(for i in 1 2 3 4 5 6 7 8 9 10; do sleep 0.02; echo $i; done) & echo early; sleep 0.02"));

        assertThat(outcome.status()).isEqualTo(Status.EXITED);
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).isEqualTo("early\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n");
        assertThat(outcome.error()).isNull();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void interruptedCallerKillsTheTreeAndKeepsTheInterruptFlag(@TempDir Path dir) throws Exception {
        AtomicReference<ProcessOutcome> result = new AtomicReference<>();
        AtomicBoolean flagAfterRun = new AtomicBoolean();
        Path started = dir.resolve("started");
        Thread worker = new Thread(() -> {
            result.set(quickRunner.run(sh("echo $$; : > '" + started + "'; exec sleep 300")));
            flagAfterRun.set(Thread.currentThread().isInterrupted());
        });
        worker.start();
        // interrupt once the shell runs (it has printed its pid and made the file), not after a guessed delay
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(started)) {
            assertThat(worker.isAlive()).as("the run ended before the shell started: %s", result.get()).isTrue();
            assertThat(deadline - System.nanoTime()).as("the shell did not start within 20 s").isPositive();
            Thread.sleep(5); // polls for the file; the deadline bounds it
        }
        worker.interrupt();
        worker.join(TimeUnit.SECONDS.toMillis(20));
        assertThat(worker.isAlive()).as("the interrupted run returned").isFalse();

        ProcessOutcome outcome = result.get();
        assertThat(outcome).isNotNull();
        assertThat(outcome.status()).isEqualTo(Status.TIMED_OUT);
        assertThat(outcome.timedOut()).as("the timeout (30 s) did not expire").isFalse();
        assertThat(outcome.exitCode()).isNull();
        assertThat(outcome.error()).startsWith("interrupted");
        assertThat(flagAfterRun).isTrue();
        List<Long> pids = pids(outcome.stdout());
        assertThat(pids).as("the pid printed before the interrupt is kept").hasSize(1);
        assertThat(isRunning(pids.get(0))).isFalse();
    }

    // ---------------------------------------------------------------- output volume

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void hundredMegabytesAreCappedAtOneMebibyteWithFlatHeap() {
        List<MemoryPoolMXBean> heapPools = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                heapPools.add(pool);
            }
        }
        long usedBefore = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            pool.resetPeakUsage();
            usedBefore += pool.getUsage().getUsed();
        }

        ProcessOutcome outcome = runner.run(ProcessSpec.of("head", "-c", "100000000", "/dev/zero"));

        long peak = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            peak += pool.getPeakUsage().getUsed();
        }
        assertThat(outcome.status()).isEqualTo(Status.EXITED);
        assertThat(outcome.exitCode()).as("head was not blocked: it wrote everything and exited 0").isZero();
        assertThat(outcome.stdoutTruncated()).isTrue();
        assertThat(outcome.truncated()).isTrue();
        assertThat(outcome.stderrTruncated()).isFalse();
        assertThat(outcome.stdout().length()).isLessThanOrEqualTo(MIB).isEqualTo(MIB);
        assertThat(outcome.stdout().chars().allMatch(c -> c == 0)).isTrue();
        assertThat(outcome.stdoutValidUtf8()).isTrue();
        // Loose: buffering the 100 MB would need > 100 MB of heap; the cap needs a few MB.
        assertThat(peak - usedBefore).as("heap growth while capturing 100 MB").isLessThan(64L * MIB);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void whatFollowsTheCapIsKeptForTheRedactorUpTo16KiBAndNothingWhenNotCut() {
        // the cap cuts inside "é" (2 bytes): the character goes to what follows, whole
        ProcessOutcome cut = runner.run(sh("printf 'abcdefghi\\303\\251token-rest'; head -c 40000 /dev/zero | tr '\\0' z")
                .withMaxOutputBytes(10));
        assertThat(cut.stdout()).isEqualTo("abcdefghi");
        assertThat(cut.stdoutPastCap()).startsWith("\u00e9token-restzzz").hasSize(16 * 1024); // 16 KiB of bytes after the cap; "é" is two bytes, one character, and one byte came before the cap
        assertThat(cut.stderrPastCap()).isEmpty();
        ProcessOutcome whole = runner.run(sh("printf 'short'").withMaxOutputBytes(10));
        assertThat(whole.stdout()).isEqualTo("short");
        assertThat(whole.stdoutPastCap()).isEmpty();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void stderrFloodDoesNotDeadlockAndStdoutStillArrives() {
        // stdout is written only after 5 MB went to stderr: that needs stderr to be drained concurrently.
        ProcessOutcome outcome = runner.run(
                sh("head -c 5000000 /dev/zero >&2; echo done").withTimeout(Duration.ofSeconds(30)));

        assertThat(outcome.status()).isEqualTo(Status.EXITED);
        assertThat(outcome.timedOut()).isFalse();
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).isEqualTo("done\n");
        assertThat(outcome.stdoutTruncated()).isFalse();
        assertThat(outcome.stderrTruncated()).isTrue();
        assertThat(outcome.stderr()).hasSize(MIB);
        assertThat(outcome.error()).isNull();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void zeroCapKeepsNothingButRecordsTruncation() {
        ProcessOutcome outcome = runner.run(sh("echo hello").withMaxOutputBytes(0));

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).isEmpty();
        assertThat(outcome.stdoutTruncated()).isTrue();
        assertThat(outcome.stderrTruncated()).isFalse();
    }

    // ---------------------------------------------------------------- start failures

    @Test
    void missingBinaryIsNotFoundWithAClearMessage() {
        ProcessOutcome outcome = runner.run(ProcessSpec.of("tshoot-no-such-command-4711", "--version"));

        assertThat(outcome.status()).isEqualTo(Status.NOT_FOUND);
        assertThat(outcome.error()).isEqualTo("command not found: tshoot-no-such-command-4711 (not on PATH)");
        assertThat(outcome.exitCode()).isNull();
        assertThat(outcome.timedOut()).isFalse();
        assertThat(outcome.stdout()).isEmpty();
        assertThat(outcome.stderr()).isEmpty();
        assertThat(outcome.started()).isFalse();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void missingAbsolutePathIsNotFound() {
        ProcessOutcome outcome = runner.run(ProcessSpec.of("/nonexistent-tshoot-dir/tool"));

        assertThat(outcome.status()).isEqualTo(Status.NOT_FOUND);
        assertThat(outcome.error()).isEqualTo("command not found: /nonexistent-tshoot-dir/tool (no such file)");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void otherStartFailuresAreFailedToStartWithTheReason(@TempDir Path dir) throws IOException {
        Path notExecutable = Files.writeString(dir.resolve("plain.txt"), "echo hi\n");
        Files.setPosixFilePermissions(notExecutable, PosixFilePermissions.fromString("rw-r--r--"));
        Path badInterpreter = Files.writeString(dir.resolve("script"), "#!/nonexistent-tshoot/interp\necho hi\n");
        Files.setPosixFilePermissions(badInterpreter, PosixFilePermissions.fromString("rwxr-xr-x"));

        ProcessOutcome denied = runner.run(ProcessSpec.of(notExecutable.toString()));
        assertThat(denied.status()).isEqualTo(Status.FAILED_TO_START);
        assertThat(denied.error()).startsWith("cannot run " + notExecutable).contains("Permission denied");
        assertThat(denied.exitCode()).isNull();

        ProcessOutcome interp = runner.run(ProcessSpec.of(badInterpreter.toString()));
        assertThat(interp.status()).as("the file exists, so it is not 'not found'").isEqualTo(Status.FAILED_TO_START);
        assertThat(interp.error()).contains("the file exists").contains("interpreter");

        ProcessOutcome badDir = runner.run(ProcessSpec.of("echo", "hi").withWorkDir(dir.resolve("missing")));
        assertThat(badDir.status()).isEqualTo(Status.FAILED_TO_START);
        assertThat(badDir.error()).contains("working directory does not exist");
    }

    // ---------------------------------------------------------------- exit codes and stream handling

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void nonZeroExitIsRecordedAsExitedWithItsCode() {
        ProcessOutcome outcome = runner.run(sh("echo out; echo err >&2; exit 7"));

        assertThat(outcome.status()).isEqualTo(Status.EXITED);
        assertThat(outcome.exitCode()).isEqualTo(7);
        assertThat(outcome.stdout()).isEqualTo("out\n");
        assertThat(outcome.stderr()).isEqualTo("err\n");
        assertThat(outcome.error()).as("a non-zero exit is not a runner error").isNull();
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.truncated()).isFalse();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void stdoutClosedEarlyIsRecordedFaithfully() {
        ProcessOutcome outcome = runner.run(sh("exec 1>&-; sleep 0.2; echo err >&2; exit 3"));

        assertThat(outcome.status()).isEqualTo(Status.EXITED);
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.stdout()).isEmpty();
        assertThat(outcome.stderr()).isEqualTo("err\n");
        assertThat(outcome.stdoutTruncated()).isFalse();
        assertThat(outcome.error()).isNull();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void argvIsNotInterpretedByAShell() {
        ProcessOutcome outcome = runner.run(ProcessSpec.of("echo", "$HOME", "a;b", "*", "`id`"));

        assertThat(outcome.stdout()).isEqualTo("$HOME a;b * `id`\n");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void stdinIsEmptySoReadersDoNotHang() {
        // With an open stdin pipe, cat would wait until the timeout.
        ProcessOutcome outcome = runner.run(ProcessSpec.of("cat").withTimeout(Duration.ofSeconds(20)));

        assertThat(outcome.status()).isEqualTo(Status.EXITED);
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).isEmpty();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void extraEnvAndWorkDirAreApplied(@TempDir Path dir) throws IOException {
        ProcessOutcome outcome = runner.run(sh("printf '%s\\n' \"$TSHOOT_TEST_VAR\"; pwd -P")
                .withExtraEnv(Map.of("TSHOOT_TEST_VAR", "value with spaces"))
                .withWorkDir(dir));

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).isEqualTo("value with spaces\n" + dir.toRealPath() + "\n");
    }

    // ---------------------------------------------------------------- UTF-8

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void invalidUtf8IsReplacedAndFlagged() {
        ProcessOutcome outcome = runner.run(ProcessSpec.of("printf", "\\377\\376"));

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).isEqualTo("\uFFFD\uFFFD");
        assertThat(outcome.stdoutValidUtf8()).isFalse();
        assertThat(outcome.stderrValidUtf8()).isTrue();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void validUtf8IncludingALiteralReplacementCharacterIsValid() {
        // é, €, an emoji (4 bytes) and a genuine, well-formed U+FFFD (EF BF BD)
        ProcessOutcome outcome = runner.run(ProcessSpec.of("printf", "h\\303\\251 \\342\\202\\254 \\360\\237\\230\\200 \\357\\277\\275"));

        assertThat(outcome.stdout()).isEqualTo("h\u00e9 \u20ac \uD83D\uDE00 \uFFFD");
        assertThat(outcome.stdoutValidUtf8()).isTrue();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void capNeverSplitsAUtf8Character() {
        // "abcd" + EURO SIGN (E2 82 AC) + "xyz": the cap at 5 or 6 falls inside the euro sign.
        ProcessSpec euro = ProcessSpec.of("printf", "abcd\\342\\202\\254xyz");
        assertCapped(euro, 4, "abcd");
        assertCapped(euro, 5, "abcd");
        assertCapped(euro, 6, "abcd");
        assertCapped(euro, 7, "abcd\u20ac");
        assertCapped(euro, 8, "abcd\u20acx");
        // A 4-byte character cut after 1, 2 and 3 of its bytes.
        ProcessSpec emoji = ProcessSpec.of("printf", "ab\\360\\237\\230\\200cd");
        for (int cap = 2; cap <= 5; cap++) {
            assertCapped(emoji, cap, "ab");
        }
        assertCapped(emoji, 6, "ab\uD83D\uDE00");

        // A lead byte at the cap that is NOT followed by continuation bytes was never a character:
        // it stays, as U+FFFD, and the text is flagged invalid.
        ProcessOutcome bogus = runner.run(ProcessSpec.of("printf", "abcd\\342xyz").withMaxOutputBytes(5));
        assertThat(bogus.stdout()).isEqualTo("abcd\uFFFD");
        assertThat(bogus.stdoutTruncated()).isTrue();
        assertThat(bogus.stdoutValidUtf8()).isFalse();
    }

    private void assertCapped(ProcessSpec spec, int cap, String expected) {
        ProcessOutcome outcome = runner.run(spec.withMaxOutputBytes(cap));
        assertThat(outcome.stdout()).as("cap %d", cap).isEqualTo(expected);
        assertThat(outcome.stdout().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(cap);
        assertThat(outcome.stdoutTruncated()).as("cap %d", cap).isTrue();
        assertThat(outcome.stdoutValidUtf8()).as("cap %d", cap).isTrue();
    }

    // ---------------------------------------------------------------- register view

    /** The register a playbook's check sees is made from a real process's outcome by the host adapter. */
    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void theRegisterOfARealProcessHasThePlainFields() {
        HostDiagnostics host = new HostDiagnostics(ProbeRegistry.builtin(), runner, () -> null, OsFamily.current());
        Diagnostics.CommandData data = host.run(new Diagnostics.CommandRequest("n", List.of("echo out; exit 2"), true,
                Duration.ofSeconds(10), 1024, false));
        Map<String, Object> register = data.asRegister();

        assertThat(register).containsOnlyKeys("exitCode", "stdout", "stderr", "durationMs", "timedOut",
                "truncated", "status", "error", "pasted");
        assertThat(register).containsEntry("pasted", false).containsEntry("exitCode", 2).containsEntry("stdout", "out\n")
                .containsEntry("stderr", "").containsEntry("timedOut", false).containsEntry("truncated", false)
                .containsEntry("status", "exited").containsEntry("error", null)
                .containsEntry("durationMs", data.durationMs());
        assertThat(data.durationMs()).isNotNegative();

        Map<String, Object> notFound = host.run(new Diagnostics.CommandRequest("n", List.of("tshoot-no-such-command-4711"),
                false, Duration.ofSeconds(10), 1024, false)).asRegister();
        assertThat(notFound).containsEntry("status", "not_found").containsEntry("exitCode", null);
    }

    // ---------------------------------------------------------------- helpers

    private static List<Long> pids(String stdout) {
        List<Long> pids = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (line.matches("\\d+")) {
                pids.add(Long.parseLong(line));
            }
        }
        return pids;
    }

    /**
     * Running = exists and is not a zombie. A killed orphan may stay a zombie when PID 1 does not
     * reap (containers); it has terminated all the same.
     */
    private static boolean isRunning(long pid) {
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        if (!alive) {
            return false;
        }
        Path stat = Paths.get("/proc", Long.toString(pid), "stat");
        if (Files.isReadable(stat)) {
            try {
                String s = Files.readString(stat);
                char state = s.charAt(s.lastIndexOf(')') + 2);
                return state != 'Z' && state != 'X';
            } catch (IOException e) {
                return false; // vanished while reading
            }
        }
        return true;
    }
}
