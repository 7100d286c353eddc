package dev.tshoot.transcript;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.tshoot.engine.ConsentPolicy;
import dev.tshoot.engine.Diagnostics;
import dev.tshoot.engine.EventSink;
import dev.tshoot.engine.Events;
import dev.tshoot.engine.ScriptedDiagnostics;
import dev.tshoot.engine.Session;
import dev.tshoot.engine.SessionEngine;
import dev.tshoot.engine.SessionEvent;
import dev.tshoot.engine.SessionException;
import dev.tshoot.playbook.Node;
import dev.tshoot.playbook.Nodes;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.Suggest;

/**
 * Re-walks a recorded session against a playbook (today's, or another file), feeding it the
 * recorded answers and the recorded probe and command results: nothing runs on this host. Reports
 * the same path and outcome, or the first divergence and why. Streams the transcript one segment
 * (an answer and what followed it) at a time, so memory does not grow with its length.
 */
public final class ReplayVerifier {

    /** Where the walks part: after {@code node}, the record went to {@code recorded}, the playbook now goes to {@code now}. */
    public record Divergence(String node, String recorded, String now, String why) {}

    /**
     * The verdict. {@code hashDiffers}: the playbook is not the exact file pinned in the transcript.
     * {@code path}: the route in force where the re-walk stopped (answers undone with back, and walks
     * abandoned with restart, are not in it), so it does not grow with the length of the recording;
     * {@code nodesCompared} counts every node entry that was compared with the record.
     */
    public record Report(TranscriptHeader header, String playbookSha256, boolean hashDiffers, long eventsRead,
            List<String> path, long nodesCompared, String outcome, Divergence divergence, TranscriptVerifier.Result chain) {

        public Report(TranscriptHeader header, String playbookSha256, boolean hashDiffers, long eventsRead,
                List<String> path, long nodesCompared, String outcome, Divergence divergence) {
            this(header, playbookSha256, hashDiffers, eventsRead, path, nodesCompared, outcome, divergence, null);
        }

        /** The hash chain does not hold (BROKEN): nothing was re-walked, and the events cannot be trusted. */
        public boolean tampered() { return chain != null && chain.status() == TranscriptVerifier.Status.BROKEN; }

        public boolean same() { return divergence == null && !tampered(); }

        /** 0 same path and outcome, 1 diverged, {@value #TAMPERED} the hash chain is broken. */
        public int exitStatus() { return tampered() ? TAMPERED : divergence == null ? 0 : 1; }
    }

    /** The exit status of {@code replay --verify} when the transcript's hash chain is broken. */
    public static final int TAMPERED = 4;

    private final SessionEngine engine;

    /**
     * The event types a re-walk reads past (what was shown, notes, the end): their lines are checked
     * and chained as every other, not built ({@link TranscriptPass}). The walk's handlers for them
     * only add them to a segment that nothing reads them from again.
     */
    private static final java.util.Set<String> IGNORED = java.util.Set.of("prompt-shown", "note", "session-ended");

    /** The OS family a recorded host summary names, so the playbook picks the same command. */
    static dev.tshoot.playbook.OsFamily osFamily(TranscriptHeader.Host host) {
        return dev.tshoot.playbook.OsFamily.fromOsName(host == null ? null : host.os());
    }

    public ReplayVerifier(SessionEngine engine) {
        this.engine = engine;
    }

    /**
     * Checks the transcript's hash chain first: a broken chain is reported as such
     * ({@link Report#tampered()}) and nothing is re-walked, since the recorded answers and results
     * may have been altered. A torn tail is re-walked up to the last complete line;
     * {@link Report#chain()} says so.
     */
    public Report verify(Path transcript, Playbook pb) throws TranscriptReader.UnreadableException {
        List<Path> files;
        try {
            files = TranscriptLinks.back(transcript); // a resumed session: the whole case, from its first transcript
        } catch (TranscriptReader.UnreadableException e) {
            files = List.of(transcript); // read alone: the pass says what is wrong with it
        }
        return walk(files, pb, null).report();
    }

