package dev.tshoot.engine;

/**
 * One kind of event picked out of a stream of events, for code that reads only that kind (the
 * probes run, the conditions evaluated). Each pick lists every kind, so a new kind of event fails to
 * compile here until it is decided. Code that acts differently per kind implements
 * {@link SessionEvent.Visitor} itself.
 */
public final class Events {

    private Events() {}

    /** The event when it is a {@code NodeEntered}, else null. */
    public static SessionEvent.NodeEntered nodeEntered(SessionEvent e) {
        return e.accept(NODE_ENTERED);
    }

    private static final SessionEvent.Visitor<SessionEvent.NodeEntered> NODE_ENTERED = new SessionEvent.Visitor<>() {
        @Override public SessionEvent.NodeEntered nodeEntered(SessionEvent.NodeEntered e) { return e; }

        @Override public SessionEvent.NodeEntered promptShown(SessionEvent.PromptShown e) { return null; }

        @Override public SessionEvent.NodeEntered answerGiven(SessionEvent.AnswerGiven e) { return null; }

        @Override public SessionEvent.NodeEntered checkEvaluated(SessionEvent.CheckEvaluated e) { return null; }

        @Override public SessionEvent.NodeEntered wentBack(SessionEvent.WentBack e) { return null; }

        @Override public SessionEvent.NodeEntered jumped(SessionEvent.Jumped e) { return null; }

        @Override public SessionEvent.NodeEntered restarted(SessionEvent.Restarted e) { return null; }

        @Override public SessionEvent.NodeEntered noteAdded(SessionEvent.NoteAdded e) { return null; }

        @Override public SessionEvent.NodeEntered outcomeReached(SessionEvent.OutcomeReached e) { return null; }

        @Override public SessionEvent.NodeEntered sessionEnded(SessionEvent.SessionEnded e) { return null; }

        @Override public SessionEvent.NodeEntered probeRan(SessionEvent.ProbeRan e) { return null; }

        @Override public SessionEvent.NodeEntered commandRan(SessionEvent.CommandRan e) { return null; }
    };

    /** The event when it is a {@code PromptShown}, else null. */
    public static SessionEvent.PromptShown promptShown(SessionEvent e) {
        return e.accept(PROMPT_SHOWN);
    }

    private static final SessionEvent.Visitor<SessionEvent.PromptShown> PROMPT_SHOWN = new SessionEvent.Visitor<>() {
        @Override public SessionEvent.PromptShown nodeEntered(SessionEvent.NodeEntered e) { return null; }

        @Override public SessionEvent.PromptShown promptShown(SessionEvent.PromptShown e) { return e; }

        @Override public SessionEvent.PromptShown answerGiven(SessionEvent.AnswerGiven e) { return null; }

        @Override public SessionEvent.PromptShown checkEvaluated(SessionEvent.CheckEvaluated e) { return null; }

        @Override public SessionEvent.PromptShown wentBack(SessionEvent.WentBack e) { return null; }

        @Override public SessionEvent.PromptShown jumped(SessionEvent.Jumped e) { return null; }

        @Override public SessionEvent.PromptShown restarted(SessionEvent.Restarted e) { return null; }

        @Override public SessionEvent.PromptShown noteAdded(SessionEvent.NoteAdded e) { return null; }

        @Override public SessionEvent.PromptShown outcomeReached(SessionEvent.OutcomeReached e) { return null; }

        @Override public SessionEvent.PromptShown sessionEnded(SessionEvent.SessionEnded e) { return null; }

        @Override public SessionEvent.PromptShown probeRan(SessionEvent.ProbeRan e) { return null; }

        @Override public SessionEvent.PromptShown commandRan(SessionEvent.CommandRan e) { return null; }
    };

    /** The event when it is a {@code AnswerGiven}, else null. */
    public static SessionEvent.AnswerGiven answerGiven(SessionEvent e) {
        return e.accept(ANSWER_GIVEN);
    }

    private static final SessionEvent.Visitor<SessionEvent.AnswerGiven> ANSWER_GIVEN = new SessionEvent.Visitor<>() {
        @Override public SessionEvent.AnswerGiven nodeEntered(SessionEvent.NodeEntered e) { return null; }

        @Override public SessionEvent.AnswerGiven promptShown(SessionEvent.PromptShown e) { return null; }

        @Override public SessionEvent.AnswerGiven answerGiven(SessionEvent.AnswerGiven e) { return e; }

        @Override public SessionEvent.AnswerGiven checkEvaluated(SessionEvent.CheckEvaluated e) { return null; }

        @Override public SessionEvent.AnswerGiven wentBack(SessionEvent.WentBack e) { return null; }

        @Override public SessionEvent.AnswerGiven jumped(SessionEvent.Jumped e) { return null; }

        @Override public SessionEvent.AnswerGiven restarted(SessionEvent.Restarted e) { return null; }

        @Override public SessionEvent.AnswerGiven noteAdded(SessionEvent.NoteAdded e) { return null; }

        @Override public SessionEvent.AnswerGiven outcomeReached(SessionEvent.OutcomeReached e) { return null; }

        @Override public SessionEvent.AnswerGiven sessionEnded(SessionEvent.SessionEnded e) { return null; }

        @Override public SessionEvent.AnswerGiven probeRan(SessionEvent.ProbeRan e) { return null; }

        @Override public SessionEvent.AnswerGiven commandRan(SessionEvent.CommandRan e) { return null; }
    };

