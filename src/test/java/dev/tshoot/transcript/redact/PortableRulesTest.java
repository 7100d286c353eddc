package dev.tshoot.transcript.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every default rule is written in the syntax java.util.regex and RE2 share (what a look-around said is
 * a check on the match, see RulePattern), so it runs on the linear-time engine:
 * no look-around, no back-references, no possessive quantifiers, no repetition count over 1000. When
 * RE2/J is on the class path, each one is also compiled with it.
 */
class PortableRulesTest {

    /** Every default rule: all of them run on RE2/J. */
    static final List<String> PORTABLE = RedactionRules.defaults().names();

    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\(\\?<?[=!]"                          // look-ahead, look-behind
            + "|(?<!\\\\)[*+?}]\\+"                  // possessive quantifiers
            + "|\\\\[1-9]|\\\\k<"                    // back-references
            + "|\\(\\?>"                             // atomic groups
            + "|\\(\\?[a-z]*x");                     // comments mode (RE2 has none)

    private static final Pattern COUNT = Pattern.compile("\\{([0-9]+)(?:,([0-9]*))?\\}");

    @Test
    void everyDefaultRuleUsesOnlyTheSyntaxBothEnginesShare() throws Exception {
        for (String name : PORTABLE) {
            RedactionRule r = RedactionRules.defaults().rule(name);
            assertThat(r).as(name).isNotNull();
            String p = r.pattern().toString();
            assertThat(r.pattern().linear()).as("%s runs on the linear-time engine", name).isTrue();
            assertThat(FORBIDDEN.matcher(p).find()).as("%s uses syntax RE2 lacks: %s", name, p).isFalse();
            Matcher m = COUNT.matcher(p);
            while (m.find()) {
                for (int g = 1; g <= 2; g++) {
                    if (m.group(g) != null && !m.group(g).isEmpty()) {
                        assertThat(Integer.parseInt(m.group(g))).as("%s: repetition count in %s", name, m.group()).isLessThanOrEqualTo(1000);
                    }
                }
            }
            Method compile = re2Compile();
            if (compile != null) {
                compile.invoke(null, p); // throws when RE2/J refuses the pattern
            }
        }
    }

    @Test
    void thereAreDefaultRulesToCheck() {
        assertThat(PORTABLE).hasSizeGreaterThan(25).contains("private-key", "secret-assignment", "authorization-header");
    }

    @Test
    void theSyntaxCheckCatchesWhatRe2Refuses() {
        assertThat(FORBIDDEN.matcher("(?<![a-z])x").find()).isTrue();
        assertThat(FORBIDDEN.matcher("a*+b").find()).isTrue();
        assertThat(FORBIDDEN.matcher("(a)\\1").find()).isTrue();
        assertThat(FORBIDDEN.matcher("(?xi) a").find()).isTrue();
        assertThat(FORBIDDEN.matcher("(?i)[a+]{1,5}\\+x").find()).isFalse();
    }

    private static Method re2Compile() {
        try {
            return Class.forName("com.google.re2j.Pattern").getMethod("compile", String.class);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
