package dev.tshoot.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MacAddressesTest {

    @ParameterizedTest
    @CsvSource({
            "00:50:56:9a:1b:2c, VMware, vmware",
            "00-0C-29-4F-8E-35, VMware, vmware",
            "00:05:69:00:00:01, VMware, vmware",
            "00:1c:14:00:00:01, VMware, vmware",
            "00:15:5D:01:02:03, Hyper-V, hyperv",
            "00:16:3e:5c:21:9a, Xen, xen",
            "52:54:00:12:34:56, QEMU/KVM, kvm",
            "08:00:27:d4:3e:11, VirtualBox, virtualbox",
            "00:1c:42:6b:0d:91, Parallels, parallels",
            "BC:24:11:5E:7A:90, Proxmox, proxmox",
    })
    void knownOuis(String mac, String vendor, String hypervisor) {
        assertThat(MacAddresses.ouiVendor(mac)).contains(vendor);
        assertThat(MacAddresses.hypervisorHint(mac)).contains(hypervisor);
    }

    @Test
    void dockerBridgeIsNamedButIsNoHypervisor() {
        assertThat(MacAddresses.ouiVendor("02:42:ac:11:00:02")).contains("Docker");
        assertThat(MacAddresses.hypervisorHint("02:42:ac:11:00:02")).isEmpty();
        assertThat(MacAddresses.locallyAdministered("02:42:ac:11:00:02")).isTrue();
    }

    @Test
    void normalizationAndLocalBit() {
        assertThat(MacAddresses.normalize("0050.56AA.BBCC")).isEqualTo("00:50:56:aa:bb:cc");
        assertThat(MacAddresses.normalize("not a mac")).isNull();
        assertThat(MacAddresses.locallyAdministered("02:fc:00:00:00:01")).isTrue();
        assertThat(MacAddresses.locallyAdministered("b0:26:28:c1:d2:e3")).isFalse();
        assertThat(MacAddresses.isZero("00:00:00:00:00:00")).isTrue();
        assertThat(MacAddresses.ouiVendor("b0:26:28:c1:d2:e3")).isEmpty();
    }
}
