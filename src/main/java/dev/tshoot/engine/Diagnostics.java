package dev.tshoot.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.tshoot.playbook.OsFamily;

/**
 * How a session gathers facts: built-in probes and playbook commands. The engine sees only this
 * interface; the shell plugs in the real host, tests plug in fakes, and replay plugs in recorded
 * results. Implementations never throw: what cannot be had comes back as data with a reason.
 */
public interface Diagnostics {

    /** The OS family: picks a command's argument list. */
    OsFamily osFamily();

    /** Runs a built-in probe. */
    ProbeData probe(String node, String name);

    /** Runs a command (consent has already been given). */
    CommandData run(CommandRequest request);

    /** A probe's facts (plain values), the reasons for facts it could not read, and its evidence. */
    record ProbeData(String probe, Map<String, Object> facts, Map<String, String> unknown,
            List<Map<String, String>> evidence, long durationMs, String error) {
        public ProbeData {
            facts = facts == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
            unknown = unknown == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(unknown));
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /**
     * A command to run: the exact argument list, limits, and whether it changes the system.
     * {@code shown} is the same list with the answers to secret questions replaced by
     * {@code [secret]}: what the screen and the transcript show. {@code mutating} is what the
     * playbook declares; {@code verdict} is tshoot's own decision ({@link ReadOnlyCommands}), the
     * only one that lets a command run without asking.
     */
    record CommandRequest(String node, List<String> argv, List<String> shown, boolean shell, Duration timeout,
            long maxOutputBytes, boolean mutating, ReadOnlyCommands.Verdict verdict) {
        public CommandRequest {
            argv = List.copyOf(argv);
            shown = List.copyOf(shown);
            // the playbook's mutating: true only ever makes a command more restricted
            if (verdict == null || mutating && verdict.readOnly()) {
                verdict = mutating ? ReadOnlyCommands.Verdict.MUTATING : ReadOnlyCommands.Verdict.UNCHECKED;
            }
        }

        public CommandRequest(String node, List<String> argv, List<String> shown, boolean shell, Duration timeout,
                long maxOutputBytes, boolean mutating) {
            this(node, argv, shown, shell, timeout, maxOutputBytes, mutating, null);
        }

        public CommandRequest(String node, List<String> argv, boolean shell, Duration timeout, long maxOutputBytes,
                boolean mutating) {
            this(node, argv, argv, shell, timeout, maxOutputBytes, mutating, null);
        }

        /** True only when tshoot's list says the command only reads (and the playbook does not say otherwise). */
        public boolean readOnly() { return verdict.readOnly() && !mutating; }
    }

    /**
     * A command's result. {@code status}: exited, timed_out, not_found, failed_to_start, declined,
     * dry_run, not_applicable. {@code pastCap}: what followed the output cap, for the redactor only.
     */
    record CommandData(String status, Integer exitCode, String stdout, String stderr, boolean stdoutTruncated,
            boolean stderrTruncated, boolean stdoutValidUtf8, boolean stderrValidUtf8, long durationMs, boolean timedOut,
            String error, PastCap pastCap) {

        /**
         * The text that followed the output cap on a truncated stream (up to 16 KiB), so that the
         * redactor sees a secret the cap cuts through whole. Never shown, recorded, or seen by a
         * condition: {@link #asRegister()} leaves it out, and the transcript line does not carry it.
         */
        public record PastCap(String stdout, String stderr) {
            public static final PastCap NONE = new PastCap("", "");

            public PastCap {
                stdout = stdout == null ? "" : stdout;
                stderr = stderr == null ? "" : stderr;
            }
        }

        public CommandData {
            pastCap = pastCap == null ? PastCap.NONE : pastCap;
        }

        public CommandData(String status, Integer exitCode, String stdout, String stderr, boolean stdoutTruncated,
                boolean stderrTruncated, boolean stdoutValidUtf8, boolean stderrValidUtf8, long durationMs,
                boolean timedOut, String error) {
            this(status, exitCode, stdout, stderr, stdoutTruncated, stderrTruncated, stdoutValidUtf8, stderrValidUtf8,
                    durationMs, timedOut, error, PastCap.NONE);
        }

        public static CommandData notRun(String status, String why) {
            return new CommandData(status, null, "", "", false, false, true, true, 0, false, why);
        }

        /**
         * A command's output that the user pasted (the command ran elsewhere): taken as exited with
         * code 0, as a {@code paste} question's register.
         */
        public static CommandData pasted(String stdout) {
            return new CommandData("exited", 0, stdout, "", false, false, true, true, 0, false, null);
        }

        public boolean truncated() { return stdoutTruncated || stderrTruncated; }

        /** What conditions see under the register name. */
        public Map<String, Object> asRegister() {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("exitCode", exitCode);
            m.put("stdout", stdout);
            m.put("stderr", stderr);
            m.put("durationMs", durationMs);
            m.put("timedOut", timedOut);
            m.put("truncated", truncated());
            m.put("status", status);
            m.put("error", error);
            m.put("pasted", false);
            return java.util.Collections.unmodifiableMap(m);
        }
    }

    /** No host access at all: probes report everything unknown, commands are not applicable. */
    Diagnostics NONE = new Diagnostics() {
        @Override public OsFamily osFamily() { return OsFamily.OTHER; }

        @Override public ProbeData probe(String node, String name) {
            return new ProbeData(name, Map.of(), Map.of(), List.of(), 0, "probes are not available here");
        }

        @Override public CommandData run(CommandRequest request) {
            return CommandData.notRun("not_applicable", "commands are not available here");
        }
    };
}
