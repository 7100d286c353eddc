package dev.tshoot.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.jline.CommandCompleter;

import dev.tshoot.shell.Catalog;
import dev.tshoot.shell.CommandSpec;
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
    private final Wiring wiring;

    public ArgumentCompleter(CommandRegistry registry, Catalog catalog, Wiring wiring) {
        super(registry);
        this.catalog = catalog;
        this.wiring = wiring;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        String current = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        List<String> before = words.subList(0, Math.min(line.wordIndex(), words.size()));
        Optional<Catalog.Found> found = before.isEmpty() ? Optional.empty() : catalog.find(before);
        if (found.isEmpty()) {
            // a command name, word by word
            String typed = String.join(" ", before);
            for (CommandSpec c : catalog.commands()) {
                String[] w = c.name().split(" ");
                if (w.length > before.size() && (typed.isEmpty() || c.name().startsWith(typed + " "))
                        && w[before.size()].startsWith(current)) {
                    candidates.add(new Candidate(w[before.size()], w[before.size()], null, null, null, null,
                            w.length == before.size() + 1));
                }
            }
            return;
        }
        CommandSpec spec = found.get().spec();
        if (current.startsWith("-")) {
            for (CommandSpec.Opt o : spec.options()) {
                if (("--" + o.longName()).startsWith(current)) {
                    candidates.add(new Candidate("--" + o.longName()));
                }
            }
            return;
        }
        for (String v : values(spec.completion())) {
            if (v.startsWith(current)) {
                candidates.add(new Candidate(v));
            }
        }
    }

    private List<String> values(CommandSpec.Completion c) {
        return switch (c) {
            case NONE -> List.of();
            case PLAYBOOK -> wiring.playbooks().ids();
            case PROBE -> wiring.diagnostics().registry().names();
            case NODE -> wiring.holder().active()
                    ? new ArrayList<>(wiring.holder().session().playbook().nodes().keySet()) : List.of();
            case TRANSCRIPT -> wiring.transcriptFiles().stream().map(Object::toString).toList();
        };
    }
}
