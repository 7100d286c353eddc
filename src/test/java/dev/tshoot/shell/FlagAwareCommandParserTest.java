package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;

/** The parser's own rules: bare boolean flags and mistyped options. */
class FlagAwareCommandParserTest {

    private static Command command(String name, CommandOption... options) {
        return new Command.Builder().name(name).description(name).options(options).execute(ctx -> { });
    }

    private static CommandOption option(String longName, Class<?> type) {
        return CommandOption.with().longName(longName).type(type).build();
    }

    private final FlagAwareCommandParser parser = new FlagAwareCommandParser(new CommandRegistry(Set.of(
            command("probe run", option("json", boolean.class)),
            command("export", option("format", String.class), option("out", String.class), option("force", boolean.class)),
            command("version"))));

    @Test
    void aBareBooleanFlagGetsItsValue() {
        assertThat(parser.rewrite("probe run cpu --json")).isEqualTo("probe run cpu --json=true");
        assertThat(parser.rewrite("export t.jsonl --format md --force")).isEqualTo("export t.jsonl --format md --force=true");
    }

    @Test
    void aMistypedOptionIsRefusedWithADidYouMean() {
        assertThatThrownBy(() -> parser.rewrite("probe run cpu --jsno"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown option '--jsno' for 'probe run'. Did you mean '--json'? Its options: --json");
        assertThatThrownBy(() -> parser.rewrite("export t.jsonl --fromat=md"))
                .hasMessage("Unknown option '--fromat' for 'export'. Did you mean '--format'? Its options: --format, --out, --force");
        assertThatThrownBy(() -> parser.rewrite("export t.jsonl --verbose"))
                .hasMessage("Unknown option '--verbose' for 'export'. Its options: --format, --out, --force");
        assertThatThrownBy(() -> parser.rewrite("version --json"))
                .hasMessage("Unknown option '--json' for 'version'. It takes no options");
    }

    @Test
    void helpAndWordsThatAreNotLongOptionsPass() {
        assertThat(parser.rewrite("probe run --help")).isEqualTo("probe run --help");
        assertThat(parser.rewrite("export t.jsonl --out -x --")).isEqualTo("export t.jsonl --out -x --");
        assertThat(parser.rewrite("frobnicate --whatever")).isEqualTo("frobnicate --whatever");
    }
}
