package dev.tshoot.probe.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a JVM of its own by {@link SubreaperTest}: one command whose grandchild double-forks away
 * with a scrubbed environment (no per-run token), and with {@code setsid} also out of tshoot's
 * process group, killed at its time-out. Prints the containment
 * mode and whether the grandchild survived, then kills a survivor so nothing outlives the test.
 */
public final class OrphanRun {

    private OrphanRun() {}

    public static void main(String[] args) throws Exception {
        Path pidFile = Path.of(args[0]);
        // args[1] "setsid": the grandchild also leaves tshoot's session and process group
        String leave = args.length > 1 && args[1].equals("setsid") ? "setsid " : "";
        String script = "env -i " + leave + "/bin/sh -c 'sleep 300 </dev/null >/dev/null 2>&1 & echo $! > " + pidFile
                + "'; sleep 300";
        ProcessOutcome o = new SystemProcessRunner().run(ProcessSpec.of("sh", "-c", script).withTimeout(Duration.ofSeconds(2)));
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        System.out.println("mode: " + Subreaper.mode());
        System.out.println("status: " + o.status());
        var h = ProcessHandle.of(pid);
        boolean running = h.map(ProcessTree::isRunning).orElse(false);
        System.out.println("orphan: " + (running ? "survived" : "killed"));
        if (running) {
            System.out.println("parent: " + h.get().parent().map(ProcessHandle::pid).orElse(-1L) + " (tshoot is "
                    + ProcessHandle.current().pid() + ")");
        }
        Thread.sleep(100);
        System.out.println("reaped: " + ProcessHandle.of(pid).isEmpty());
        h.ifPresent(ProcessHandle::destroyForcibly);
    }
}
