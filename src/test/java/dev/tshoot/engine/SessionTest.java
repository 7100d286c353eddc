package dev.tshoot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tshoot.playbook.Node;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.testing.Fixtures;

/** The engine alone: no Spring, no terminal, a fake clock; assertions on state and emitted events. */
class SessionTest {

    private Playbook pb;
    private final List<SessionEvent> sunk = new ArrayList<>();
    private Session s;

    @BeforeEach
    void start() {
        pb = Fixtures.playbook("001_walk.yaml");
        s = Fixtures.engine().start("s1", pb, sunk::add);
    }

    @Test
    void startsAtTheStartNodeAndShowsItsPrompt() {
        assertThat(s.current().id()).isEqualTo("ask-os");
        assertThat(s.state()).isEqualTo(Session.State.WAITING_FOR_ANSWER);
        assertThat(types()).containsExactly("node-entered", "prompt-shown");
        SessionEvent.PromptShown p = (SessionEvent.PromptShown) sunk.get(1);
        assertThat(p.choices()).extracting(SessionEvent.Option::value).containsExactly("windows", "linux");
        assertThat(sunk).extracting(SessionEvent::seq).containsExactly(1L, 2L);
        assertThat(sunk.get(0).at()).isEqualTo("2026-01-02T03:04:05Z");
    }

    @Test
    void walksEveryNodeTypeToAnOutcome() throws SessionException {
        s.answer("windows");
        s.answer("yes");
        assertThat(s.current().id()).as("the check routed by the earlier answer").isEqualTo("ask-build");
        s.answer("22631");
        assertThat(s.current().id()).isEqualTo("fix-windows");
        assertThat(s.state()).isEqualTo(Session.State.WAITING_FOR_CONFIRMATION);
        s.answer("done");
        s.answer("y");
        assertThat(s.state()).isEqualTo(Session.State.AT_OUTCOME);
        assertThat(s.outcome().result()).isEqualTo(Node.Result.RESOLVED);
        assertThat(s.answers()).containsEntry("ask-os", "windows").containsEntry("ask-vm", true)
                .containsEntry("ask-build", "22631").containsEntry("verify", true);
        SessionEvent.OutcomeReached o = (SessionEvent.OutcomeReached) sunk.get(sunk.size() - 1);
        assertThat(o.result()).isEqualTo("resolved");
        assertThat(sunk).extracting(SessionEvent::seq).isSorted().doesNotHaveDuplicates();
        s.end("outcome");
        assertThat(sunk.get(sunk.size() - 1)).isEqualTo(
                new SessionEvent.SessionEnded(sunk.size(), sunk.get(sunk.size() - 1).at(), "outcome", "resolved"));
    }

    @Test
    void checkEventRecordsEveryConditionEvaluated() throws SessionException {
        s.answer("linux");
        s.answer("yes");
        assertThat(s.current().id()).isEqualTo("fix-linux");
        SessionEvent.CheckEvaluated c = sunk.stream().filter(e -> e instanceof SessionEvent.CheckEvaluated)
                .map(e -> (SessionEvent.CheckEvaluated) e).findFirst().orElseThrow();
        assertThat(c.node()).isEqualTo("route");
        assertThat(c.conditions()).containsExactly(
                new SessionEvent.ConditionResult("answers['ask-os'] == 'windows'", false, null),
                new SessionEvent.ConditionResult(null, true, null));
        assertThat(c.target()).isEqualTo("fix-linux");
    }

    @Test
    void choiceAcceptsValueLabelOrNumber() throws SessionException {
        s.answer("2");
        assertThat(s.answers()).containsEntry("ask-os", "linux");
        s.back();
        s.answer("Windows");
        assertThat(s.answers()).containsEntry("ask-os", "windows");
    }

    @Test
    void answerThatDoesNotFitSaysWhatIsExpected() {
        assertThatThrownBy(() -> s.answer("macos"))
                .isInstanceOf(SessionException.class)
                .hasMessageContaining("'macos' is not a choice for \"Which OS?\"")
                .hasMessageContaining("windows (Windows), linux (Linux)");
        assertThat(types()).as("nothing recorded for a rejected answer").containsExactly("node-entered", "prompt-shown");
    }

    @Test
    void textAnswerMustMatchItsPattern() throws SessionException {
        s.answer("windows");
        s.answer("yes");
        assertThatThrownBy(() -> s.answer("twenty")).hasMessageContaining("must match the pattern [0-9]+");
        s.answer("19045");
        assertThat(s.current().id()).as("condition false, default taken").isEqualTo("too-old");
    }

