package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tshoot.engine.Session;
import dev.tshoot.testing.Fixtures;

/** The question loop with a scripted prompter: menus, back and pause entries, rejected answers. */
class SessionDriverTest {

    /** Replies in order and remembers every menu it was shown. */
    static final class ScriptedPrompter implements Prompter {
        final Deque<String> replies;
        final List<List<Item>> menus = new ArrayList<>();

        ScriptedPrompter(String... replies) {
            this.replies = new ArrayDeque<>(List.of(replies));
        }

        @Override
        public String select(String title, List<Item> items) {
            menus.add(items);
            return replies.poll();
        }

        @Override
        public String input(String title, boolean secret) {
            return replies.poll();
        }
    }

    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text);

    @Test
    void walksToAnOutcomeWithBackAndPauseOffered() {
        Session s = Fixtures.engine().start("s1", Fixtures.playbook("001_walk.yaml"), e -> { });
        ScriptedPrompter p = new ScriptedPrompter("windows", SessionDriver.BACK, "linux", "yes", "done", "yes");
        new SessionDriver(p).drive(s, out);
        assertThat(s.state()).isEqualTo(Session.State.AT_OUTCOME);
        assertThat(s.current().id()).isEqualTo("resolved");
        assertThat(p.menus.get(0)).extracting(Prompter.Item::key).containsExactly("windows", "linux", SessionDriver.PAUSE);
        assertThat(p.menus.get(1)).extracting(Prompter.Item::key).containsExactly("yes", "no", SessionDriver.BACK,
                SessionDriver.PAUSE);
        assertThat(s.answers()).containsEntry("ask-os", "linux");
        assertThat(text.toString()).contains("Load the module").contains("RESOLVED").contains("Fixed");
    }

    @Test
    void pauseReturnsToThePromptAndKeepsTheSessionOpen() {
        Session s = Fixtures.engine().start("s1", Fixtures.playbook("001_walk.yaml"), e -> { });
        new SessionDriver(new ScriptedPrompter("windows", SessionDriver.PAUSE)).drive(s, out);
        assertThat(s.state()).isEqualTo(Session.State.WAITING_FOR_ANSWER);
        assertThat(s.current().id()).isEqualTo("ask-vm");
        assertThat(text.toString()).contains("Paused at 'ask-vm'").contains("'resume' continues");
    }

    @Test
    void aTextAnswerThatDoesNotFitIsExplainedAndAskedAgain() {
        Session s = Fixtures.engine().start("s1", Fixtures.playbook("001_walk.yaml"), e -> { });
        new SessionDriver(new ScriptedPrompter("windows", "yes", "twenty", "22631", SessionDriver.PAUSE)).drive(s, out);
        assertThat(text.toString()).contains("must match the pattern [0-9]+");
        assertThat(s.answers()).containsEntry("ask-build", "22631");
        assertThat(s.current().id()).isEqualTo("fix-windows");
    }
}
