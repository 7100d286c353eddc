package dev.tshoot.transcript;

import java.util.List;

import dev.tshoot.engine.SessionEvent;
import dev.tshoot.playbook.Node;
import dev.tshoot.transcript.wire.AnswerKind;
import dev.tshoot.transcript.wire.CommandStatus;
import dev.tshoot.transcript.wire.Consent;
import dev.tshoot.transcript.wire.EndReason;
import dev.tshoot.transcript.wire.NodeType;
import dev.tshoot.transcript.wire.OutcomeResult;
import dev.tshoot.transcript.wire.PromptKind;
import dev.tshoot.transcript.wire.SignatureStatus;
import dev.tshoot.transcript.wire.Via;
import dev.tshoot.transcript.wire.WireCodec;
import dev.tshoot.transcript.wire.WireEvent;
import dev.tshoot.transcript.wire.WireHeader;
import dev.tshoot.transcript.wire.WireValue;

/**
 * The engine's events and the transcript header to and from the records of transcript format
 * version 2. The engine keeps plain strings; here they become the format's closed vocabularies
 * and back. An engine value outside a vocabulary is a defect of this build, not of any input, and
 * fails loudly rather than being written as something a reader would refuse.
 */
public final class WireMapping {

    private WireMapping() {}

    public static WireEvent toWire(SessionEvent e) {
        try {
            return e.accept(TO_WIRE);
        } catch (IllegalArgumentException ex) {
            throw new IllegalStateException("event " + e.seq() + " (" + e.type() + ") has no form in transcript format "
                    + "version 2: " + ex.getMessage(), ex);
        }
    }

    public static SessionEvent toEngine(WireEvent w) {
        return w.accept(TO_ENGINE);
    }

    /** The header as version 2 writes it: it always says version 2, whatever version {@code h} was read from. */
    public static WireHeader toWire(TranscriptHeader h) {
        TranscriptHeader.PlaybookRef p = h.playbook();
        TranscriptHeader.Host o = h.host();
        TranscriptHeader.Resumes r = h.resumes();
        return new WireHeader(h.format(), WireCodec.VERSION, h.tshootVersion(), h.sessionId(), h.startedAt(),
                p == null ? null : new WireHeader.Playbook(p.id(), p.version(), p.title(), p.sha256(), p.file(),
                        toWire(p.signature())),
                o == null ? null : new WireHeader.Host(o.os(), o.osVersion(), o.arch(), o.hostname(), o.user()),
                r == null ? null : new WireHeader.Resumes(r.sessionId(), r.file(), r.hash(), r.events(), r.node()));
    }

    public static TranscriptHeader toEngine(WireHeader h) {
        WireHeader.Playbook p = h.playbook();
        WireHeader.Host o = h.host();
        WireHeader.Resumes r = h.resumes();
        return new TranscriptHeader(h.format(), h.formatVersion(), h.tshootVersion(), h.sessionId(), h.startedAt(),
                new TranscriptHeader.PlaybookRef(p.id(), p.version(), p.title(), p.sha256(), p.file(),
                        toEngine(p.signature())),
                new TranscriptHeader.Host(o.os(), o.osVersion(), o.arch(), o.hostname(), o.user()),
                r == null ? null : new TranscriptHeader.Resumes(r.sessionId(), r.file(), r.hash(), r.events(), r.node()));
    }

    private static WireHeader.Signature toWire(TranscriptHeader.Signature s) {
        return s == null ? null : new WireHeader.Signature(SignatureStatus.fromWire(s.status()), s.signer(), s.key(),
                s.detail());
    }

    private static TranscriptHeader.Signature toEngine(WireHeader.Signature s) {
        return s == null ? null : new TranscriptHeader.Signature(s.status().wire(), s.signer(), s.key(), s.detail());
    }

