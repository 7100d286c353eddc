package dev.tshoot.engine;

import dev.tshoot.playbook.Node;

/** An outcome: records it; the walk stays there until back, goto, restart or end. */
final class OutcomeStep implements NodeStep {

    private final Node.Outcome o;

    OutcomeStep(Node.Outcome o) {
        this.o = o;
    }

    @Override
    public String enter(Walk w) {
        w.state = Session.State.AT_OUTCOME;
        w.emit(new SessionEvent.OutcomeReached(w.nextSeq(), w.now(), o.id(), o.result().yamlName(), o.title(),
                o.message(), o.references(), o.handover()));
        return null;
    }

    @Override
    public String expected() { return "nothing (it is answered automatically)"; }

    @Override
    public Next answer(Walk w, String text) throws SessionException {
        throw new SessionException("The session has reached an outcome ('" + o.headline()
                + "'); there is nothing to answer. Use 'back' to change the last answer, 'restart' or 'end'.");
    }
}