    /**
     * Starts the session a re-walk plays the recording on: {@code replayed} must receive its events,
     * {@code recorded} give the recorded probe and command results, {@code consents} the recorded
     * consents (ASK where none was recorded).
     */
    public interface Starter {
        Session start(Playbook pb, EventSink replayed, Diagnostics recorded, ConsentPolicy consents, TranscriptHeader h);
    }

    /** A re-walk's report and the session it leaves where the recording ends (null when nothing was re-walked). */
    public record Rebuilt(Report report, Session session) {}

    /**
     * Re-walks the transcript as {@link #verify} does, on a session that {@code starter} makes, and
     * hands it back where the recording stops: the state a resumed session goes on from. A command
     * whose consent was not recorded waits for it (where verify assumes it was given).
     */
    public Rebuilt rebuild(List<Path> transcripts, Playbook pb, Starter starter) throws TranscriptReader.UnreadableException {
        return walk(transcripts, pb, starter);
    }

    /**
     * Re-walks {@code transcripts} in turn on one session: the first from the playbook's start, each
     * later one (a session resumed from the one before) from where the one before left it, which
     * must be the node its header's {@code resumes} names. The report is the last file's, with the
     * events of all.
     */
    private Rebuilt walk(List<Path> transcripts, Playbook pb, Starter starter) throws TranscriptReader.UnreadableException {
        // one pass per file: the chain is walked while the events are decoded and re-walked; the re-walk counts only if the chain holds
        Walk[] walk = new Walk[1];
        TranscriptPass.Outcome o = null;
        for (Path transcript : transcripts) {
            o = TranscriptPass.run(transcript, true, true, h -> {
                if (walk[0] == null) {
                    walk[0] = new Walk(pb, osFamily(h.host()), starter, h);
                } else {
                    walk[0].resumedAt(h.resumes());
                }
                return walk[0]::accept;
            }, () -> { }, IGNORED, () -> walk[0].read++, true);
            TranscriptHeader h = o.header();
            TranscriptVerifier.Result chain = o.chain();
            if (chain.status() == TranscriptVerifier.Status.UNREADABLE) {
                throw new TranscriptReader.UnreadableException(chain.message());
            }
            if (chain.status() == TranscriptVerifier.Status.BROKEN) {
                return new Rebuilt(new Report(h, pb.sha256(), !pb.sha256().equals(h.playbook().sha256()), 0, List.of(), 0,
                        null, null, chain), null);
            }
            if (o.notOfTheFormat() != null) {
                throw o.notOfTheFormat();
            }
        }
        TranscriptHeader h = o.header();
        TranscriptVerifier.Result chain = o.chain();
        Walk w = walk[0];
        w.finish();
        return new Rebuilt(new Report(h, pb.sha256(), !pb.sha256().equals(h.playbook().sha256()), w.read, w.path(),
                w.compared, w.outcome(), w.divergence, chain), w.session);
    }

    /** A recorded user action to play on the session, and the divergence to report when the session refuses it. */
    private interface Move {
        void play() throws SessionException;
    }

    private record Action(Move move, java.util.function.Function<SessionException, Divergence> refused) {}

    /** The walk in progress: recorded segments are fed to a fresh session and compared. */
    private final class Walk implements SessionEvent.Visitor<Void> {
        final Playbook pb;
        final List<SessionEvent> segment = new ArrayList<>();
        final Deque<String> replayed = new ArrayDeque<>();
        final Map<String, SessionEvent.CheckEvaluated> replayChecks = new HashMap<>();
        long compared;
        Action action;
        boolean started;
        Session session;
        ScriptedDiagnostics diagnostics;
        final Map<String, Deque<String>> consents = new HashMap<>();
        Divergence divergence;
        String lastCommon;
        String recordedOutcome;
        long read;

        final Starter starter;
        final TranscriptHeader header;

        Walk(Playbook pb, dev.tshoot.playbook.OsFamily os, Starter starter, TranscriptHeader header) {
            this.pb = pb;
            this.diagnostics = new ScriptedDiagnostics(os);
            this.starter = starter;
            this.header = header;
        }

