package dev.tshoot.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CpuFlagsTest {

    @Test
    void stripsTheFlagsPrefixOfAProcCpuinfoLineAndSplitsOnWhitespace() {
        List<String> flags = CpuFlags.parseLine("flags\t\t: fpu vme de pse  tsc\tmsr hypervisor lahf_lm");

        assertThat(flags).containsExactly("fpu", "vme", "de", "pse", "tsc", "msr", "hypervisor", "lahf_lm");
        assertThat(flags).noneMatch(f -> f.contains(":") || f.contains("flags"));
        assertThat(CpuFlags.hypervisor(flags)).isTrue();
        assertThat(CpuFlags.vmx(flags)).isFalse();
        assertThat(CpuFlags.svm(flags)).isFalse();
    }

    @Test
    void mergesDistinctLinesInOrderWithoutDuplicates() {
        List<String> flags = CpuFlags.parse(List.of(
                "flags\t\t: fpu vme svm hypervisor",
                "flags\t\t: fpu vme svm hypervisor avx512f"));

        assertThat(flags).containsExactly("fpu", "vme", "svm", "hypervisor", "avx512f");
        assertThat(CpuFlags.svm(flags)).isTrue();
    }

    @Test
    void ignoresVmxFlagsAndBugsLinesWhoseWordsAreNotCpuFlags() {
        List<String> flags = CpuFlags.parse(List.of(
                "flags\t\t: fpu vmx ssse3",
                "vmx flags\t: vnmi preemption_timer ept vpid unrestricted_guest",
                "bugs\t\t: spectre_v1 spectre_v2"));

        assertThat(flags).containsExactly("fpu", "vmx", "ssse3");
    }

    @Test
    void readsAWholeCpuinfoFileAndMacAndArmFeatureLines() {
        String cpuinfo = "processor\t: 0\nvendor_id\t: AuthenticAMD\nflags\t\t: fpu svm\nbogomips\t: 4000\n"
                + "processor\t: 1\nflags\t\t: fpu svm\n";
        assertThat(CpuFlags.parse(List.of(cpuinfo))).containsExactly("fpu", "svm");

        assertThat(CpuFlags.parseLine("machdep.cpu.features: FPU VME VMX SSE4.1 VMM"))
                .containsExactly("fpu", "vme", "vmx", "sse4.1", "vmm");
        assertThat(CpuFlags.hypervisor(CpuFlags.parseLine("machdep.cpu.features: FPU VMM"))).isTrue();
        assertThat(CpuFlags.parseLine("Features\t: fp asimd evtstrm")).containsExactly("fp", "asimd", "evtstrm");
    }

    @Test
    void bareWordsAndEmptyInputAreHandled() {
        assertThat(CpuFlags.parseLine("PF_NX_ENABLED PF_VIRT_FIRMWARE_ENABLED"))
                .containsExactly("pf_nx_enabled", "pf_virt_firmware_enabled");
        assertThat(CpuFlags.parse(null)).isEmpty();
        assertThat(CpuFlags.parseLine("flags\t\t: ")).isEmpty();
        assertThat(CpuFlags.parseLine(null)).isEmpty();
    }
}
