package dev.tshoot.engine;

/**
 * Decides, before a command runs, whether to ask the user. Interactive sessions ask; one-shot runs
 * pre-approve read-only commands with {@code --yes}, mutating ones with {@code --yes-mutating}, and
 * {@code --dry-run} runs nothing.
 */
@FunctionalInterface
public interface ConsentPolicy {

    enum Decision { ASK, APPROVE, DECLINE, DRY_RUN }

    Decision decide(Diagnostics.CommandRequest request);

    ConsentPolicy ASK_ALWAYS = r -> Decision.ASK;

    /** The one-shot policy from the command-line flags. */
    static ConsentPolicy flags(boolean yes, boolean yesMutating, boolean dryRun) {
        return r -> {
            if (dryRun) {
                return Decision.DRY_RUN;
            }
            if (r.mutating()) {
                return yesMutating ? Decision.APPROVE : Decision.ASK;
            }
            return yes || yesMutating ? Decision.APPROVE : Decision.ASK;
        };
    }
}