        void accept(SessionEvent e) {
            read++;
            if (divergence != null) {
                return;
            }
            e.accept(this);
        }

        // each recorded event: a user action closes the segment before it; anything else joins the segment

        @Override public Void answerGiven(SessionEvent.AnswerGiven g) {
            return act(() -> answer(g), ex -> new Divergence(g.node(), "answer '" + g.value() + "'", "(refused)",
                    "the recorded answer no longer fits: " + ex.getMessage()));
        }

        @Override public Void wentBack(SessionEvent.WentBack b) { return act(() -> session.back(), refused(b)); }

        @Override public Void jumped(SessionEvent.Jumped j) { return act(() -> jump(j), refused(j)); }

        @Override public Void restarted(SessionEvent.Restarted r) { return act(() -> session.restart(), refused(r)); }

        @Override public Void nodeEntered(SessionEvent.NodeEntered n) {
            recordedOutcome = null; // the session moved on (back, goto, restart): an earlier outcome no longer stands
            return add(n);
        }

        @Override public Void outcomeReached(SessionEvent.OutcomeReached o) {
            recordedOutcome = o.node();
            return add(o);
        }

        @Override public Void promptShown(SessionEvent.PromptShown e) { return add(e); }

        @Override public Void checkEvaluated(SessionEvent.CheckEvaluated e) { return add(e); }

        @Override public Void noteAdded(SessionEvent.NoteAdded e) { return add(e); }

        @Override public Void sessionEnded(SessionEvent.SessionEnded e) { return add(e); }

        @Override public Void probeRan(SessionEvent.ProbeRan e) { return add(e); }

        @Override public Void commandRan(SessionEvent.CommandRan e) { return add(e); }

        private Void add(SessionEvent e) {
            segment.add(e);
            return null;
        }

        private Void act(Move move, java.util.function.Function<SessionException, Divergence> refused) {
            segment();
            action = new Action(move, refused);
            return null;
        }

        private java.util.function.Function<SessionException, Divergence> refused(SessionEvent a) {
            return ex -> new Divergence(session.current().id(), "'" + a.type() + "'", "(refused)",
                    "the recorded '" + a.type() + "' cannot be replayed here: " + ex.getMessage());
        }

        /**
         * The next file of the case begins: what the one before recorded is played out, the nodes the
         * replay reached past its end are taken as where it stopped, and that must be where the next
         * one says it went on.
         */
        void resumedAt(TranscriptHeader.Resumes link) {
            if (divergence != null) {
                return;
            }
            segment();
            action = null;
            replayed.clear();
            String at = session == null ? null : session.current().id();
            if (divergence == null && (link == null || !link.node().equals(at))) {
                divergence = new Divergence(at, link == null ? "(no link)" : link.node(), String.valueOf(at),
                        "the next transcript goes on at '" + (link == null ? "?" : link.node())
                                + "', but the replay of the one before stands at '" + at + "'");
            }
        }

        void finish() {
            if (divergence == null) {
                segment();
            }
            if (divergence == null && !replayed.isEmpty()) {
                divergence = new Divergence(lastCommon, "(the recording ends here)", replayed.peek(),
                        "the playbook now continues to '" + replayed.peek() + "' where the session ended");
            }
            if (divergence == null && recordedOutcome != null && session != null
                    && (session.outcome() == null || !recordedOutcome.equals(session.outcome().id()))) {
                divergence = new Divergence(lastCommon, recordedOutcome, session.current().id(),
                        "the recorded outcome is not reached");
            }
        }

        /** The route in force: the nodes the session passed through and were not undone, then the current node. */
        List<String> path() {
            if (session == null) {
                return List.of();
            }
            List<String> p = new ArrayList<>(session.route().size() + 1);
            session.route().forEach(step -> p.add(step.node()));
            if (session.current() != null) {
                p.add(session.current().id());
            }
            return List.copyOf(p);
        }