    private static final SessionEvent.Visitor<WireEvent> TO_WIRE = new SessionEvent.Visitor<>() {
        @Override public WireEvent nodeEntered(SessionEvent.NodeEntered e) {
            return new WireEvent.NodeEntered(e.seq(), e.at(), e.node(), NodeType.fromWire(e.nodeType()),
                    Via.fromWire(e.via()));
        }

        @Override public WireEvent promptShown(SessionEvent.PromptShown e) {
            return new WireEvent.PromptShown(e.seq(), e.at(), e.node(), PromptKind.fromWire(e.kind()), e.text(), e.help(),
                    e.choices().stream().map(c -> new WireEvent.Option(c.value(), c.label())).toList(), e.instructions(),
                    e.commands().stream().map(s -> new WireEvent.Snippet(s.platform(), s.shell(), s.text(), s.note()))
                            .toList(),
                    e.argv());
        }

        @Override public WireEvent answerGiven(SessionEvent.AnswerGiven e) {
            return new WireEvent.AnswerGiven(e.seq(), e.at(), e.node(), AnswerKind.fromWire(e.kind()), e.value(),
                    e.label(), e.secret(), e.pasted());
        }

        @Override public WireEvent checkEvaluated(SessionEvent.CheckEvaluated e) {
            return new WireEvent.CheckEvaluated(e.seq(), e.at(), e.node(), e.conditions().stream()
                    .map(c -> new WireEvent.Condition(c.when(), c.value(), c.error())).toList(), e.target());
        }

        @Override public WireEvent wentBack(SessionEvent.WentBack e) {
            return new WireEvent.WentBack(e.seq(), e.at(), e.from(), e.to());
        }

        @Override public WireEvent jumped(SessionEvent.Jumped e) {
            return new WireEvent.Jumped(e.seq(), e.at(), e.from(), e.to());
        }

        @Override public WireEvent restarted(SessionEvent.Restarted e) {
            return new WireEvent.Restarted(e.seq(), e.at(), e.from());
        }

        @Override public WireEvent noteAdded(SessionEvent.NoteAdded e) {
            return new WireEvent.NoteAdded(e.seq(), e.at(), e.node(), e.text());
        }

        @Override public WireEvent outcomeReached(SessionEvent.OutcomeReached e) {
            Node.Handover h = e.handover();
            return new WireEvent.OutcomeReached(e.seq(), e.at(), e.node(), OutcomeResult.fromWire(e.result()), e.title(),
                    e.message(), e.references(), h == null ? null : new WireEvent.Handover(h.playbook(), h.node()));
        }

        @Override public WireEvent sessionEnded(SessionEvent.SessionEnded e) {
            return new WireEvent.SessionEnded(e.seq(), e.at(), EndReason.fromWire(e.reason()),
                    e.result() == null ? null : OutcomeResult.fromWire(e.result()));
        }

        @Override public WireEvent probeRan(SessionEvent.ProbeRan e) {
            return new WireEvent.ProbeRan(e.seq(), e.at(), e.node(), e.probe(), e.facts(), e.unknown(), e.evidence(),
                    e.durationMs(), e.error());
        }

        @Override public WireEvent commandRan(SessionEvent.CommandRan e) {
            return new WireEvent.CommandRan(e.seq(), e.at(), e.node(), e.argv(), e.shell(), e.mutating(),
                    Consent.fromWire(e.consent()), e.register(), CommandStatus.fromWire(e.status()), e.exitCode(),
                    e.stdout(), e.stderr(), e.stdoutTruncated(), e.stderrTruncated(), e.stdoutValidUtf8(),
                    e.stderrValidUtf8(), e.durationMs(), e.timedOut(), e.error());
        }
    };

    private static final WireEvent.Visitor<SessionEvent> TO_ENGINE = new WireEvent.Visitor<>() {
        @Override public SessionEvent nodeEntered(WireEvent.NodeEntered w) {
            return new SessionEvent.NodeEntered(w.seq(), w.at(), w.node(), w.nodeType().wire(), w.via().wire());
        }

        @Override public SessionEvent promptShown(WireEvent.PromptShown w) {
            List<SessionEvent.Option> choices = w.choices().stream()
                    .map(c -> new SessionEvent.Option(c.value(), c.label())).toList();
            List<Node.Snippet> commands = w.commands().stream()
                    .map(s -> new Node.Snippet(s.platform(), s.shell(), s.text(), s.note())).toList();
            return new SessionEvent.PromptShown(w.seq(), w.at(), w.node(), w.kind().wire(), w.text(), w.help(), choices,
                    w.instructions(), commands, w.argv());
        }

        @Override public SessionEvent answerGiven(WireEvent.AnswerGiven w) {
            return new SessionEvent.AnswerGiven(w.seq(), w.at(), w.node(), w.kind().wire(), w.value(), w.label(),
                    w.secret(), w.pasted());
        }

        @Override public SessionEvent checkEvaluated(WireEvent.CheckEvaluated w) {
            return new SessionEvent.CheckEvaluated(w.seq(), w.at(), w.node(), w.conditions().stream()
                    .map(c -> new SessionEvent.ConditionResult(c.when(), c.value(), c.error())).toList(), w.target());
        }

        @Override public SessionEvent wentBack(WireEvent.WentBack w) {
            return new SessionEvent.WentBack(w.seq(), w.at(), w.from(), w.to());
        }

        @Override public SessionEvent jumped(WireEvent.Jumped w) {
            return new SessionEvent.Jumped(w.seq(), w.at(), w.from(), w.to());
        }

        @Override public SessionEvent restarted(WireEvent.Restarted w) {
            return new SessionEvent.Restarted(w.seq(), w.at(), w.from());
        }

        @Override public SessionEvent noteAdded(WireEvent.NoteAdded w) {
            return new SessionEvent.NoteAdded(w.seq(), w.at(), w.node(), w.text());
        }

        @Override public SessionEvent outcomeReached(WireEvent.OutcomeReached w) {
            WireEvent.Handover h = w.handover();
            return new SessionEvent.OutcomeReached(w.seq(), w.at(), w.node(), w.result().wire(), w.title(), w.message(),
                    w.references(), h == null ? null : new Node.Handover(h.playbook(), h.node()));
        }

        @Override public SessionEvent sessionEnded(WireEvent.SessionEnded w) {
            return new SessionEvent.SessionEnded(w.seq(), w.at(), w.reason().wire(), WireValue.wireOf(w.result()));
        }

        @Override public SessionEvent probeRan(WireEvent.ProbeRan w) {
            return new SessionEvent.ProbeRan(w.seq(), w.at(), w.node(), w.probe(), w.facts(), w.unknown(), w.evidence(),
                    w.durationMs(), w.error());
        }

        @Override public SessionEvent commandRan(WireEvent.CommandRan w) {
            return new SessionEvent.CommandRan(w.seq(), w.at(), w.node(), w.argv(), w.shell(), w.mutating(),
                    w.consent().wire(), w.register(), w.status().wire(), w.exitCode(), w.stdout(), w.stderr(),
                    w.stdoutTruncated(), w.stderrTruncated(), w.stdoutValidUtf8(), w.stderrValidUtf8(), w.durationMs(),
                    w.timedOut(), w.error());
        }
    };
}
