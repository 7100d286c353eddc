package dev.tshoot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tshoot.playbook.Condition;
import dev.tshoot.playbook.Node;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.testing.Fixtures;

/** The engine evaluates conditions only through {@link Condition}: a fake decides the walk here, no SpEL involved. */
class ConditionInterfaceTest {

    /** A condition that answers as told and remembers the data it was given. */
    private static final class FakeCondition implements Condition {
        final Evaluation result;
        final List<Map<String, Object>> seen = new ArrayList<>();

        FakeCondition(boolean value, String error) {
            this.result = new Evaluation(value, error);
        }

        @Override public String source() { return "not an expression at all"; }

        @Override public Evaluation evaluate(Map<String, Object> data) {
            seen.add(data);
            return result;
        }
    }

    private final List<SessionEvent> events = new ArrayList<>();

    private Session walk(FakeCondition fake) throws SessionException {
        Map<String, Node> nodes = new LinkedHashMap<>();
        nodes.put("ask", new Node.Question("ask", "Which host?", null, Node.AnswerKind.TEXT, List.of(), null, null, null,
                List.of(new Node.Transition(null, "decide", null)), false));
        nodes.put("decide", new Node.Check("decide", "Decide", null, null, null,
                List.of(new Node.Transition("not an expression at all", "held", fake),
                        new Node.Transition(null, "fell-through", null))));
        nodes.put("held", new Node.Outcome("held", Node.Result.RESOLVED, "Held", "The condition held.", List.of(), null));
        nodes.put("fell-through", new Node.Outcome("fell-through", Node.Result.UNRESOLVED, "Default", "It did not.",
                List.of(), null));
        Playbook pb = new Playbook(new Playbook.Metadata("fake", "1", "Fake", "", List.of(), List.of(), List.of()),
                "ask", nodes, List.of(), "fake.yaml", "0".repeat(64));
        Session s = Fixtures.engine().start("s", pb, events::add);
        s.answer("web-01");
        return s;
    }

    @Test
    void aConditionThatHoldsTakesItsTransitionAndSeesTheWalksData() throws SessionException {
        FakeCondition fake = new FakeCondition(true, null);
        Session s = walk(fake);
        assertThat(s.outcome().id()).isEqualTo("held");
        assertThat(fake.seen).hasSize(1);
        assertThat(fake.seen.get(0)).containsEntry("answers", Map.of("ask", "web-01")).containsEntry("facts", Map.of())
                .containsKey("answer");
        assertThat(checks()).containsExactly(List.of(
                new SessionEvent.ConditionResult("not an expression at all", true, null)));
    }

    @Test
    void aConditionThatFailsFallsToTheDefaultAndItsReasonIsRecorded() throws SessionException {
        FakeCondition fake = new FakeCondition(false, "the fake says no");
        Session s = walk(fake);
        assertThat(s.outcome().id()).isEqualTo("fell-through");
        assertThat(fake.seen).hasSize(1);
        assertThat(checks()).containsExactly(List.of(
                new SessionEvent.ConditionResult("not an expression at all", false, "the fake says no"),
                new SessionEvent.ConditionResult(null, true, null)));
    }

    private List<List<SessionEvent.ConditionResult>> checks() {
        return events.stream().map(Events::checkEvaluated).filter(c -> c != null && c.node().equals("decide"))
                .map(SessionEvent.CheckEvaluated::conditions).toList();
    }
}
