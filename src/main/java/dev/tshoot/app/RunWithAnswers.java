package dev.tshoot.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.tshoot.engine.ConsentPolicy;
import dev.tshoot.engine.Diagnostics;
import dev.tshoot.engine.ReadOnlyCommands;
import dev.tshoot.engine.ScriptedWalk;
import dev.tshoot.engine.Session;
import dev.tshoot.playbook.AnswersFile;
import dev.tshoot.playbook.Finding;
import dev.tshoot.playbook.Node;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.Signatures;
import dev.tshoot.transcript.Recorder;
import dev.tshoot.transcript.TranscriptWriter;

/**
 * {@code run <playbook> --answers <file>}: walks a playbook without prompts, recording the
 * transcript. {@code --yes} runs only the commands on tshoot's read-only list without asking;
 * any other command stops the walk unless {@code --yes-mutating} is given. Exit 0 resolved, 3 unresolved or escalate, 2 bad input (an answers file that cannot
 * be used, or a walk the answers do not finish), 5 a finished walk whose transcript did not reach its
 * folder whole (it is then written to a fallback file, named, or what was lost is said).
 */
public final class RunWithAnswers {

    /** What {@code run} was asked to do: {@code answers} may be null (no answers file). */
    public record Request(Playbook playbook, String answers, boolean yes, boolean yesMutating, boolean dryRun) {
        boolean answersGiven() { return answers != null && !answers.isBlank(); }
    }

    /** How a run ended. */
    public sealed interface Result {
        /** Handles each way a run can end; the compiler checks that none is forgotten. */
        interface Visitor<R> {
            R answersRefused(AnswersRefused a);

            R walked(Walked w);
        }

        <R> R accept(Visitor<R> v);

        int exitStatus();
    }

    /** The answers file has findings: nothing was started, nothing recorded. */
    public record AnswersRefused(List<Finding> findings) implements Result {
        public AnswersRefused {
            findings = List.copyOf(findings);
        }

        public <R> R accept(Visitor<R> v) { return v.answersRefused(this); }

        public int exitStatus() { return ExitStatus.BAD_INPUT; }
    }

    /**
     * The walk ran (and its transcript is closed): {@code walk} says whether it reached an outcome
     * or where it stopped; {@code answersGiven} is false when no answers file was named.
     */
    public record Walked(Session session, ScriptedWalk.Result walk, TranscriptWriter writer, boolean answersGiven,
            TranscriptWriter.Rescue rescue) implements Result {
        public <R> R accept(Visitor<R> v) { return v.walked(this); }

        /**
         * Bad input first (a walk the answers do not finish), then {@link ExitStatus#NOT_RECORDED} when
         * the transcript did not reach its file whole, then the outcome.
         */
        public int exitStatus() {
            if (!walk.completed()) {
                return ExitStatus.BAD_INPUT;
            }
            if (rescue.needed()) {
                return ExitStatus.NOT_RECORDED;
            }
            return walk.outcome().result() == Node.Result.RESOLVED ? ExitStatus.OK : ExitStatus.NOT_RESOLVED;
        }
    }

    private final Recorder recorder;
    private final Diagnostics diagnostics;
    private final ConsentFile.Loaded consent;
    private final Path fallbackDir;

    /** Runs with tshoot's built-in read-only list. */
    public RunWithAnswers(Recorder recorder, Diagnostics diagnostics) {
        this(recorder, diagnostics, new ConsentFile.Loaded(ReadOnlyCommands.builtin(), List.of()));
    }

    /** Runs with the read-only list in force: the built-in one and the user's consent file. */
    public RunWithAnswers(Recorder recorder, Diagnostics diagnostics, ConsentFile.Loaded consent) {
        this(recorder, diagnostics, consent, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * {@code fallbackDir}: where the whole transcript is written when its folder refused a write (the
     * run ends with the session, so nobody is left to type {@code transcript save}).
     */
    public RunWithAnswers(Recorder recorder, Diagnostics diagnostics, ConsentFile.Loaded consent, Path fallbackDir) {
        this.recorder = recorder;
        this.diagnostics = diagnostics;
        this.consent = consent;
        this.fallbackDir = fallbackDir;
    }

    /** The shell's hint to use {@code transcript save} cannot be followed once a one-shot run has ended. */
    static Consumer<String> oneShot(Consumer<String> warnings) {
        return msg -> warnings.accept(msg.endsWith(TranscriptWriter.SAVE_HINT)
                ? msg.substring(0, msg.length() - TranscriptWriter.SAVE_HINT.length())
                        + " when the run ends, the whole transcript is written to a fallback file in the temporary folder."
                : msg);
    }

    /** Runs the walk; {@code warnings} hears of transcript trouble (e.g. a full disk) as it happens. */
    public Result run(Request req, Consumer<String> shellWarnings) {
        Consumer<String> warnings = oneShot(shellWarnings);
        AnswersFile.Result a = req.answersGiven() ? AnswersFile.read(Path.of(req.answers()), req.playbook())
                : new AnswersFile.Result(Map.of(), List.of());
        if (!a.ok()) {
            return new AnswersRefused(a.findings());
        }
        consent.warnings().forEach(warnings);
        Recorder.Recorded rec = recorder.start(req.playbook(), Signatures.check(req.playbook(), consent.keys()), warnings,
                diagnostics,
                ConsentPolicy.flags(req.yes(), req.yesMutating(), req.dryRun(), consent.commands()));
        Session s = rec.session();
        ScriptedWalk.Result r;
        try {
            r = ScriptedWalk.walk(s, a.answers());
        } finally {
            s.end(s.state() == Session.State.AT_OUTCOME ? "outcome" : "interrupted");
        }
        TranscriptWriter.Rescue rescue = rec.writer().rescue(fallbackDir);
        rec.writer().close();
        return new Walked(s, r, rec.writer(), req.answersGiven(), rescue);
    }
}
