package dev.tshoot.probe.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to run: an argument vector plus the limits it runs under.
 *
 * <p>The argument vector is executed directly (no shell): {@code argv.get(0)} is the program,
 * looked up on the {@code PATH} of the tshoot process when it contains no path separator, and the
 * remaining elements are passed verbatim, without globbing, quoting or variable expansion. A
 * caller that wants shell syntax puts the shell in the vector itself, e.g.
 * {@code List.of("sh", "-c", "lsblk | head")}.
 *
 * <p>Instances are immutable and validated on construction; invalid values are programming
 * errors and throw {@link IllegalArgumentException} (or {@link NullPointerException}).
 *
 * @param argv           program and arguments; non-empty, no {@code null} elements, program not blank
 * @param timeout        wall-clock limit; when it expires the whole process tree is killed.
 *                       Must be positive. Default {@link #DEFAULT_TIMEOUT} (30 s).
 * @param maxOutputBytes how many bytes are kept <em>per stream</em> (stdout and stderr each);
 *                       the rest is read and discarded. {@code 0..}{@link #MAX_OUTPUT_BYTES_LIMIT}.
 *                       Default {@link #DEFAULT_MAX_OUTPUT_BYTES} (1 MiB).
 * @param extraEnv       variables added to (or overriding) the inherited environment; never
 *                       {@code null} (a {@code null} argument becomes an empty map). Keys must be
 *                       non-empty and contain no {@code '='}; keys and values no NUL character.
 * @param workDir        working directory of the child, or {@code null} to inherit tshoot's
 */
public record ProcessSpec(List<String> argv, Duration timeout, long maxOutputBytes,
                          Map<String, String> extraEnv, Path workDir) {

    /** Default wall-clock limit: 30 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Default per-stream output cap: 1 MiB. */
    public static final long DEFAULT_MAX_OUTPUT_BYTES = 1024L * 1024L;

    /** Largest accepted per-stream cap (the captured bytes must fit in one Java array). */
    public static final long MAX_OUTPUT_BYTES_LIMIT = Integer.MAX_VALUE - 64L;

    // Validates and defensively copies the components.
    public ProcessSpec {
        Objects.requireNonNull(argv, "argv");
        argv = List.copyOf(argv); // rejects null elements
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv must not be empty");
        }
        if (argv.get(0).isBlank()) {
            throw new IllegalArgumentException("argv[0] (the program) must not be blank");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (maxOutputBytes < 0 || maxOutputBytes > MAX_OUTPUT_BYTES_LIMIT) {
            throw new IllegalArgumentException(
                    "maxOutputBytes must be in 0.." + MAX_OUTPUT_BYTES_LIMIT + ": " + maxOutputBytes);
        }
        extraEnv = extraEnv == null ? Map.of() : copyEnv(extraEnv);
    }

    /**
     * A spec with the defaults: 30 s timeout, 1 MiB per stream, no extra environment, inherited
     * working directory.
     */
    public static ProcessSpec of(List<String> argv) {
        return new ProcessSpec(argv, DEFAULT_TIMEOUT, DEFAULT_MAX_OUTPUT_BYTES, Map.of(), null);
    }

    /** Varargs convenience for {@link #of(List)}. */
    public static ProcessSpec of(String... argv) {
        return of(List.of(argv));
    }

    /** A copy with another timeout. */
    public ProcessSpec withTimeout(Duration newTimeout) {
        return new ProcessSpec(argv, newTimeout, maxOutputBytes, extraEnv, workDir);
    }

    /** A copy with another per-stream output cap. */
    public ProcessSpec withMaxOutputBytes(long newMaxOutputBytes) {
        return new ProcessSpec(argv, timeout, newMaxOutputBytes, extraEnv, workDir);
    }

    /** A copy with another set of extra environment variables (replacing, not merging). */
    public ProcessSpec withExtraEnv(Map<String, String> newExtraEnv) {
        return new ProcessSpec(argv, timeout, maxOutputBytes, newExtraEnv, workDir);
    }

    /** A copy with another working directory ({@code null}: inherit tshoot's). */
    public ProcessSpec withWorkDir(Path newWorkDir) {
        return new ProcessSpec(argv, timeout, maxOutputBytes, extraEnv, newWorkDir);
    }

    private static Map<String, String> copyEnv(Map<String, String> env) {
        Map<String, String> copy = new LinkedHashMap<>();
        env.forEach((k, v) -> {
            Objects.requireNonNull(k, "extraEnv key");
            Objects.requireNonNull(v, () -> "extraEnv value for " + k);
            if (k.isEmpty() || k.indexOf('=') >= 0 || k.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("invalid environment variable name: '" + k + "'");
            }
            if (v.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("environment variable " + k + " contains a NUL character");
            }
            copy.put(k, v);
        });
        return java.util.Collections.unmodifiableMap(copy);
    }
}