    @Test
    void backUndoesTheLastAnswerAndKeepsItInTheRecord() throws SessionException {
        s.answer("windows");
        s.answer("no");
        assertThat(s.current().id()).isEqualTo("bare-metal");
        s.back();
        assertThat(s.current().id()).isEqualTo("ask-vm");
        assertThat(s.answers()).doesNotContainKey("ask-vm").containsEntry("ask-os", "windows");
        s.answer("yes");
        assertThat(s.current().id()).isEqualTo("ask-build");
        List<SessionEvent.AnswerGiven> answers = sunk.stream().filter(e -> e instanceof SessionEvent.AnswerGiven)
                .map(e -> (SessionEvent.AnswerGiven) e).toList();
        assertThat(answers).extracting(SessionEvent.AnswerGiven::value).containsExactly("windows", "no", "yes");
        assertThat(sunk).filteredOn(e -> e instanceof SessionEvent.WentBack)
                .singleElement().isEqualTo(new SessionEvent.WentBack(((SessionEvent.WentBack) sunk.stream()
                        .filter(e -> e instanceof SessionEvent.WentBack).findFirst().get()).seq(),
                        sunk.stream().filter(e -> e instanceof SessionEvent.WentBack).findFirst().get().at(),
                        "bare-metal", "ask-vm"));
    }

    @Test
    void backSkipsChecksToTheLastQuestion() throws SessionException {
        s.answer("linux");
        s.answer("yes");
        assertThat(s.current().id()).isEqualTo("fix-linux");
        s.back();
        assertThat(s.current().id()).as("the check in between is re-evaluated, not asked").isEqualTo("ask-vm");
    }

    @Test
    void backAtTheStartSaysThereIsNothingToUndo() {
        assertThatThrownBy(() -> s.back()).isInstanceOf(SessionException.class)
                .hasMessageContaining("nothing to go back to");
    }

    @Test
    void gotoJumpsAndBackReturns() throws SessionException {
        s.jump("verify");
        assertThat(s.current().id()).isEqualTo("verify");
        assertThat(sunk).filteredOn(e -> e instanceof SessionEvent.Jumped).hasSize(1);
        s.back();
        assertThat(s.current().id()).isEqualTo("ask-os");
        assertThatThrownBy(() -> s.jump("verfy")).hasMessageContaining("Did you mean 'verify'?");
    }

    @Test
    void restartClearsAnswersAndKeepsEvents() throws SessionException {
        s.answer("windows");
        int before = sunk.size();
        s.restart();
        assertThat(s.answers()).isEmpty();
        assertThat(s.current().id()).isEqualTo("ask-os");
        assertThat(sunk.size()).isGreaterThan(before);
        assertThat(sunk.get(before)).isInstanceOf(SessionEvent.Restarted.class);
    }

    @Test
    void whyExplainsAnswersAndConditions() throws SessionException {
        s.answer("windows");
        s.answer("yes");
        s.answer("19045");
        List<String> why = s.why();
        assertThat(why).hasSize(4);
        assertThat(why.get(0)).contains("'ask-os' asked \"Which OS?\": you answered 'Windows' -> 'ask-vm'");
        assertThat(why.get(2)).contains("'route' checked: `answers['ask-os'] == 'windows'` was true -> 'ask-build'");
        assertThat(why.get(3)).contains("`answer matches '2[0-9]{4}'` was false").contains("-> 'too-old'");
    }

    @Test
    void notesAreRecordedAtTheCurrentNode() throws SessionException {
        s.note("customer uses ESXi 7");
        assertThat(sunk.get(sunk.size() - 1)).isInstanceOf(SessionEvent.NoteAdded.class)
                .extracting(e -> ((SessionEvent.NoteAdded) e).node()).isEqualTo("ask-os");
        assertThatThrownBy(() -> s.note("  ")).hasMessageContaining("The note is empty");
    }

    @Test
    void anEndedSessionRefusesMore() {
        s.end("user");
        assertThatThrownBy(() -> s.answer("windows")).hasMessageContaining("has ended");
        s.end("user");
        assertThat(sunk).filteredOn(e -> e instanceof SessionEvent.SessionEnded).hasSize(1);
    }

    @Test
    void scriptedWalkFollowsAnswersAndListsInTurn() {
        ScriptedWalk.Result r = ScriptedWalk.walk(s, Map.of("ask-os", List.of("linux"), "ask-vm", List.of("yes"),
                "verify", List.of("no")));
        assertThat(r.completed()).isTrue();
        assertThat(r.outcome().id()).isEqualTo("escalate");
    }

    @Test
    void scriptedWalkNamesTheUnansweredQuestion() {
        ScriptedWalk.Result r = ScriptedWalk.walk(s, Map.of("ask-os", List.of("windows")));
        assertThat(r.completed()).isFalse();
        assertThat(r.node()).isEqualTo("ask-vm");
        assertThat(r.problem()).contains("does not answer node 'ask-vm'").contains("yes or no");
    }

    @Test
    void scriptedWalkReportsABadAnswer() {
        ScriptedWalk.Result r = ScriptedWalk.walk(s, Map.of("ask-os", List.of("solaris")));
        assertThat(r.problem()).contains("the answer for 'ask-os' does not fit").contains("'solaris' is not a choice");
    }

    private List<String> types() {
        return sunk.stream().map(SessionEvent::type).toList();
    }
}
