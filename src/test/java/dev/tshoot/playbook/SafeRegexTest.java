package dev.tshoot.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The linear-time engine: what it refuses and why, the (?s).*R.* short cut, and Ctrl-C. */
class SafeRegexTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "(x+)+\\1y       | the pattern uses a backreference '\\1', which a linear-time engine cannot run (at character 6 of the pattern)",
        "(?<n>a)\\k<n>   | the pattern uses a named backreference '\\k<...>', which a linear-time engine cannot run (at character 8 of the pattern)",
        "a(?!b)          | the pattern uses a lookahead '(?!...)', which a linear-time engine cannot run (at character 2 of the pattern)",
        "(?<=a)b         | the pattern uses a lookbehind '(?<=...)', which a linear-time engine cannot run (at character 1 of the pattern)",
        "(?>ab)c         | the pattern uses an atomic group '(?>...)', which RE2 does not support (at character 1 of the pattern)",
        "[0-9]{2,}+      | the pattern uses a possessive quantifier '}+', which RE2 does not support (at character 9 of the pattern)",
        "a?+             | the pattern uses a possessive quantifier '?+', which RE2 does not support (at character 2 of the pattern)",
        "\\h+            | the pattern is not a valid regular expression: invalid escape sequence '\\h' (at character 1 of the pattern)",
        "a{1001}         | the pattern is not a valid regular expression: invalid repeat count '{1001}' (at character 2 of the pattern)",
    })
    void refusesWhatNeedsBacktrackingAndSaysWhere(String regex, String message) {
        assertThat(SafeRegex.check(regex).describe()).isEqualTo(message);
        assertThat(SafeRegex.check(regex).hint()).isNotBlank();
        assertThatThrownBy(() -> SafeRegex.compile(regex)).isInstanceOf(SafeRegex.InvalidPattern.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"a*?b", "a+?", "x}+", "\\++", "[+*]+", "(?:ab)+", "[\\]]+", "\\Qa++\\E", "(?i)abc", "a??"})
    void takesWhatLooksLikeButIsNotAnUnsupportedConstruct(String regex) {
        assertThat(SafeRegex.check(regex)).isNull();
    }

    @Test
    void theDotallIdiomShortCutGivesTheSameAnswersAsAWholeMatch() {
        List<String> patterns = List.of("(?s).*X.*", "(?s).*Virtualization:\\s+(VT-x|AMD-V).*", "(?s).*a|b.*", "(?s).*a\\.*",
                "(?s).*(a)(b).*", "(?s).*[.*]|.*", "(?s).*kern.hv_support: *1.*", "(?s).*.*", "(?s).*(?i)abc.*", "(?s).*x(?m)^y.*");
        List<String> texts = List.of("", "X", "aX\nb", "a", "b", "a...", "aaa", "ab", "ba", "line\nVirtualization:   AMD-V\nmore",
                "kern.hv_support: 1\n", "xx\nABC", "x\ny", "zzb", "a.", ".", "*");
        for (String p : patterns) {
            com.google.re2j.Pattern whole = com.google.re2j.Pattern.compile(p);
            for (String t : texts) {
                assertThat(SafeRegex.compile(p).matches(t)).as("%s on %s", p, t).isEqualTo(whole.matcher(t).matches());
            }
        }
        assertThat(SafeRegex.search("(?s).*a|b.*", 0)).as("a top-level | is not the idiom").isNull();
        assertThat(SafeRegex.search("(?s).*a\\.*", 0)).as("an escaped dot before the star is not the idiom").isNull();
        assertThat(SafeRegex.search("(?s).*Hypervisor vendor:.*", 0)).isNotNull();
    }

    @Test
    void anInterruptStopsAMatchOnTheOutputCap() {
        String text = "a".repeat(16 << 20);
        SafeRegex r = SafeRegex.compile("(a|aa)+b");
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> r.matches(text)).isInstanceOf(SafeRegex.Interrupted.class);
            assertThatThrownBy(() -> r.find(text)).isInstanceOf(SafeRegex.Interrupted.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(SafeRegex.compile("(a+)+$").find("a".repeat(50_000) + "!")).isNull();
    }
}
