package dev.tshoot.probe.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.tshoot.playbook.OsFamily;

/**
 * The process tree started by one run, and how to kill it.
 *
 * <p>Descendants are found three ways, because a process whose parent died is re-parented (to
 * init or a sub-reaper) and can no longer be found through {@link ProcessHandle#descendants()}:
 * <ol>
 *   <li>snapshots of {@code root.descendants()} taken while the root is running ({@link #remember()});</li>
 *   <li>descendants of every process remembered so far that is still running;</li>
 *   <li>on Linux, every process whose environment carries this run's token
 *       ({@value #TOKEN_ENV}={@code <random UUID>}), read from {@code /proc/<pid>/environ}. The
 *       token is inherited by all descendants unless they scrub their environment; and every
 *       orphan of the run still in tshoot's process group (see {@link #tokenHolders()});</li>
 *   <li>on Linux with JDK 22 or later, where tshoot is the child subreaper ({@link Subreaper}),
 *       every process re-parented to tshoot since the root started, and its descendants: this
 *       finds a double-forked descendant even when it scrubbed its environment.</li>
 * </ol>
 * Handles carry the process start time, and the JDK refuses to signal a handle whose pid was
 * reused by another process, so a remembered handle never hits an unrelated process.
 */
final class ProcessTree {

    /** Environment variable carrying the per-run token (Linux only). */
    static final String TOKEN_ENV = "TSHOOT_PROCESS_TOKEN";

    private static final boolean LINUX = OsFamily.current() == OsFamily.LINUX;
    private static final Path PROC = Paths.get("/proc");
    private static final long POLL_NANOS = 10_000_000L;

    private final ProcessHandle root;
    private final String token;
    private final long selfPid = ProcessHandle.current().pid();
    // handles compare by pid and start time; guarded by this
    private final Set<ProcessHandle> known = new LinkedHashSet<>();
    private volatile boolean interrupted;

    // the root's start in clock ticks since boot, read while it surely runs (-1: unknown)
    private final long rootStart;

    ProcessTree(ProcessHandle root, String token) {
        this.root = root;
        this.token = token;
        Stat st = LINUX ? Stat.of(root.pid()) : null;
        this.rootStart = st == null ? -1 : st.start;
    }

    /** The fields of {@code /proc/<pid>/stat} this class reads; null when the process is gone. */
    record Stat(char state, long ppid, long pgrp, long start) {
        static Stat of(long pid) {
            try {
                String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.ISO_8859_1);
                int close = stat.lastIndexOf(')');
                String[] f = stat.substring(close + 2).split(" ");
                // after the name: state(0) ppid(1) pgrp(2) session(3) ... starttime(19)
                return new Stat(f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[19]));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }

    /** A fresh token for a new run, or {@code null} where tokens are not used (non-Linux). */
    static String newToken() {
        return LINUX ? UUID.randomUUID().toString() : null;
    }

    /** Records the root's current descendants, so they can be found after the root has died. */
    void remember() {
        if (root.isAlive()) {
            try {
                root.descendants().forEach(this::add);
            } catch (RuntimeException ignored) {
                // best effort: the process table can change under our feet
            }
        }
    }

    private synchronized boolean add(ProcessHandle h) {
        if (h.pid() == selfPid || h.pid() == root.pid()) {
            return false;
        }
        return known.add(h);
    }

    private synchronized List<ProcessHandle> knownHandles() {
        return new ArrayList<>(known);
    }

    /** Descendants, remembered or discoverable now, that are still running (root excluded). */
    List<ProcessHandle> runningDescendants() {
        remember();
        for (ProcessHandle h : knownHandles()) {
            if (isRunning(h)) {
                try {
                    h.descendants().forEach(this::add);
                } catch (RuntimeException ignored) {
                    // best effort
                }
            }
        }
        tokenHolders().forEach(this::add);
        for (ProcessHandle h : Subreaper.adoptedSince(root)) {
            if (add(h)) {
                try {
                    h.descendants().forEach(this::add);
                } catch (RuntimeException ignored) {
                    // best effort
                }
            }
        }
        List<ProcessHandle> running = new ArrayList<>();
        for (ProcessHandle h : knownHandles()) {
            if (isRunning(h)) {
                running.add(h);
            }
        }
        return running;
    }

    /**
     * Kills the tree: SIGTERM (or the platform's polite equivalent) to the root (if
     * {@code includeRoot}) and every running descendant, then SIGKILL to whatever is still running
     * after {@code graceNanos}, then SIGKILL to descendants discovered after that, then waits (up
     * to {@code graceNanos} again) for them all to be gone.
     *
     * @return how many processes were signalled
     */
    int kill(boolean includeRoot, long graceNanos) {
        // Snapshot first: once the root dies its children are re-parented and harder to find.
        List<ProcessHandle> targets = new ArrayList<>();
        if (includeRoot && isRunning(root)) {
            targets.add(root);
        }
        targets.addAll(runningDescendants());
        if (targets.isEmpty()) {
            return 0;
        }
        // Root first, so a shell does not react to its children dying by starting new ones.
        targets.forEach(ProcessTree::destroy);
        long deadline = System.nanoTime() + graceNanos;
        while (anyRunning(targets) && System.nanoTime() - deadline < 0) {
            sleepQuietly(POLL_NANOS);
        }
        for (ProcessHandle h : targets) {
            if (isRunning(h)) {
                destroyForcibly(h);
            }
        }
        int signalled = targets.size();
        // Anything that appeared in the meantime (forked between snapshot and signal) goes straight to SIGKILL.
        for (int round = 0; round < 3; round++) {
            List<ProcessHandle> late = new ArrayList<>();
            for (ProcessHandle h : runningDescendants()) {
                if (!targets.contains(h)) {
                    late.add(h);
                }
            }
            if (late.isEmpty()) {
                break;
            }
            late.forEach(ProcessTree::destroyForcibly);
            targets.addAll(late);
            signalled += late.size();
        }
        // SIGKILL is asynchronous: give the kernel a moment so callers can rely on "gone" (bounded:
        // a process stuck in uninterruptible I/O may outlive this).
        awaitGone(targets, graceNanos);
        Subreaper.reap(targets);
        return signalled;
    }