        String outcome() {
            return session == null || session.outcome() == null ? null : session.outcome().id();
        }

        /** Plays the pending action with the results recorded after it, then compares the nodes entered. */
        private void segment() {
            for (SessionEvent e : segment) {
                e.accept(results);
            }
            try {
                if (!started) {
                    started = true;
                    session = starter == null
                            ? engine.start("replay", pb, e -> e.accept(replay), diagnostics, this::decide, false)
                            : starter.start(pb, e -> e.accept(replay), diagnostics, this::decide, header);
                } else if (action != null) {
                    action.move().play();
                }
            } catch (SessionException ex) {
                divergence = action.refused().apply(ex);
            }
            if (divergence == null) {
                compare();
            }
            segment.clear();
        }

        /** The recorded probe and command results, handed to the replayed session in place of running anything. */
        private final SessionEvent.Visitor<Void> results = new Ignoring() {
            @Override public Void probeRan(SessionEvent.ProbeRan p) {
                diagnostics.probe(p.node(), new Diagnostics.ProbeData(p.probe(), p.facts(), p.unknown(), p.evidence(),
                        p.durationMs(), p.error()));
                return null;
            }

            @Override public Void commandRan(SessionEvent.CommandRan c) {
                diagnostics.command(c.node(), new Diagnostics.CommandData(c.status(), c.exitCode(), c.stdout(),
                        c.stderr(), c.stdoutTruncated(), c.stderrTruncated(), c.stdoutValidUtf8(), c.stderrValidUtf8(),
                        c.durationMs(), c.timedOut(), c.error()));
                consents.computeIfAbsent(c.node(), k -> new ArrayDeque<>()).add(c.consent());
                return null;
            }

            @Override public Void checkEvaluated(SessionEvent.CheckEvaluated c) { return null; }

            @Override public Void nodeEntered(SessionEvent.NodeEntered n) { return null; }
        };

        /** What the replayed session does: the nodes it enters and the conditions it evaluates. */
        private final SessionEvent.Visitor<Void> replay = new Ignoring() {
            @Override public Void probeRan(SessionEvent.ProbeRan p) { return null; }

            @Override public Void commandRan(SessionEvent.CommandRan c) { return null; }

            @Override public Void checkEvaluated(SessionEvent.CheckEvaluated c) {
                replayChecks.put(c.node(), c);
                return null;
            }

            @Override public Void nodeEntered(SessionEvent.NodeEntered n) {
                replayed.add(n.node());
                return null;
            }
        };

        private ConsentPolicy.Decision decide(Diagnostics.CommandRequest r) {
            Deque<String> q = consents.get(r.node());
            if ((q == null || q.isEmpty()) && starter != null) {
                return ConsentPolicy.Decision.ASK; // rebuilding: the user had not answered yet
            }
            String c = q == null || q.isEmpty() ? "yes" : q.poll();
            return switch (c) {
                case "no" -> ConsentPolicy.Decision.DECLINE;
                case "dry-run" -> ConsentPolicy.Decision.DRY_RUN;
                default -> ConsentPolicy.Decision.APPROVE;
            };
        }

        private void answer(SessionEvent.AnswerGiven g) throws SessionException {
            if (!g.node().equals(session.current().id())) {
                divergence = new Divergence(lastCommon, g.node(), session.current().id(),
                        "the recorded answer was given at '" + g.node() + "', but the playbook is now at '"
                                + session.current().id() + "'");
                return;
            }
            if (g.secret()) {
                divergence = new Divergence(g.node(), "a secret answer", "(not recorded)", "the answer to '"
                        + g.node() + "' is secret and was never written down, so the walk cannot be verified past it");
                return;
            }
            session.answer("action".equals(g.kind()) ? "done" : g.value());
        }

        private void jump(SessionEvent.Jumped j) throws SessionException {
            if (pb.node(j.to()) == null) {
                divergence = new Divergence(j.from(), j.to(), "(missing)", "the recorded goto target '" + j.to()
                        + "' was removed or renamed." + Suggest.didYouMean(j.to(), pb.nodes().keySet()));
                return;
            }
            session.jump(j.to());
        }

