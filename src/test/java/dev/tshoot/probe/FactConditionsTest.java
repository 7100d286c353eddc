package dev.tshoot.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import dev.tshoot.playbook.Condition;
import dev.tshoot.playbook.Conditions;
import dev.tshoot.testing.FixtureHostReader;

/**
 * The facts contract for playbook conditions: plain values that a compiled {@link Condition} reads
 * in its read-only sandbox (no method calls, no types), e.g.
 * {@code facts['virtualization']['hypervisor'] == 'vmware'}. Note for playbook authors: byte counts are longs,
 * and SpEL integer literals above 2^31 need the {@code L} suffix ({@code > 4000000000L}).
 */
class FactConditionsTest {

    private boolean eval(String fixture, String condition) {
        ProbeRegistry registry = ProbeRegistry.builtin();
        Map<String, Object> facts = new LinkedHashMap<>();
        registry.runAll(FixtureHostReader.load(fixture)).forEach(r -> facts.put(r.probe(), r.facts()));
        Condition.Evaluation e = Conditions.compile(condition).evaluate(Map.of("facts", facts));
        assertThat(e.error()).as(condition).isNull();
        return e.value();
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