    /** Waits up to {@code nanos} for every given process to stop running; {@code true} if they all did. */
    boolean awaitGone(List<ProcessHandle> handles, long nanos) {
        long deadline = System.nanoTime() + nanos;
        while (anyRunning(handles)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            sleepQuietly(POLL_NANOS);
        }
        return true;
    }

    private static boolean anyRunning(List<ProcessHandle> handles) {
        for (ProcessHandle h : handles) {
            if (isRunning(h)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code true} if the process exists and has not terminated. Unlike {@link ProcessHandle#isAlive()}
     * this treats a zombie (terminated, not yet reaped, e.g. under an init that does not reap) as gone.
     */
    static boolean isRunning(ProcessHandle h) {
        if (!h.isAlive()) {
            return false;
        }
        if (LINUX) {
            try {
                String stat = Files.readString(PROC.resolve(Long.toString(h.pid())).resolve("stat"),
                        StandardCharsets.ISO_8859_1);
                int close = stat.lastIndexOf(')');
                if (close >= 0 && close + 2 < stat.length()) {
                    char state = stat.charAt(close + 2);
                    return state != 'Z' && state != 'X';
                }
            } catch (IOException | RuntimeException e) {
                return h.isAlive();
            }
        }
        return true;
    }

    /**
     * Linux: processes whose environment carries this run's token, and orphans of this run that
     * stayed in tshoot's process group: re-parented (their parent is outside the group, init or a
     * session's reaper) and started since the root did. The second finds a double-forked
     * descendant that scrubbed its environment, unless it also left the process group ({@code setsid}).
     * A process of the user's own job (a pipeline stage) has its parent in the group and is never taken.
     */
    private List<ProcessHandle> tokenHolders() {
        List<ProcessHandle> found = new ArrayList<>();
        if (token == null || !LINUX) {
            return found;
        }
        Stat self = Stat.of(selfPid);
        Stat rootStat = Stat.of(root.pid());
        long since = rootStat != null ? rootStat.start : rootStart;
        byte[] needle = (TOKEN_ENV + "=" + token).getBytes(StandardCharsets.UTF_8);
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC)) {
            for (Path dir : dirs) {
                long pid = parsePid(dir.getFileName().toString());
                if (pid <= 0 || pid == selfPid) {
                    continue;
                }
                // Take the handle (pid + start time) before reading the environment: if the pid
                // is reused in between, the JDK will refuse to signal the handle.
                Optional<ProcessHandle> handle = ProcessHandle.of(pid);
                if (handle.isEmpty()) {
                    continue;
                }
                Stat st = self == null || since < 0 ? null : Stat.of(pid);
                if (st != null && st.pgrp == self.pgrp && st.start >= since && st.state != 'Z') {
                    Stat parent = Stat.of(st.ppid);
                    if (parent == null || parent.pgrp != self.pgrp) {
                        found.add(handle.get());
                        continue;
                    }
                }
                try {
                    if (containsEntry(Files.readAllBytes(dir.resolve("environ")), needle)) {
                        found.add(handle.get());
                    }
                } catch (IOException | RuntimeException ignored) {
                    // not ours to read, or gone
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // no /proc: nothing found
        }
        return found;
    }

    /** {@code true} if the NUL-separated {@code environ} contains exactly the entry {@code needle}. */
    static boolean containsEntry(byte[] environ, byte[] needle) {
        int start = 0;
        while (start < environ.length) {
            int end = start;
            while (end < environ.length && environ[end] != 0) {
                end++;
            }
            if (end - start == needle.length && Arrays.equals(environ, start, end, needle, 0, needle.length)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static long parsePid(String name) {
        if (name.isEmpty() || name.length() > 18) {
            return -1;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return -1;
            }
        }
        return Long.parseLong(name);
    }

    private static void destroy(ProcessHandle h) {
        try {
            h.destroy();
        } catch (RuntimeException ignored) {
            // not permitted or already gone
        }
    }

    private static void destroyForcibly(ProcessHandle h) {
        try {
            h.destroyForcibly();
        } catch (RuntimeException ignored) {
            // not permitted or already gone
        }
    }

    /**
     * {@code true} if the calling thread was interrupted while this tree was being killed or waited
     * for. The interrupt is swallowed so that killing completes (re-asserting it would turn every
     * later sleep into a busy loop); the caller must restore it with
     * {@code Thread.currentThread().interrupt()}.
     */
    boolean wasInterrupted() {
        return interrupted;
    }

    /** Records that the calling thread was interrupted during clean-up (see {@link #wasInterrupted()}). */
    void markInterrupted() {
        interrupted = true;
    }

    private void sleepQuietly(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        } catch (InterruptedException e) {
            interrupted = true;
        }
    }

}
