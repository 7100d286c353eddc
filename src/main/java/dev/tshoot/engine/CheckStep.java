package dev.tshoot.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import dev.tshoot.playbook.Node;
import dev.tshoot.playbook.Nodes;
import dev.tshoot.playbook.Provenance;

/**
 * A check: branches at once on answers so far, on a probe's facts, or on a command's result. A
 * command that needs consent makes the walk wait until {@link #consent} is given.
 */
final class CheckStep implements NodeStep {

    /** Checks in a row without asking anything, after which the playbook is taken to loop. */
    static final int MAX_AUTOMATIC_STEPS = 10_000;

    private final Node.Check c;

    CheckStep(Node.Check c) {
        this.c = c;
    }

    @Override
    public String enter(Walk w) {
        int steps = w.automaticSteps++;
        if (steps >= MAX_AUTOMATIC_STEPS) {
            throw new IllegalStateException("playbook '" + w.playbook.id() + "' went through " + steps
                    + " checks without asking anything (last: '" + c.id() + "'); it loops");
        }
        RouteStep.Snapshot before = w.snapshot();
        String target;
        if (c.probe() != null) {
            Diagnostics.ProbeData pd = probe(w);
            w.facts.put(c.probe(), pd.facts());
            w.emit(new SessionEvent.ProbeRan(w.nextSeq(), w.now(), c.id(), c.probe(), pd.facts(), pd.unknown(),
                    pd.evidence(), pd.durationMs(), pd.error()));
            target = w.choose(c, c.next(), w.data(null)).target();
        } else if (c.run() != null) {
            target = command(w);
            if (target == null) {
                return null;
            }
        } else {
            target = w.choose(c, c.next(), w.data(null)).target();
        }
        w.route.add(new RouteStep(c.id(), c.type(), c.headline(), "check", null, null, w.lastConditions, target, before));
        return target;
    }

    /** Runs (or not) the check's command as the consent policy decides; null when the user is asked. */
    private String command(Walk w) {
        Request r = request(w);
        Diagnostics.CommandRequest req = r.request();
        if (req == null) {
            Node.RunSpec run = c.run();
            return finish(w, new Diagnostics.CommandRequest(c.id(), List.of(), run.shell(), run.timeout(),
                    run.maxOutputBytes(), run.mutating()), "not-needed",
                    Diagnostics.CommandData.notRun("not_applicable", r.unanswered() != null
                            ? "the command needs the answer to '" + r.unanswered() + "', which was not asked on this walk"
                            : "the playbook gives no command for " + w.diagnostics.osFamily().id()));
        }
        ConsentPolicy.Decision d = w.policy.decide(req);
        if (d == ConsentPolicy.Decision.ASK && req.readOnly() && w.alwaysReadOnly) {
            return finish(w, req, "always", run(w, req));
        } else if (d == ConsentPolicy.Decision.ASK) {
            w.pending = req;
            w.asking = this;
            w.state = Session.State.WAITING_FOR_CONSENT;
            w.emit(new SessionEvent.PromptShown(w.nextSeq(), w.now(), c.id(), "consent",
                    c.headline(), Session.consentHelp(req),
                    Session.consentOptions(req), null, null, req.shown()));
            return null;
        } else if (d == ConsentPolicy.Decision.APPROVE) {
            return finish(w, req, "preapproved", run(w, req));
        } else if (d == ConsentPolicy.Decision.DRY_RUN) {
            return finish(w, req, "dry-run", Diagnostics.CommandData.notRun("dry_run", "dry run: the command was not run"));
        }
        return finish(w, req, "no", Diagnostics.CommandData.notRun("declined", "not approved for this run"));
    }

    /** Answers "run this command?" for the command waiting here; returns the node to go on to. */
    String consent(Walk w, Session.Consent consent) {
        Diagnostics.CommandRequest req = w.pending;
        w.noCommandWaiting();
        RouteStep.Snapshot before = w.snapshot();
        Diagnostics.CommandData data;
        String how;
        switch (consent) {
            case NO -> {
                data = Diagnostics.CommandData.notRun("declined", "the user declined to run it");
                how = "no";
            }
            case ALWAYS -> {
                // "always" covers commands on tshoot's read-only list only: any other command asks every time
                if (req.readOnly()) {
                    w.alwaysReadOnly = true;
                }
                data = run(w, req);
                how = req.readOnly() ? "always" : "yes";
            }
            default -> {
                data = run(w, req);
                how = "yes";
            }
        }
        String target = finish(w, req, how, data);
        w.route.add(new RouteStep(c.id(), c.type(), c.headline(), "consent", how, null, w.lastConditions, target, before));
        return target;
    }

    @Override
    public String expected() { return "nothing (it is answered automatically)"; }

