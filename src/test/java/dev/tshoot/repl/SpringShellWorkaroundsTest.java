package dev.tshoot.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ParsedInput;

import dev.tshoot.shell.Catalog;
import dev.tshoot.shell.Wiring;

/** The parser and completer that replace Spring Shell 4.0.1's, on the real catalog. */
class SpringShellWorkaroundsTest {

    @TempDir
    Path transcripts;

    Wiring wiring() {
        Map<String, String> props = Map.of("tshoot.playbooks", Path.of("playbooks").toAbsolutePath().toString(),
                "tshoot.transcripts", transcripts.toString());
        return new Wiring(props::get, "test", false, Wiring.oneShotTerminals());
    }

    CommandRegistry registry(Catalog catalog) {
        Set<Command> commands = new java.util.HashSet<>();
        catalog.commands().forEach(c -> commands.add(new CatalogCommand(c, catalog)));
        commands.add(CatalogCommand.unknown(catalog));
        return new CommandRegistry(commands);
    }

    String typed(String line) throws Exception {
        Catalog catalog = wiring().catalog(true);
        CommandRegistry registry = registry(catalog);
        StringWriter text = new StringWriter();
        ParsedInput in = new CatalogParser(catalog).parse(line);
        new CommandExecutor(registry).execute(new CommandContext(in, registry, new PrintWriter(text), new InputReader() { }));
        return text.toString();
    }

    @Test
    void theParserHandsTheRestOfTheLineAsTypedToTheCommand() {
        Catalog catalog = wiring().catalog(true);
        ParsedInput note = new CatalogParser(catalog).parse("note ran \"dism\" -- twice # ok");
        assertThat(note.commandName()).isEqualTo("note");
        assertThat(note.arguments()).extracting(a -> a.value()).containsExactly("ran \"dism\" -- twice # ok");
        ParsedInput run = new CatalogParser(catalog).parse("  probe   run disk --json");
        assertThat(run.commandName()).isEqualTo("probe run");
        assertThat(run.arguments()).extracting(a -> a.value()).containsExactly("disk --json");
        assertThat(new CatalogParser(catalog).parse("frobnicate --json").commandName()).isEqualTo(CatalogCommand.UNKNOWN);
    }

    @Test
    void aBareFlagOfAMultiWordCommandIsAFlagAndAMisspeltOptionIsRefused() throws Exception {
        assertThat(typed("probe run nosuchprobe --json")).startsWith("{");
        assertThat(typed("run x --answer a.yaml")).isEqualTo("Unknown option '--answer' for 'run'. Did you mean '--answers'?"
                + " Its options: --answers, --yes, --yes-mutating, --dry-run. 'help run' shows its arguments and options.\n");
    }

    @Test
    void aMisspeltCommandGetsADidYouMeanNotAHelpDump() throws Exception {
        assertThat(typed("playbok list")).isEqualTo("Unknown command 'playbok'. Did you mean 'playbook'? 'help' lists the commands.\n");
        assertThat(typed("playbook shwo")).isEqualTo("Unknown command 'playbook shwo'. Did you mean 'playbook show' or 'playbook sign' or 'playbook lint'?"
                + " 'help' lists the commands.\n");
    }

    @Test
    void aBegunArgumentIsCompletedByItsCommandsSource() {
        Wiring w = wiring();
        Catalog catalog = w.catalog(true);
        ArgumentCompleter completer = new ArgumentCompleter(registry(catalog), catalog, w);
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, new DefaultParser().parse("start docker-desktop-n", 22), candidates);
        assertThat(candidates).extracting(Candidate::value).containsExactly("docker-desktop-nested-virtualization");
        candidates.clear();
        completer.complete(null, new DefaultParser().parse("probe run disk --j", 18), candidates);
        assertThat(candidates).extracting(Candidate::value).containsExactly("--json");
        candidates.clear();
        completer.complete(null, new DefaultParser().parse("playbook s", 10), candidates);
        assertThat(candidates).extracting(Candidate::value).containsExactly("show", "sign");
    }
}
