package dev.tshoot.shell;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One command as both front ends know it: its name, arguments, options, help text, completion and
 * handler. The REPL (Spring Shell) and the one-shot front end ({@link OneShot}) are both driven by
 * these descriptions, parse with the same {@link ArgParser} and print the same {@link Help}, so the
 * two cannot drift.
 *
 * @param needsRepl true for an invocation that needs the interactive shell (a session, a stepping
 *        replay): the one-shot front end hands those to the REPL's start-up instead of running them
 */
public record CommandSpec(String name, String group, String description, List<Param> params, List<Opt> options,
        Completion completion, Predicate<Args> needsRepl, Handler handler) {

    public CommandSpec {
        params = List.copyOf(params);
        options = List.copyOf(options);
    }

    /** How many words a positional parameter takes. */
    public enum Arity {
        /** at most one word */
        ONE,
        /** any number of words */
        MANY,
        /** the rest of the line as typed (options only at its start, flags only at its end) */
        TEXT
    }

    /** A positional parameter, shown as {@code <name>} (or {@code [<name>…]} for many). */
    public record Param(String name, String description, Arity arity) {}

    /**
     * An option: a flag when {@code valueName} is null, otherwise {@code --name <valueName>}.
     * {@code shortName} is 0 when there is none.
     */
    public record Opt(String longName, char shortName, String description, String valueName) {
        public boolean flag() { return valueName == null; }
    }

    /** What the REPL completes a command's argument with. */
    public enum Completion { NONE, PLAYBOOK, PROBE, NODE, TRANSCRIPT }

    /** Runs a parsed invocation, writing to {@code out}; the exit status goes to {@link ExitCode}. */
    @FunctionalInterface
    public interface Handler {
        void run(Args args, PrintWriter out);
    }

    public Optional<Opt> option(String longName) {
        return options.stream().filter(o -> o.longName().equals(longName)).findFirst();
    }

    public Optional<Opt> option(char shortName) {
        return options.stream().filter(o -> o.shortName() == shortName && shortName != 0).findFirst();
    }

    /** True when the command takes the rest of the line as free text ({@code note}, {@code match}). */
    public boolean freeText() {
        return params.stream().anyMatch(p -> p.arity() == Arity.TEXT);
    }

    public static Builder command(String name, String group, String description) {
        return new Builder(name, group, description);
    }

    /** Builds a {@link CommandSpec}; adapters declare their commands with it. */
    public static final class Builder {
        private final String name;
        private final String group;
        private final String description;
        private final List<Param> params = new ArrayList<>();
        private final List<Opt> options = new ArrayList<>();
        private Completion completion = Completion.NONE;
        private Predicate<Args> needsRepl = a -> false;

        private Builder(String name, String group, String description) {
            this.name = name;
            this.group = group;
            this.description = description;
        }

        public Builder arg(String name, String description) {
            params.add(new Param(name, description, Arity.ONE));
            return this;
        }

        public Builder args(String name, String description) {
            params.add(new Param(name, description, Arity.MANY));
            return this;
        }

        public Builder text(String name, String description) {
            params.add(new Param(name, description, Arity.TEXT));
            return this;
        }

        public Builder flag(String longName, String description) {
            options.add(new Opt(longName, (char) 0, description, null));
            return this;
        }

        public Builder option(String longName, char shortName, String valueName, String description) {
            options.add(new Opt(longName, shortName, description, valueName));
            return this;
        }

        public Builder option(String longName, String valueName, String description) {
            return option(longName, (char) 0, valueName, description);
        }

        public Builder complete(Completion c) {
            this.completion = c;
            return this;
        }

        public Builder needsRepl(Predicate<Args> p) {
            this.needsRepl = p;
            return this;
        }

        public CommandSpec run(Handler handler) {
            return new CommandSpec(name, group, description, params, options, completion, needsRepl, handler);
        }
    }
}
