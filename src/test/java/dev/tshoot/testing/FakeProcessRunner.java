package dev.tshoot.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.tshoot.probe.process.ProcessOutcome;
import dev.tshoot.probe.process.ProcessRunner;
import dev.tshoot.probe.process.ProcessSpec;

/**
 * A scripted {@link ProcessRunner} for engine tests: no process is ever started. Outcomes are keyed
 * by the exact argument vector, and every {@link ProcessSpec} received is recorded.
 *
 * <pre>{@code
 * FakeProcessRunner runner = new FakeProcessRunner()
 *         .onExit(List.of("lscpu"), 0, "Architecture: x86_64\n")
 *         .onExit(List.of("systemd-detect-virt"), 1, "none\n")
 *         .onTimeout(List.of("df", "-h"))
 *         .on(List.of("uptime"), spec -> ProcessOutcome.exited(spec.argv(), 0, "up 3 days\n", "", 5));
 * // ... run the engine with it ...
 * assertThat(runner.argvs()).containsExactly(List.of("lscpu"), List.of("systemd-detect-virt"));
 * assertThat(runner.lastSpec().timeout()).isEqualTo(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>Several outcomes scripted for the same argv are returned in order, one per run; the last one
 * then repeats. An argv that was not scripted yields {@link ProcessOutcome.Status#NOT_FOUND} with the
 * real runner's wording (like a tool that is not installed), or, after {@link #strict()}, fails the
 * test with an {@link AssertionError}. Thread-safe.
 */
public final class FakeProcessRunner implements ProcessRunner {

    private final Map<List<String>, List<Function<ProcessSpec, ProcessOutcome>>> scripts = new HashMap<>();
    private final Map<List<String>, Integer> served = new HashMap<>();
    private final List<ProcessSpec> received = new ArrayList<>();
    private Function<ProcessSpec, ProcessOutcome> fallback = spec -> ProcessOutcome.notFound(spec.argv(), 0);

    /** Scripts one or more fixed outcomes for {@code argv}, returned in order; the last repeats. */
    public synchronized FakeProcessRunner on(List<String> argv, ProcessOutcome... outcomes) {
        if (outcomes.length == 0) {
            throw new IllegalArgumentException("script at least one outcome for " + argv);
        }
        for (ProcessOutcome outcome : outcomes) {
            Objects.requireNonNull(outcome, "outcome");
            script(argv, spec -> outcome);
        }
        return this;
    }

    /** Scripts a computed outcome for {@code argv} (appended to any outcomes already scripted for it). */
    public synchronized FakeProcessRunner on(List<String> argv, Function<ProcessSpec, ProcessOutcome> responder) {
        script(argv, Objects.requireNonNull(responder, "responder"));
        return this;
    }

    /** Scripts a normal exit with the given code and stdout, empty stderr. */
    public FakeProcessRunner onExit(List<String> argv, int exitCode, String stdout) {
        return onExit(argv, exitCode, stdout, "");
    }

    /** Scripts a normal exit with the given code, stdout and stderr. */
    public FakeProcessRunner onExit(List<String> argv, int exitCode, String stdout, String stderr) {
        return on(argv, spec -> ProcessOutcome.exited(spec.argv(), exitCode, stdout, stderr, 0));
    }

    /** Scripts a timeout: no exit code, empty output, duration = the spec's timeout. */
    public FakeProcessRunner onTimeout(List<String> argv) {
        return on(argv, spec -> ProcessOutcome.timedOut(spec.argv(), "", "", spec.timeout().toMillis(),
                "timed out after " + spec.timeout().toMillis() + " ms; killed the process tree (1 process(es))"));
    }

    /** Scripts "command not found", worded like the real runner. */
    public FakeProcessRunner onNotFound(List<String> argv) {
        return on(argv, spec -> ProcessOutcome.notFound(spec.argv(), 0));
    }

    /** Scripts a failure to start with the given message. */
    public FakeProcessRunner onFailedToStart(List<String> argv, String error) {
        return on(argv, spec -> ProcessOutcome.failedToStart(spec.argv(), 0, error));
    }

    /** Answers unscripted argvs with {@code responder} instead of NOT_FOUND. */
    public synchronized FakeProcessRunner otherwise(Function<ProcessSpec, ProcessOutcome> responder) {
        this.fallback = Objects.requireNonNull(responder, "responder");
        return this;
    }

    /** Makes an unscripted argv fail the test (AssertionError) instead of yielding NOT_FOUND. */
    public synchronized FakeProcessRunner strict() {
        this.fallback = spec -> {
            throw new AssertionError("FakeProcessRunner: unscripted command " + spec.argv()
                    + "; scripted: " + scripts.keySet());
        };
        return this;
    }

    @Override
    public synchronized ProcessOutcome run(ProcessSpec spec) {
        Objects.requireNonNull(spec, "spec");
        received.add(spec);
        List<Function<ProcessSpec, ProcessOutcome>> responses = scripts.get(spec.argv());
        Function<ProcessSpec, ProcessOutcome> responder;
        if (responses == null) {
            responder = fallback;
        } else {
            int index = served.merge(spec.argv(), 1, Integer::sum) - 1;
            responder = responses.get(Math.min(index, responses.size() - 1));
        }
        ProcessOutcome outcome = responder.apply(spec);
        if (outcome == null) {
            throw new AssertionError("FakeProcessRunner: responder for " + spec.argv() + " returned null");
        }
        return outcome;
    }

    /** Every spec received, in order. */
    public synchronized List<ProcessSpec> specs() {
        return Collections.unmodifiableList(new ArrayList<>(received));
    }

    /** The argv of every spec received, in order. */
    public synchronized List<List<String>> argvs() {
        List<List<String>> argvs = new ArrayList<>();
        for (ProcessSpec spec : received) {
            argvs.add(spec.argv());
        }
        return argvs;
    }

    /** How many times {@code argv} was run. */
    public synchronized int timesRun(List<String> argv) {
        int n = 0;
        for (ProcessSpec spec : received) {
            if (spec.argv().equals(argv)) {
                n++;
            }
        }
        return n;
    }

    /** The last spec received; fails the test if none was. */
    public synchronized ProcessSpec lastSpec() {
        if (received.isEmpty()) {
            throw new AssertionError("FakeProcessRunner: nothing was run");
        }
        return received.get(received.size() - 1);
    }

    private void script(List<String> argv, Function<ProcessSpec, ProcessOutcome> responder) {
        scripts.computeIfAbsent(List.copyOf(argv), k -> new ArrayList<>()).add(responder);
    }
}
