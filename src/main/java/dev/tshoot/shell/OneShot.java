package dev.tshoot.shell;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one-shot front end: {@code tshoot <command ...>} runs one command from the catalog without
 * the interactive shell, and returns its exit status. Invocations that need the shell (a session,
 * a stepping replay, a match that offers to start) return {@link #NEEDS_REPL}, and the caller
 * starts the shell with the same words.
 */
public final class OneShot {

    /** Returned when the words must run in the interactive shell. */
    public static final int NEEDS_REPL = -1;

    private OneShot() { }

    public static int run(String[] argv, Catalog catalog, PrintWriter out) {
        if (argv.length == 0) {
            return NEEDS_REPL;
        }
        List<String> words = Arrays.asList(argv);
        Optional<Catalog.Found> found = catalog.find(words);
        if (found.isEmpty()) {
            out.println(catalog.unknown(words));
            out.flush();
            return ExitCode.BAD_INPUT;
        }
        CommandSpec spec = found.get().spec();
        ArgParser.Words rest = ArgParser.Words.of(found.get().rest());
        try {
            Args args = ArgParser.parse(spec, rest);
            if (!args.help() && spec.needsRepl().test(args)) {
                return NEEDS_REPL;
            }
        } catch (ArgParser.UsageException e) {
            // execute() says why
        }
        return catalog.execute(spec, rest, out);
    }
}
