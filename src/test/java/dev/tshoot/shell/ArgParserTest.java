package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The one parser both front ends use: what it accepts, and the exact words of what it refuses. */
class ArgParserTest {

    static final CommandSpec RUN = CommandSpec.command("run", "Session", "walk")
            .arg("playbook", "id").option("answers", 'a', "file", "answers").flag("yes", "yes").flag("dry-run", "dry")
            .run((a, out) -> { });
    static final CommandSpec MATCH = CommandSpec.command("match", "Playbooks", "match")
            .text("text", "text").option("file", "file", "log").flag("start", "start").run((a, out) -> { });
    static final CommandSpec VERSION = CommandSpec.command("version", "Shell", "v").run((a, out) -> { });

    static Args argv(CommandSpec spec, String... words) throws ArgParser.UsageException {
        return ArgParser.parse(spec, ArgParser.Words.of(List.of(words)));
    }

    static Args typed(CommandSpec spec, String line) throws ArgParser.UsageException {
        return ArgParser.parse(spec, spec.freeText() ? ArgParser.Words.lenient(line) : ArgParser.Words.split(line));
    }

    @Test
    void optionsInEveryUsualSpelling() throws Exception {
        Args a = argv(RUN, "pb", "--answers", "a.yaml", "--yes");
        assertThat(a.positional()).containsExactly("pb");
        assertThat(a.options()).isEqualTo(Map.of("answers", "a.yaml", "yes", "true"));
        assertThat(argv(RUN, "-a", "a.yaml", "pb", "--yes=false").options()).isEqualTo(Map.of("answers", "a.yaml", "yes", "false"));
        assertThat(argv(RUN, "--answers=x=y.yaml", "--", "--pb").positional()).containsExactly("--pb");
        assertThat(typed(RUN, "'my pb' --answers \"a b.yaml\"").positional()).containsExactly("my pb");
        assertThat(typed(RUN, "pb --answers \"a \\\"b\\\".yaml\"").value("answers")).isEqualTo("a \"b\".yaml");
        assertThat(argv(RUN, "pb", "--help").help()).isTrue();
        assertThat(argv(RUN, "-h").help()).isTrue();
    }

    @Test
    void refusalsSayWhatToTypeInstead() {
        assertThatThrownBy(() -> argv(RUN, "pb", "--answer", "a")).hasMessage("Unknown option '--answer' for 'run'."
                + " Did you mean '--answers'? Its options: --answers, --yes, --dry-run.");
        assertThatThrownBy(() -> argv(RUN, "pb", "--yess")).hasMessage("Unknown option '--yess' for 'run'."
                + " Did you mean '--yes'? Its options: --answers, --yes, --dry-run.");
        assertThatThrownBy(() -> argv(RUN, "pb", "--answers")).hasMessage("Option '--answers' needs a value: --answers <file>.");
        assertThatThrownBy(() -> argv(RUN, "pb", "--answers", "--yes")).hasMessage("Option '--answers' needs a value: --answers <file>.");
        assertThatThrownBy(() -> argv(RUN, "pb", "--yes=maybe")).hasMessage("Option '--yes' is a flag: it takes no value"
                + " (got 'maybe'). Write --yes alone.");
        assertThatThrownBy(() -> argv(RUN, "pb", "--yes", "--yes")).hasMessage("Option '--yes' is given twice for 'run'. Give it once.");
        assertThatThrownBy(() -> argv(RUN, "a", "b")).hasMessage("'run' takes one argument; 'b' is one too many."
                + " Quote a value with spaces: \"like this\".");
        assertThatThrownBy(() -> argv(VERSION, "x")).hasMessage("'version' takes no arguments (got 'x'). 'help version' shows how to use it.");
        assertThatThrownBy(() -> argv(VERSION, "-z")).hasMessage("Unknown option '-z' for 'version'. It takes no options.");
        assertThatThrownBy(() -> typed(RUN, "pb --answers \"a.yaml")).hasMessage("The quote \" at column 14 is not closed."
                + " Close it, or put the text in the other kind of quotes.");
        assertThatThrownBy(() -> argv(RUN, "pb", "--ans\u001b]52;c;eA==\u0007wer"))
                .isInstanceOf(ArgParser.UsageException.class).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b"));
    }

    @Test
    void aTextCommandTakesTheLineAsTypedWithItsOptionsAtTheEdges() throws Exception {
        assertThat(typed(MATCH, "ran \"dism\" -- twice # it's odd").text()).isEqualTo("ran \"dism\" -- twice # it's odd");
        Args m = typed(MATCH, "VT-x is --off-- here --start");
        assertThat(m.text()).isEqualTo("VT-x is --off-- here");
        assertThat(m.flag("start")).isTrue();
        assertThat(typed(MATCH, "\"VT-x is \\\"off\\\"\"").text()).isEqualTo("VT-x is \"off\"");
        Args f = typed(MATCH, "--file app.log");
        assertThat(f.value("file")).isEqualTo("app.log");
        assertThat(f.text()).isEmpty();
        assertThat(argv(MATCH, "WSL2 is not supported", "--start").text()).isEqualTo("WSL2 is not supported");
        assertThat(typed(MATCH, "--help").help()).isTrue();
        assertThat(typed(MATCH, "--helpless text").text()).isEqualTo("--helpless text");
    }
}
