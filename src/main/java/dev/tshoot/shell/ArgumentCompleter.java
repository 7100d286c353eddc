package dev.tshoot.shell;

import java.util.List;

import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.jline.CommandCompleter;

/**
 * Works around Spring Shell 4.0.1, which completes a command's arguments only while the argument is
 * still empty: once a few letters are typed ({@code start dock<Tab>}) it looks for a command named
 * "start dock" and finds none. This completer finds the command by the longest matching prefix of
 * the words, then asks its completion provider (playbook ids, node ids, probe names, files) for the
 * current word, and completes {@code --options} by their long names.
 *
 * <p>Upstream: spring-projects/spring-shell#1346 ("Autocompletion does not work correctly for
 * arguments", filed against 4.0.2: Tab after the command name completes, typed letters then do
 * not) and #923 ("Unable to complete {@code someCommand val<tab>}", open since 3.1). Remove this
 * class (and its bean in {@link ShellConfiguration}) once the release in use completes a begun
 * argument.
 */
public class ArgumentCompleter extends CommandCompleter {

    private final CommandRegistry registry;

    public ArgumentCompleter(CommandRegistry registry) {
        super(registry);
        this.registry = registry;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        Command command = null;
        int nameWords = 0;
        for (int i = 1; i < words.size(); i++) {
            Command c = registry.getCommandByName(String.join(" ", words.subList(0, i)));
            if (c != null) {
                command = c;
                nameWords = i;
            }
        }
        if (command == null || line.wordIndex() < nameWords) {
            super.complete(reader, line, candidates);
            return;
        }
        String current = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        if (current.startsWith("-")) {
            for (CommandOption o : command.getOptions()) {
                if (o.longName() != null && ("--" + o.longName()).startsWith(current)) {
                    candidates.add(new Candidate("--" + o.longName()));
                }
            }
            return;
        }
        CompletionContext ctx = new CompletionContext(words, line.wordIndex(), line.wordCursor(), command, null);
        for (CompletionProposal p : command.getCompletionProvider().apply(ctx)) {
            candidates.add(new Candidate(p.value(), p.displayText(), p.category(), p.description(), null, null,
                    p.complete(), 0));
        }
    }
}
