package dev.tshoot.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.MapAccessor;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

import dev.tshoot.testing.FixtureHostReader;

/**
 * The facts contract for playbook conditions: plain values that SpEL can read with a read-only
 * {@link SimpleEvaluationContext} (no method calls, no types), e.g.
 * {@code facts['virtualization']['hypervisor'] == 'vmware'}. Note for playbook authors: byte counts are longs,
 * and SpEL integer literals above 2^31 need the {@code L} suffix ({@code > 4000000000L}).
 */
class FactConditionsTest {

    private final ExpressionParser parser = new SpelExpressionParser();

    private boolean eval(String fixture, String condition) {
        ProbeRegistry registry = ProbeRegistry.builtin();
        Map<String, Object> facts = new LinkedHashMap<>();
        registry.runAll(FixtureHostReader.load(fixture)).forEach(r -> facts.put(r.probe(), r.facts()));
        SimpleEvaluationContext ctx = SimpleEvaluationContext.forPropertyAccessors(new MapAccessor()).build();
        return Boolean.TRUE.equals(parser.parseExpression(condition).getValue(ctx, Map.of("facts", facts), Boolean.class));
    }

    @Test
    void conditionsReadStringsBooleansNestedMapsAndTraps() {
        String vmware = "001_vmware_esxi_linux_no_nested.yaml";
        assertThat(eval(vmware, "facts['virtualization']['hypervisor'] == 'vmware'")).isTrue();
        assertThat(eval(vmware, "facts['virtualization']['isVirtualMachine'] == true "
                + "and facts['virtualization']['hardwareVirtualizationExposed'] == false")).isTrue();
        assertThat(eval(vmware, "facts['virtualization']['kvm']['present']")).isFalse();
        assertThat(eval(vmware, "facts['cpu']['vmx'] == false and facts['memory']['totalBytes'] > 4000000000L")).isTrue();

        String host = "021_windows_host_hyperv_trap.yaml";
        assertThat(eval(host, "facts['virtualization']['traps']['windows-host-hyperv'] != null")).isTrue();
        assertThat(eval(host, "facts['virtualization']['traps']['wsl2'] != null")).isFalse();
        assertThat(eval(host, "facts['virtualization']['hardwareVirtualizationExposed'] == 'unknown'")).isTrue();
        assertThat(eval(host, "facts['os']['family'] == 'windows'")).isTrue();
    }
}
