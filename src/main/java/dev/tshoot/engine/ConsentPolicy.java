package dev.tshoot.engine;

/**
 * Decides, before a command runs, whether to ask the user. Interactive sessions ask; one-shot runs
 * pre-approve the commands on tshoot's read-only list ({@link ReadOnlyCommands}) with {@code --yes},
 * every command with {@code --yes-mutating}, and {@code --dry-run} runs nothing. Whether a command
 * only reads is tshoot's decision ({@link Diagnostics.CommandRequest#readOnly()}), never the
 * playbook's: a command that is not on the list is treated as one that changes the system.
 */
@FunctionalInterface
public interface ConsentPolicy {

    enum Decision { ASK, APPROVE, DECLINE, DRY_RUN }

    Decision decide(Diagnostics.CommandRequest request);

    /** The read-only list the walk classifies commands with: the built-in one unless the user's configuration adds to it. */
    default ReadOnlyCommands readOnly() { return ReadOnlyCommands.builtin(); }

    ConsentPolicy ASK_ALWAYS = r -> Decision.ASK;

    /** Asks before every command, classifying commands with {@code list} (which decides what "always" covers). */
    static ConsentPolicy askAlways(ReadOnlyCommands list) {
        return new Flags(false, false, false, list);
    }

    /** The one-shot policy from the command-line flags, with the built-in read-only list. */
    static ConsentPolicy flags(boolean yes, boolean yesMutating, boolean dryRun) {
        return flags(yes, yesMutating, dryRun, ReadOnlyCommands.builtin());
    }

    /** The one-shot policy from the command-line flags and the read-only list in force. */
    static ConsentPolicy flags(boolean yes, boolean yesMutating, boolean dryRun, ReadOnlyCommands list) {
        return new Flags(yes, yesMutating, dryRun, list);
    }

    /** {@code --yes} covers listed read-only commands only; everything else needs {@code --yes-mutating}. */
    record Flags(boolean yes, boolean yesMutating, boolean dryRun, ReadOnlyCommands readOnly) implements ConsentPolicy {
        @Override
        public Decision decide(Diagnostics.CommandRequest r) {
            if (dryRun) {
                return Decision.DRY_RUN;
            }
            if (!r.readOnly()) {
                return yesMutating ? Decision.APPROVE : Decision.ASK;
            }
            return yes || yesMutating ? Decision.APPROVE : Decision.ASK;
        }
    }
}
