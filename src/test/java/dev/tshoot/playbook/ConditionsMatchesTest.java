package dev.tshoot.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code matches} in conditions runs on the linear-time engine, with the operator's semantics. */
class ConditionsMatchesTest {

    private final Map<String, Object> root = Map.of(
            "facts", Map.of("virtualization", Map.of("kvmModules", List.of("kvm", "kvm_pvm"))),
            "answers", Map.of("ask-os", "linux", "build", "22631", "pat", "^2[0-9]+$"),
            "lscpu", Map.of("stdout", "Virtualization: VT-x\nHypervisor vendor: KVM\n"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "lscpu.stdout matches '(?s).*Virtualization:\\s+VT-x.*'                         | true",
        "lscpu.stdout matches 'Virtualization.*'                                         | false",
        "(lscpu.stdout) matches ('(?s).*' + 'KVM' + '.*')                                | true",
        "!(answers['ask-os'] matches 'win.*') and answers['build'] matches '2[0-9]{4}'  | true",
        "facts['virtualization']['kvmModules'] matches '.*kvm_pvm.*'                     | true",
        "facts['virtualization']['kvmModules'] matches 'kvm,kvm_pvm'                     | true",
        "answers['build'] matches answers['pat']                                         | true",
        "answers['ask-os'] matches 'linux' ? answers['build'] matches '1.*' : true      | false",
        "((answers['ask-os'] matches 'li(n)ux') matches 'true')                          | true",
        "answers['ask-os'] matches 'it''s' or answers['ask-os'] == 'linux'              | true",
    })
    void evaluatesAsTheOperatorDoes(String expression, boolean expected) {
        Conditions.Compiled c = Conditions.compile(expression);
        assertThat(c.syntaxError()).isNull();
        assertThat(c.evaluate(root)).isEqualTo(new Condition.Evaluation(expected, null));
    }

    @Test
    void aMissingOrWrongOperandIsFalseWithAReason() {
        assertThat(Conditions.compile("answers['never'] matches 'x'").evaluate(root))
                .isEqualTo(new Condition.Evaluation(false, "the left side of 'matches' is null, not text"));
        assertThat(Conditions.compile("answers['build'] matches 42").evaluate(root))
                .isEqualTo(new Condition.Evaluation(false, "the right side of 'matches' must be a pattern in quotes, not '42'"));
        assertThat(Conditions.compile("answers['build'] matches answers['ask-os'] + '(?=x)'").evaluate(root))
                .isEqualTo(new Condition.Evaluation(false, "the pattern 'linux(?=x)' of 'matches' uses a lookahead '(?=...)',"
                        + " which a linear-time engine cannot run (at character 6 of the pattern)"));
    }

    @Test
    void aPatternLiteralRe2RefusesIsALintErrorWithAHint() {
        Conditions.Compiled c = Conditions.compile("answer matches '(a)\\1'");
        assertThat(c.syntaxError()).isEqualTo("its pattern uses a backreference '\\1', which a linear-time engine cannot run"
                + " (at character 4 of the pattern)");
        assertThat(c.patternProblem().hint()).startsWith("match the repeated text itself");
        assertThat(c.evaluate(Map.of("answer", "aa")).value()).isFalse();
    }

    @Test
    void thePlaybookCannotCallTheFunctionItself() {
        assertThat(Conditions.compile("#tshoot_matches('a', 'a')").syntaxError()).contains("a function call");
        assertThat(Conditions.compile("#tshoot_matches != null").syntaxError()).contains("the variable #tshoot_matches");
    }

    @Test
    void catastrophicPatternsRunInLinearTime() {
        String text = "a".repeat(100_000) + "!";
        assertThat(Conditions.compile("t matches '(a+)+$'").evaluate(Map.of("t", text)))
                .isEqualTo(new Condition.Evaluation(false, null));
        assertThat(Conditions.compile("t matches '(?s).*(a|aa)+!'").evaluate(Map.of("t", text)))
                .isEqualTo(new Condition.Evaluation(true, null));
    }
}