    /** The event when it is a {@code CheckEvaluated}, else null. */
    public static SessionEvent.CheckEvaluated checkEvaluated(SessionEvent e) {
        return e.accept(CHECK_EVALUATED);
    }

    private static final SessionEvent.Visitor<SessionEvent.CheckEvaluated> CHECK_EVALUATED = new SessionEvent.Visitor<>() {
        @Override public SessionEvent.CheckEvaluated nodeEntered(SessionEvent.NodeEntered e) { return null; }

        @Override public SessionEvent.CheckEvaluated promptShown(SessionEvent.PromptShown e) { return null; }

        @Override public SessionEvent.CheckEvaluated answerGiven(SessionEvent.AnswerGiven e) { return null; }

        @Override public SessionEvent.CheckEvaluated checkEvaluated(SessionEvent.CheckEvaluated e) { return e; }

        @Override public SessionEvent.CheckEvaluated wentBack(SessionEvent.WentBack e) { return null; }

        @Override public SessionEvent.CheckEvaluated jumped(SessionEvent.Jumped e) { return null; }

        @Override public SessionEvent.CheckEvaluated restarted(SessionEvent.Restarted e) { return null; }

        @Override public SessionEvent.CheckEvaluated noteAdded(SessionEvent.NoteAdded e) { return null; }

        @Override public SessionEvent.CheckEvaluated outcomeReached(SessionEvent.OutcomeReached e) { return null; }

        @Override public SessionEvent.CheckEvaluated sessionEnded(SessionEvent.SessionEnded e) { return null; }

        @Override public SessionEvent.CheckEvaluated probeRan(SessionEvent.ProbeRan e) { return null; }

        @Override public SessionEvent.CheckEvaluated commandRan(SessionEvent.CommandRan e) { return null; }
    };

    /** The event when it is a {@code OutcomeReached}, else null. */
    public static SessionEvent.OutcomeReached outcomeReached(SessionEvent e) {
        return e.accept(OUTCOME_REACHED);
    }

    private static final SessionEvent.Visitor<SessionEvent.OutcomeReached> OUTCOME_REACHED = new SessionEvent.Visitor<>() {
        @Override public SessionEvent.OutcomeReached nodeEntered(SessionEvent.NodeEntered e) { return null; }

        @Override public SessionEvent.OutcomeReached promptShown(SessionEvent.PromptShown e) { return null; }

        @Override public SessionEvent.OutcomeReached answerGiven(SessionEvent.AnswerGiven e) { return null; }

        @Override public SessionEvent.OutcomeReached checkEvaluated(SessionEvent.CheckEvaluated e) { return null; }

        @Override public SessionEvent.OutcomeReached wentBack(SessionEvent.WentBack e) { return null; }

        @Override public SessionEvent.OutcomeReached jumped(SessionEvent.Jumped e) { return null; }

        @Override public SessionEvent.OutcomeReached restarted(SessionEvent.Restarted e) { return null; }

        @Override public SessionEvent.OutcomeReached noteAdded(SessionEvent.NoteAdded e) { return null; }

        @Override public SessionEvent.OutcomeReached outcomeReached(SessionEvent.OutcomeReached e) { return e; }

        @Override public SessionEvent.OutcomeReached sessionEnded(SessionEvent.SessionEnded e) { return null; }

        @Override public SessionEvent.OutcomeReached probeRan(SessionEvent.ProbeRan e) { return null; }

        @Override public SessionEvent.OutcomeReached commandRan(SessionEvent.CommandRan e) { return null; }
    };

    /** The event when it is a {@code ProbeRan}, else null. */
    public static SessionEvent.ProbeRan probeRan(SessionEvent e) {
        return e.accept(PROBE_RAN);
    }

    private static final SessionEvent.Visitor<SessionEvent.ProbeRan> PROBE_RAN = new SessionEvent.Visitor<>() {
        @Override public SessionEvent.ProbeRan nodeEntered(SessionEvent.NodeEntered e) { return null; }

        @Override public SessionEvent.ProbeRan promptShown(SessionEvent.PromptShown e) { return null; }

        @Override public SessionEvent.ProbeRan answerGiven(SessionEvent.AnswerGiven e) { return null; }

        @Override public SessionEvent.ProbeRan checkEvaluated(SessionEvent.CheckEvaluated e) { return null; }

        @Override public SessionEvent.ProbeRan wentBack(SessionEvent.WentBack e) { return null; }

        @Override public SessionEvent.ProbeRan jumped(SessionEvent.Jumped e) { return null; }

        @Override public SessionEvent.ProbeRan restarted(SessionEvent.Restarted e) { return null; }

        @Override public SessionEvent.ProbeRan noteAdded(SessionEvent.NoteAdded e) { return null; }

        @Override public SessionEvent.ProbeRan outcomeReached(SessionEvent.OutcomeReached e) { return null; }

        @Override public SessionEvent.ProbeRan sessionEnded(SessionEvent.SessionEnded e) { return null; }

        @Override public SessionEvent.ProbeRan probeRan(SessionEvent.ProbeRan e) { return e; }

        @Override public SessionEvent.ProbeRan commandRan(SessionEvent.CommandRan e) { return null; }
    };
}
