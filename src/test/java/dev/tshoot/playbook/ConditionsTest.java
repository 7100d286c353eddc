package dev.tshoot.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The expression sandbox: data in, booleans out; no types, constructors, methods or assignment. */
class ConditionsTest {

    private final Map<String, Object> root = Map.of(
            "facts", Map.of("virtualization", Map.of("kvmModules", List.of("kvm", "kvm_pvm"), "hypervisor", "kvm")),
            "answers", Map.of("ask-os", "linux", "verify", true),
            "lscpu", Map.of("stdout", "Virtualization: VT-x\nHypervisor vendor: KVM\n", "exitCode", 0));

    @Test
    void readsFactsAnswersAndRegisters() {
        assertThat(eval("facts['virtualization']['hypervisor'] == 'kvm' and answers['ask-os'] == 'linux'")).isTrue();
        assertThat(eval("answers['verify']")).isTrue();
        assertThat(eval("lscpu.exitCode == 0 and lscpu.stdout matches '(?s).*Virtualization:\\s+VT-x.*'")).isTrue();
        assertThat(eval("facts['virtualization']['kvmModules'].^[#this == 'kvm_pvm'] != null")).isTrue();
        assertThat(eval("facts['virtualization']['kvmModules'].^[#this == 'kvm_amd'] != null")).isFalse();
        assertThat(eval("answers['never-asked'] == null")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "T(java.lang.Runtime).getRuntime().exec('id') != null",
        "new java.io.File('/etc/passwd').exists()",
        "facts['virtualization']['kvmModules'].size() > 0",
        "'abc'.toUpperCase() == 'ABC'",
        "@someBean != null",
        "(answers['ask-os'] = 'windows') == 'windows'",
    })
    void refusesAnythingBeyondReadingData(String expression) {
        Condition.Evaluation e = Conditions.compile(expression).evaluate(root);
        assertThat(e.value()).isFalse();
        assertThat(e.error()).isNotBlank();
        assertThat(root.get("answers")).isEqualTo(Map.of("ask-os", "linux", "verify", true));
    }

    @Test
    void aMissingFactIsFalseWithTheReason() {
        Condition.Evaluation e = Conditions.compile("lscpu.missing == 1").evaluate(root);
        assertThat(e.value()).isFalse();
        assertThat(e.error()).contains("missing");
        assertThat(Conditions.compile("'text'").evaluate(root).error()).isEqualTo("the condition gave 'text', not true or false");
    }

    private boolean eval(String expression) {
        Condition.Evaluation e = Conditions.compile(expression).evaluate(root);
        assertThat(e.error()).as(expression).isNull();
        return e.value();
    }
}