    @Override
    public Next answer(Walk w, String text) {
        // a check waits only for consent, which Session reads before it asks the node
        throw new IllegalStateException("check '" + c.id() + "' takes no answer");
    }

    /** Records a command's result, keeps it under its register name, and evaluates the check's transitions. */
    private String finish(Walk w, Diagnostics.CommandRequest req, String consent, Diagnostics.CommandData d) {
        w.emit(new SessionEvent.CommandRan(w.nextSeq(), w.now(), c.id(), req.shown(), req.shell(), req.mutating(), consent,
                c.register(), d.status(), d.exitCode(), d.stdout(), d.stderr(), d.stdoutTruncated(), d.stderrTruncated(),
                d.stdoutValidUtf8(), d.stderrValidUtf8(), d.durationMs(), d.timedOut(), d.error(), d.pastCap()));
        if (c.register() != null) {
            w.registers.put(c.register(), d.asRegister());
        }
        return w.choose(c, c.next(), w.data(null)).target();
    }

    /** The command to run, or null with the question whose answer it lacks (null: no command for this OS). */
    private record Request(Diagnostics.CommandRequest request, String unanswered) {}

    /** The command for this host's OS, answers substituted as whole arguments. */
    private Request request(Walk w) {
        Node.RunSpec r = c.run();
        List<String> argv = r.argv().get(w.diagnostics.osFamily().id());
        if (argv == null) {
            return new Request(null, null);
        }
        List<String> resolved = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        boolean answered = false;
        for (String a : argv) {
            Matcher m = Node.RunSpec.ANSWER_ARG.matcher(a);
            if (!r.shell() && m.matches()) {
                answered = true;
                Object v = w.answers.get(m.group(1));
                if (v == null) {
                    return new Request(null, m.group(1));
                }
                String value = v instanceof Boolean b ? (b ? "yes" : "no") : v.toString();
                resolved.add(value);
                Node.Question q = Nodes.question(w.playbook.node(m.group(1)));
                shown.add(q != null && q.secret() ? "[secret]" : value);
            } else {
                resolved.add(a);
                shown.add(a);
            }
        }
        // tshoot decides from the real argument list (answers included), never from the playbook's word
        boolean script = r.shell() || dev.tshoot.playbook.Interpreters.find(resolved) != null;
        ReadOnlyCommands.Verdict verdict = signed(w, answered, script, w.policy.readOnly().classify(
                w.diagnostics.osFamily(), resolved, r.shell(), r.mutating()));
        return new Request(new Diagnostics.CommandRequest(c.id(), resolved, shown, r.shell(), r.timeout(),
                r.maxOutputBytes(), r.mutating(), verdict), null);
    }

    /**
     * tshoot's verdict, with the playbook's own declaration added when a key the user trusts signed
     * exactly this playbook: a command it does not mark {@code mutating} then counts as read-only. The
     * signature covers the playbook's text, not the answers, so a command with an answer in its
     * arguments keeps the list's verdict, and so does a shell or an interpreter given a script: a
     * signature says who wrote the script, not that it only reads. Otherwise the verdict says why the
     * declaration does not count.
     */
    private static ReadOnlyCommands.Verdict signed(Walk w, boolean answered, boolean script, ReadOnlyCommands.Verdict v) {
        Provenance p = w.provenance;
        if (v.readOnly() || ReadOnlyCommands.Verdict.MUTATING.equals(v) || p == null
                || p.status() == Provenance.Status.UNSIGNED) {
            return v;
        }
        if (!p.vouchesFor(w.playbook)) {
            return new ReadOnlyCommands.Verdict(false, v.reason() + "; the playbook is " + p.describe()
                    + ", so its own word does not count");
        }
        if (answered) {
            return new ReadOnlyCommands.Verdict(false, v.reason() + "; the signature of " + w.playbook.id()
                    + " covers its text, not the answer in these arguments");
        }
        if (script) {
            return new ReadOnlyCommands.Verdict(false, v.reason() + "; a signature does not make a script read-only");
        }
        return ReadOnlyCommands.Verdict.declaredBy(w.playbook.id(), p);
    }

    /** Runs a command; a failure of the diagnostics themselves becomes a result, never an exception. */
    private static Diagnostics.CommandData run(Walk w, Diagnostics.CommandRequest req) {
        try {
            return w.diagnostics.run(req);
        } catch (RuntimeException e) {
            return Diagnostics.CommandData.notRun("failed_to_start", "the command could not be started: " + e.getMessage());
        }
    }

    private Diagnostics.ProbeData probe(Walk w) {
        try {
            return w.diagnostics.probe(c.id(), c.probe());
        } catch (RuntimeException e) {
            return new Diagnostics.ProbeData(c.probe(), Map.of(), Map.of(), List.of(), 0, "the probe failed: " + e.getMessage());
        }
    }
}
