package dev.tshoot.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void argvQuotesOnlyWhatAShellWouldReadDifferently() {
        assertThat(Words.argv(List.of("ls", "-l", "/var/log"))).isEqualTo("ls -l /var/log");
        assertThat(Words.argv(List.of("grep", "a b", "", "it's", "x;y", "$HOME", "*.log")))
                .isEqualTo("grep 'a b' '' 'it'\\''s' 'x;y' '$HOME' '*.log'");
    }

    @Test
    void argvShowsControlsInsideArgumentsAsEscapes() {
        assertThat(Words.argv(List.of("echo", "a\nb", "\u001b]0;title\u0007")))
                .isEqualTo("echo 'a\\u000ab' '\\u001b]0;title\\u0007'");
        assertThat(Words.argv(null)).isEmpty();
    }

    @Test
    void commandResultsInOneWording() {
        assertThat(Words.commandResult("exited", 0, null)).isEqualTo("exit 0");
        assertThat(Words.commandResult("declined", null, null)).isEqualTo("not run (declined)");
        assertThat(Words.commandResult("dry_run", null, null)).isEqualTo("not run (dry run)");
        assertThat(Words.commandResult("not_applicable", null, null)).isEqualTo("not run (no command for this OS)");
        assertThat(Words.commandResult("timed_out", null, null)).isEqualTo("timed out");
        assertThat(Words.commandResult("not_found", null, "command not found:\n\u001b[2Kvmlookup"))
                .isEqualTo("not found: command not found: \\u001b[2Kvmlookup");
        assertThat(Words.commandResult(null, null, null)).isEqualTo("unknown");
    }

    @Test
    void outcomeResultsInOneWordingAndTone() {
        assertThat(Arrays.asList("resolved", "unresolved", "escalate", "other\u001b", null).stream().map(Words::result).toList())
                .containsExactly("RESOLVED", "UNRESOLVED", "ESCALATE", "OTHER\\u001b", "UNKNOWN");
        assertThat(Arrays.asList("resolved", "unresolved", "escalate", "other", null).stream().map(Words::resultTone).toList())
                .containsExactly(Tone.GREEN, Tone.YELLOW, Tone.RED, Tone.PLAIN, Tone.PLAIN);
    }

    @Test
    void aCommandThatWasNotStartedIsSkippedNotRan() {
        assertThat(Words.commandVerb("exited")).isEqualTo("ran");
        assertThat(Words.commandVerb("timed_out")).isEqualTo("ran");
        assertThat(Words.commandVerb("dry_run")).isEqualTo("skipped");
        assertThat(Words.commandVerb("declined")).isEqualTo("skipped");
        assertThat(Words.commandVerb("not_applicable")).isEqualTo("skipped");
        assertThat(Words.commandVerb(null)).isEqualTo("ran");
    }
}
