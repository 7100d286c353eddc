package dev.tshoot.probe;

import java.util.List;

import dev.tshoot.playbook.OsFamily;

/** Processor identity, core counts, feature flags and the virtualization-relevant flags. */
public final class CpuProbe extends BuiltinProbe {

    public static final String NAME = "cpu";

    /** vmx/svm/hypervisorFlag are booleans derived from {@code flags}; "unknown" where flags carry no such bits. */
    public static final List<String> FACTS = List.of("vendor", "brand", "family", "model", "identifier",
            "physicalCores", "logicalCores", "flags", "vmx", "svm", "hypervisorFlag");

    public CpuProbe() {
        super(NAME, "CPU vendor, brand, cores, feature flags; vmx/svm (VT-x/AMD-V) and the hypervisor flag", FACTS);
    }

    @Override
    public ProbeResult run(HostReader host) {
        FactSheet f = new FactSheet();
        HardwareSnapshot.Cpu cpu = f.attempt(host::cpu);
        if (cpu == null) {
            String why = f.lastFailure() == null ? "no processor data" : "processor data unavailable: " + f.lastFailure();
            f.unknownAll(FACTS, why);
            return f.toResult(NAME);
        }
        String why = "not reported by the OS";
        f.putOrUnknown("vendor", cpu.vendor(), why);
        f.putOrUnknown("brand", cpu.brand(), why);
        f.putOrUnknown("family", cpu.family(), why);
        f.putOrUnknown("model", cpu.model(), why);
        f.putOrUnknown("identifier", cpu.identifier(), why);
        f.putOrUnknown("physicalCores", positive(cpu.physicalCores()), why);
        f.putOrUnknown("logicalCores", positive(cpu.logicalCores()), why);
        List<String> flags = cpu.flags();
        if (flags == null || flags.isEmpty()) {
            f.unknownAll(List.of("flags", "vmx", "svm", "hypervisorFlag"), "the OS reported no CPU feature flags");
            return f.toResult(NAME);
        }
        f.put("flags", flags);
        OsFamily os = host.osFamily();
        boolean x86 = host.arch() != null && host.arch().contains("86");
        if (os == OsFamily.WINDOWS) {
            f.unknownAll(List.of("vmx", "svm", "hypervisorFlag"),
                    "Windows reports PF_* processor features, not CPUID flags; see the virtualization probe");
        } else if (!x86) {
            f.unknownAll(List.of("vmx", "svm", "hypervisorFlag"), "x86 flags do not exist on " + host.arch());
        } else {
            f.put("vmx", CpuFlags.vmx(flags));
            f.put("svm", CpuFlags.svm(flags));
            f.put("hypervisorFlag", CpuFlags.hypervisor(flags));
        }
        return f.toResult(NAME);
    }

    private static Integer positive(Integer n) {
        return n == null || n <= 0 ? null : n;
    }
}
