package dev.tshoot.engine;

import java.util.List;

import dev.tshoot.playbook.Node;

/** An action: shows its instructions and goes on once the user confirms it is done. */
final class ActionStep implements NodeStep {

    private final Node.Action a;

    ActionStep(Node.Action a) {
        this.a = a;
    }

    @Override
    public String enter(Walk w) {
        w.state = Session.State.WAITING_FOR_CONFIRMATION;
        w.emit(new SessionEvent.PromptShown(w.nextSeq(), w.now(), a.id(), "action", a.title(), null, List.of(),
                a.instructions(), a.commands(), null));
        return null;
    }

    @Override
    public String expected() { return "done"; }

    @Override
    public Next answer(Walk w, String text) throws SessionException {
        if (!Answers.isDone(text)) {
            throw new SessionException("'" + text + "' does not confirm this step. Answer 'done' once you have done it"
                    + " ('" + a.title() + "'), or use 'back'.");
        }
        w.record(a, "action", "done", "done", false);
        w.step(a, "action", "done", "done", List.of(), a.next());
        return new Next(a.next(), "action");
    }
}
