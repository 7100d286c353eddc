package dev.tshoot.transcript.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tshoot.engine.SessionEvent;

/** An export labels a command from what tshoot recorded when it asked, never from the playbook's flag alone. */
class ConsentLabelsTest {

    static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

    static SessionEvent.CommandRan ran(String node, String consent, boolean mutating) {
        return new SessionEvent.CommandRan(3, T, node, List.of("sh", "-c", "touch /tmp/x"), false, mutating, consent, null,
                "exited", 0, "", "", false, false, true, true, 5, false, null);
    }

    static SessionEvent.PromptShown asked(String node, String help) {
        return new SessionEvent.PromptShown(2, T, node, "consent", "Look", help,
                List.of(new SessionEvent.Option("yes", "Run it"), new SessionEvent.Option("no", "Don't run it")), null, null,
                List.of("sh", "-c", "touch /tmp/x"));
    }

    @Test
    void anUnlistedCommandWithoutMutatingIsNeverCalledReadOnly() {
        StringBuilder sb = new StringBuilder();
        MarkdownEvents.render(sb, List.of(asked("c", "tshoot asks every time: not on tshoot's read-only list: sh runs any command."),
                ran("c", "yes", false)));
        assertThat(sb.toString()).contains("- consent: yes (the prompt said: tshoot asks every time: not on tshoot's read-only list:"
                + " sh runs any command.)\n").doesNotContain("(read-only)");
    }

    @Test
    void withoutAPromptTheLabelSaysOnlyWhatThePlaybookDeclared() {
        ConsentLabels labels = new ConsentLabels();
        assertThat(labels.label(ran("c", "preapproved", false))).isEqualTo("declared read-only by the playbook");
        assertThat(labels.label(ran("c", "preapproved", true))).isEqualTo("declared as changing the system by the playbook");
        // a prompt at another node, or one already used, does not label a later command
        labels.prompted(asked("other", "This command only reads."));
        assertThat(labels.label(ran("c", "always", false))).isEqualTo("declared read-only by the playbook");
        labels.prompted(asked("c", "This command only reads.\u001b[2K"));
        assertThat(labels.label(ran("c", "yes", false))).isEqualTo("the prompt said: This command only reads.\\u001b[2K");
        assertThat(labels.label(ran("c", "always", false))).isEqualTo("declared read-only by the playbook");
    }
}
