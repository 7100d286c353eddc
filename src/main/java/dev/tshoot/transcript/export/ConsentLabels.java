package dev.tshoot.transcript.export;

import java.util.Objects;

import dev.tshoot.engine.SessionEvent;
import dev.tshoot.text.SafeText;

/**
 * What an export says about the consent of a command: what tshoot recorded when it asked (the
 * consent prompt's help, which says whether tshoot's read-only list covers the command and why),
 * or, when the transcript holds no such prompt for the command, only what the playbook declared.
 * A command is never called read-only on the playbook's word alone.
 */
final class ConsentLabels {

    private SessionEvent.PromptShown asked;

    /** Remembers a consent prompt; the command run that follows it at the same node is labelled from it. */
    void prompted(SessionEvent.PromptShown p) {
        if ("consent".equals(p.kind())) {
            asked = p;
        }
    }

    /** One line of safe text, such as "the prompt said: This command only reads.". */
    String label(SessionEvent.CommandRan c) {
        SessionEvent.PromptShown p = asked;
        asked = null;
        if (p != null && Objects.equals(p.node(), c.node()) && p.help() != null && !p.help().isBlank()) {
            return "the prompt said: " + SafeText.line(p.help());
        }
        return c.mutating() ? "declared as changing the system by the playbook" : "declared read-only by the playbook";
    }
}
