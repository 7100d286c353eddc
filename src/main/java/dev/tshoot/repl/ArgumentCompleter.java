package dev.tshoot.repl;

import java.util.List;

import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.jline.CommandCompleter;

import dev.tshoot.shell.Catalog;
import dev.tshoot.shell.Completions;
import dev.tshoot.shell.Wiring;

/**
 * Tab completion from the command catalog: command names word by word, {@code --options} by their
 * long names, and a command's argument from its completion source (playbook ids, node ids of the
 * running session, probe names, transcript files), also once a few letters are typed.
 *
 * <p>Works around Spring Shell 4.0.1, which completes a command's arguments only while the argument
 * is still empty ({@code start dock<Tab>} looks for a command named "start dock"). Upstream:
 * spring-projects/spring-shell#1346 ("Autocompletion does not work correctly for arguments", filed
 * against 4.0.2) and #923 ("Unable to complete {@code someCommand val<tab>}", open since 3.1). It
 * extends Spring Shell's completer only so the shell picks it up.
 */
public class ArgumentCompleter extends CommandCompleter {

    private final Catalog catalog;
    private final Completions completions;

    public ArgumentCompleter(CommandRegistry registry, Catalog catalog, Wiring wiring) {
        super(registry);
        this.catalog = catalog;
        this.completions = new Completions(catalog, wiring);
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        String current = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        List<String> before = words.subList(0, Math.min(line.wordIndex(), words.size()));
        boolean name = before.isEmpty() || catalog.find(before).isEmpty();
        for (String c : completions.candidates(before, current)) {
            boolean last = !name || catalog.byName(String.join(" ", concat(before, c))).isPresent()
                    && catalog.commands().stream().noneMatch(s -> s.name().startsWith(String.join(" ", concat(before, c)) + " "));
            candidates.add(new Candidate(c, c, null, null, null, null, last));
        }
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> l = new java.util.ArrayList<>(a);
        l.add(b);
        return l;
    }
}
