package dev.tshoot.shell;

import java.util.ArrayList;
import java.util.List;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.DefaultCommandParser;
import org.springframework.shell.core.command.ParsedInput;

import dev.tshoot.playbook.Suggest;

/**
 * The command-line parser, working around Spring Shell 4.0.1's in one place:
 * <ul>
 * <li>its parser recognises a bare boolean flag ({@code --json}) only for one-word commands: for
 * {@code probe run x --json} it looks up "probe" and demands a value. This parser finds the full
 * command name first and writes such flags as {@code --json=true}, then delegates. Upstream:
 * spring-projects/spring-shell#1304 (boolean options without values, 4.0.0), #1309 (with an
 * argument, fixed for one-word commands) and #1331 ("Boolean flags not working without value in
 * sub-commands", open), which is this case.</li>
 * <li>{@code note} and {@code match} take free text: everything after the name is one argument,
 * exactly as typed (quotes, {@code --}, {@code #}), which the default parser would split into
 * options and arguments. This is tshoot's own syntax, not a Spring Shell defect: no upstream
 * issue.</li>
 * </ul>
 */
public class FlagAwareCommandParser implements CommandParser {

    private final CommandRegistry registry;
    private final DefaultCommandParser delegate;

    public FlagAwareCommandParser(CommandRegistry registry) {
        this.registry = registry;
        this.delegate = new DefaultCommandParser(registry);
    }

    @Override
    public ParsedInput parse(String input) {
        ParsedInput free = freeText(input.strip());
        return free != null ? free : delegate.parse(rewrite(input));
    }

    /** Commands whose words are free text: everything after the name is one argument, exactly as typed. */
    static final java.util.Set<String> FREE_TEXT = java.util.Set.of("note", "match");

    /** A free-text command line as one argument (and match's trailing --start), or null. */
    ParsedInput freeText(String line) {
        for (String name : FREE_TEXT) {
            if (!line.startsWith(name + " ") || registry.getCommandByName(name) == null) {
                continue;
            }
            String rest = line.substring(name.length()).strip();
            if (name.equals("match") && (rest.startsWith("--file") || rest.startsWith("-f "))) {
                return null; // match --file <log>: options, no free text
            }
            ParsedInput.Builder b = ParsedInput.builder().commandName(name);
            if (name.equals("match") && (rest.endsWith(" --start") || rest.equals("--start"))) {
                rest = rest.substring(0, rest.length() - "--start".length()).strip();
                b.addOption(CommandOption.with().longName("start").value("true").build());
            }
            if (rest.length() >= 2 && rest.startsWith("\"") && rest.endsWith("\"")) {
                // a quoted text (also how one-shot arguments arrive): undo \" and \\ as the default parser does
                rest = rest.substring(1, rest.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            }
            b.addArgument(new org.springframework.shell.core.command.CommandArgument(0, rest));
            return b.build();
        }
        return null;
    }

    String rewrite(String input) {
        String line = input.strip();
        List<String> words = List.of(line.split("\\s+(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)"));
        Command command = null;
        int nameWords = 0;
        for (int i = 1; i <= words.size(); i++) {
            Command c = registry.getCommandByName(String.join(" ", words.subList(0, i)));
            if (c != null) {
                command = c;
                nameWords = i;
            }
        }
        if (command == null) {
            return input;
        }
        List<String> out = new ArrayList<>(words.subList(0, nameWords));
        for (String w : words.subList(nameWords, words.size())) {
            checkKnown(command, w);
            if (w.startsWith("--") && !w.contains("=") && isBoolean(command, w.substring(2))) {
                out.add(w + "=true");
            } else {
                out.add(w);
            }
        }
        return String.join(" ", out);
    }

    /** A mistyped option is refused with a "did you mean" instead of being silently ignored. */
    static void checkKnown(Command command, String word) {
        if (!word.startsWith("--") || word.length() == 2) {
            return;
        }
        String name = word.substring(2).split("=", 2)[0];
        List<String> known = command.getOptions().stream().map(CommandOption::longName)
                .filter(n -> n != null && !n.isBlank()).toList();
        if (name.equals("help") || known.contains(name)) {
            return;
        }
        throw new IllegalArgumentException("Unknown option '--" + name + "' for '" + command.getName() + "'."
                + Suggest.phrase(Suggest.closest(name, known).stream().map(n -> "--" + n).toList())
                + (known.isEmpty() ? " It takes no options" : " Its options: --" + String.join(", --", known)));
    }

    private static boolean isBoolean(Command command, String longName) {
        for (CommandOption o : command.getOptions()) {
            if (longName.equals(o.longName()) && (o.type() == boolean.class || o.type() == Boolean.class)) {
                return true;
            }
        }
        return false;
    }
}