        private void compare() {
            for (SessionEvent e : segment) {
                SessionEvent.NodeEntered rec = Events.nodeEntered(e);
                if (rec == null) {
                    continue;
                }
                String now = replayed.poll();
                if (now == null) {
                    Node cur = session.current();
                    Node.Question q = Nodes.question(cur);
                    String why = q != null
                            ? "new question '" + q.id() + "' (\"" + q.prompt() + "\") has no recorded answer"
                            : "the playbook now stops at '" + cur.id() + "' to ask, where the session went on";
                    divergence = new Divergence(lastCommon, rec.node(), cur.id(), why);
                    return;
                }
                if (!now.equals(rec.node())) {
                    divergence = new Divergence(lastCommon, rec.node(), now, explain(lastCommon, rec.node(), now));
                    return;
                }
                lastCommon = now;
                compared++;
            }
        }

        private String explain(String from, String recorded, String now) {
            if (from == null) {
                return "the playbook now starts at '" + now + "' instead of '" + recorded + "'";
            }
            if (pb.node(recorded) == null) {
                return "node '" + recorded + "' was removed or renamed." + Suggest.didYouMean(recorded, pb.nodes().keySet());
            }
            Node.Question asks = Nodes.question(pb.node(now));
            if (asks != null) {
                return "the playbook now asks '" + now + "' (\"" + asks.prompt() + "\"), which has no recorded answer; the"
                        + " session went from '" + from + "' to '" + recorded + "'";
            }
            SessionEvent.CheckEvaluated before = null;
            for (SessionEvent e : segment) {
                SessionEvent.CheckEvaluated c = Events.checkEvaluated(e);
                if (c != null && c.node().equals(from)) {
                    before = c;
                }
            }
            SessionEvent.CheckEvaluated after = replayChecks.get(from);
            if (before != null && after != null) {
                for (int i = 0; i < Math.max(before.conditions().size(), after.conditions().size()); i++) {
                    var b = i < before.conditions().size() ? before.conditions().get(i) : null;
                    var a = i < after.conditions().size() ? after.conditions().get(i) : null;
                    if (b == null || a == null || !java.util.Objects.equals(b.when(), a.when())) {
                        return "the conditions of '" + from + "' changed: recorded " + cond(b) + ", now " + cond(a);
                    }
                    if (b.value() != a.value()) {
                        return "condition " + cond(a) + " now evaluates to " + a.value() + " (was " + b.value() + ")"
                                + (a.error() != null ? ": " + a.error() : "");
                    }
                }
            }
            if (Nodes.kind(pb.node(from)) == Nodes.Kind.QUESTION) {
                return "the recorded answer at '" + from + "' now leads to '" + now + "' instead of '" + recorded + "'";
            }
            return "'" + from + "' now leads to '" + now + "' instead of '" + recorded + "'";
        }

        private String cond(SessionEvent.ConditionResult c) {
            return c == null ? "(none)" : c.when() == null ? "the default" : "`" + c.when() + "`";
        }
    }

    /**
     * Ignores the events that neither feed a replay nor come out of one; each use handles the other
     * four (and any new event) itself.
     */
    private abstract static class Ignoring implements SessionEvent.Visitor<Void> {
        @Override public Void promptShown(SessionEvent.PromptShown e) { return null; }

        @Override public Void answerGiven(SessionEvent.AnswerGiven e) { return null; }

        @Override public Void wentBack(SessionEvent.WentBack e) { return null; }

        @Override public Void jumped(SessionEvent.Jumped e) { return null; }

        @Override public Void restarted(SessionEvent.Restarted e) { return null; }

        @Override public Void noteAdded(SessionEvent.NoteAdded e) { return null; }

        @Override public Void outcomeReached(SessionEvent.OutcomeReached e) { return null; }

        @Override public Void sessionEnded(SessionEvent.SessionEnded e) { return null; }
    }
}
