package dev.tshoot.probe;

import java.util.List;
import java.util.Map;

/** Machine identity from SMBIOS/DMI: manufacturer, model, firmware, baseboard. */
public final class SystemProbe extends BuiltinProbe {

    public static final String NAME = "system";

    /** dmiSource is {@code /sys/class/dmi/id}, {@code oshi} or {@code none}. */
    public static final List<String> FACTS = List.of("manufacturer", "model", "version", "firmwareVendor",
            "firmwareVersion", "baseboardManufacturer", "baseboardModel", "dmiSource");

    public SystemProbe() {
        super(NAME, "Manufacturer, model, firmware and baseboard (SMBIOS/DMI)", FACTS);
    }

    @Override
    public ProbeResult run(HostReader host) {
        FactSheet f = new FactSheet();
        DmiInfo d = DmiReader.read(host, Map.of());
        if (d.status() != DmiInfo.Status.PRESENT) {
            f.unknownAll(FACTS.subList(0, FACTS.size() - 1), d.reason());
            f.put("dmiSource", "none");
            return f.toResult(NAME);
        }
        String why = "not reported by " + ("sysfs".equals(d.origin()) ? DmiInfo.SYSFS_DIR : "the platform (oshi)");
        f.putOrUnknown("manufacturer", d.sysVendor(), why);
        f.putOrUnknown("model", d.productName(), why);
        f.putOrUnknown("version", d.productVersion(), why);
        f.putOrUnknown("firmwareVendor", d.biosVendor(), why);
        f.putOrUnknown("firmwareVersion", d.biosVersion(), why);
        f.putOrUnknown("baseboardManufacturer", d.boardVendor(), why);
        f.putOrUnknown("baseboardModel", d.boardName(), why);
        f.put("dmiSource", "sysfs".equals(d.origin()) ? DmiInfo.SYSFS_DIR.toString().replace('\\', '/') : "oshi");
        return f.toResult(NAME);
    }
}
