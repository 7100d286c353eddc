package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;

/** The parser and completer that work around Spring Shell 4.0.1, on a registry of stand-in commands. */
class SpringShellWorkaroundsTest {

    static Command command(String name, CompletionProvider completion, CommandOption... options) {
        return new Command() {
            @Override public String getName() { return name; }

            @Override public List<CommandOption> getOptions() { return List.of(options); }

            @Override public CompletionProvider getCompletionProvider() { return completion; }

            @Override public ExitStatus execute(CommandContext ctx) { return ExitStatus.OK; }
        };
    }

    static CommandOption option(String longName, Class<?> type) {
        return CommandOption.with().longName(longName).type(type).build();
    }

    static final CompletionProvider IDS = ctx -> List.of("docker-desktop-linux-kvm", "docker-desktop-nested-virtualization", "windows-wsl2")
            .stream().filter(v -> v.startsWith(ctx.currentWordUpToCursor())).map(CompletionProposal::new).toList();

    final CommandRegistry registry = new CommandRegistry(Set.of(
            command("probe run", ctx -> List.of(), option("json", boolean.class), option("name", String.class)),
            command("start", IDS),
            command("note", ctx -> List.of()),
            command("match", ctx -> List.of(), option("file", String.class), option("start", boolean.class))));

    final FlagAwareCommandParser parser = new FlagAwareCommandParser(registry);

    @Test
    void aBareBooleanFlagOfAMultiWordCommandGetsItsValue() {
        assertThat(parser.rewrite("probe run disk --json")).isEqualTo("probe run disk --json=true");
        assertThat(parser.rewrite("probe run disk --name x --json=false")).isEqualTo("probe run disk --name x --json=false");
        assertThat(parser.rewrite("frobnicate --json")).isEqualTo("frobnicate --json");
    }

    @Test
    void noteAndMatchTakeTheRestOfTheLineAsOneArgument() {
        ParsedInput note = parser.freeText("note ran \"dism\" -- twice # ok");
        assertThat(note.commandName()).isEqualTo("note");
        assertThat(note.arguments()).extracting(a -> a.value()).containsExactly("ran \"dism\" -- twice # ok");
        ParsedInput match = parser.freeText("match \"VT-x is \\\"off\\\"\" --start");
        assertThat(match.arguments()).extracting(a -> a.value()).containsExactly("VT-x is \"off\"");
        assertThat(match.options()).extracting(o -> o.longName() + "=" + o.value()).containsExactly("start=true");
        assertThat(parser.freeText("match --file app.log")).isNull();
        assertThat(parser.freeText("start docker")).isNull();
    }

    @Test
    void aBegunArgumentIsCompletedByItsCommandsProvider() {
        ArgumentCompleter completer = new ArgumentCompleter(registry);
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, new DefaultParser().parse("start docker-desktop-n", 22), candidates);
        assertThat(candidates).extracting(Candidate::value).containsExactly("docker-desktop-nested-virtualization");
        candidates.clear();
        completer.complete(null, new DefaultParser().parse("probe run disk --j", 18), candidates);
        assertThat(candidates).extracting(Candidate::value).containsExactly("--json");
    }
}
