package dev.tshoot.shell;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.tshoot.playbook.Suggest;
import dev.tshoot.text.SafeText;

/**
 * Every command, and how an invocation is run: the one table both front ends use. Finding the
 * command (the longest name that the words start with), parsing its words ({@link ArgParser}),
 * help, and the handler's exit status are all decided here, so the REPL and one-shot use print the
 * same text and return the same status.
 */
public final class Catalog {

    private final List<CommandSpec> commands;
    private final ExitCode exit;

    /** A command found at the start of a line, and the words left after its name. */
    public record Found(CommandSpec spec, List<String> rest) {}

    public Catalog(List<CommandSpec> commands, ExitCode exit, String version, boolean repl) {
        List<CommandSpec> all = new ArrayList<>(commands);
        all.add(0, CommandSpec.command("help", "Help", "List the commands, or show one command's arguments and options")
                .text("command", "a command name, e.g. 'run' or 'playbook show'")
                .run((a, out) -> help(out, a.text(), version, repl)));
        this.commands = List.copyOf(all);
        this.exit = exit;
    }

    public List<CommandSpec> commands() { return commands; }

    public ExitCode exit() { return exit; }

    public Optional<CommandSpec> byName(String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * The command named by the longest prefix of {@code words}; {@code --help}/{@code -h} and
     * {@code --version}/{@code -V} in first place stand for {@code help} and {@code version}, as
     * other command-line tools have them.
     */
    public Optional<Found> find(List<String> words) {
        if (!words.isEmpty()) {
            String alias = switch (words.get(0)) {
                case "--help", "-h" -> "help";
                case "--version", "-V" -> "version";
                default -> null;
            };
            if (alias != null) {
                return byName(alias).map(c -> new Found(c, words.subList(1, words.size())));
            }
        }
        for (int n = Math.min(words.size(), 3); n >= 1; n--) {
            Optional<CommandSpec> c = byName(String.join(" ", words.subList(0, n)));
            if (c.isPresent()) {
                return Optional.of(new Found(c.get(), words.subList(n, words.size())));
            }
        }
        return Optional.empty();
    }

    /** Why {@code words} name no command, with the likeliest one; {@code playbook} alone lists its subcommands. */
    public String unknown(List<String> words) {
        String first = words.isEmpty() ? "" : words.get(0);
        List<String> under = commands.stream().map(CommandSpec::name).filter(n -> n.startsWith(first + " ")).toList();
        if (!under.isEmpty() && (words.size() == 1 || words.get(1).startsWith("-"))) {
            return "'" + SafeText.inline(first) + "' needs one more word: " + String.join(", ", under) + ".";
        }
        int typed = under.isEmpty() ? 1 : Math.min(2, words.size());
        String name = String.join(" ", words.subList(0, typed));
        List<String> candidates = commands.stream().map(c -> c.name().split(" "))
                .map(w -> String.join(" ", Arrays.asList(w).subList(0, Math.min(typed, w.length)))).distinct().toList();
        return "Unknown command '" + SafeText.inline(name) + "'." + Suggest.didYouMean(name, candidates)
                + " 'help' lists the commands.";
    }

    /** Runs one invocation typed at the REPL: {@code typed} is the line after the command's name. */
    public int execute(CommandSpec spec, String typed, PrintWriter out) {
        ArgParser.Words words;
        try {
            words = spec.freeText() ? ArgParser.Words.lenient(typed) : ArgParser.Words.split(typed);
        } catch (ArgParser.UsageException e) {
            exit.reset();
            out.println(e.getMessage());
            out.flush();
            exit.set(ExitCode.BAD_INPUT);
            return ExitCode.BAD_INPUT;
        }
        return execute(spec, words, out);
    }

    /**
     * Parses and runs one invocation. A refused line, a help request and the handler's own status
     * all end in the returned exit status; the handler's exceptions are turned into one line.
     */
    public int execute(CommandSpec spec, ArgParser.Words words, PrintWriter out) {
        exit.reset();
        Args args;
        try {
            args = ArgParser.parse(spec, words);
        } catch (ArgParser.UsageException e) {
            out.println(e.getMessage() + " 'help " + spec.name() + "' shows its arguments and options.");
            out.flush();
            exit.set(ExitCode.BAD_INPUT);
            return ExitCode.BAD_INPUT;
        }
        if (args.help()) {
            Help.command(out, spec);
            return exit.get();
        }
        try {
            spec.handler().run(args, out);
        } catch (RuntimeException e) {
            out.println("Cannot run '" + spec.name() + "': " + SafeText.inline(String.valueOf(e.getMessage())));
            exit.raise(ExitCode.BAD_INPUT);
        }
        out.flush();
        return exit.get();
    }

    private void help(PrintWriter out, String topic, String version, boolean repl) {
        if (topic == null || topic.isBlank()) {
            Help.all(out, version, commands, repl);
            return;
        }
        List<String> words = List.of(topic.strip().split("\\s+"));
        Optional<Found> f = find(words);
        if (f.isEmpty() || !f.get().rest().isEmpty()) {
            out.println(unknown(words));
            exit.set(ExitCode.BAD_INPUT);
            return;
        }
        Help.command(out, f.get().spec());
    }
}
