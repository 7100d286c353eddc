package dev.tshoot.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Network interfaces with MAC address, OUI vendor (virtualization-related ones only) and the local bit. */
public final class NetworkProbe extends BuiltinProbe {

    public static final String NAME = "network";

    /**
     * interfaces: list of {name, mac, ouiVendor, locallyAdministered}; ouiVendor is null when the prefix is not in
     * the small virtualization OUI table of {@link MacAddresses}. Interfaces without a MAC (loopback) are left out.
     */
    public static final List<String> FACTS = List.of("interfaces");

    public NetworkProbe() {
        super(NAME, "Network interfaces, MAC addresses and their hypervisor OUI vendor (VMware, Hyper-V, QEMU, ...)", FACTS);
    }

    @Override
    public ProbeResult run(HostReader host) {
        FactSheet f = new FactSheet();
        List<HardwareSnapshot.Nic> nics = f.attempt(host::networkInterfaces);
        if (nics == null) {
            f.unknown("interfaces", "network interfaces unavailable" + (f.lastFailure() == null ? "" : ": " + f.lastFailure()));
            return f.toResult(NAME);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (HardwareSnapshot.Nic nic : nics) {
            if (nic == null || MacAddresses.isZero(nic.mac())) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", nic.name());
            m.put("mac", MacAddresses.normalize(nic.mac()));
            m.put("ouiVendor", MacAddresses.ouiVendor(nic.mac()).orElse(null));
            m.put("locallyAdministered", MacAddresses.locallyAdministered(nic.mac()));
            out.add(m);
        }
        f.put("interfaces", out);
        return f.toResult(NAME);
    }
}
