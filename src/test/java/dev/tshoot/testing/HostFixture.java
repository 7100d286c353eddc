package dev.tshoot.testing;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One recorded host, as stored in {@code src/test/resources/probe/fixtures/NNN_name.yaml}. Every section is
 * optional; a missing hardware section makes the matching {@code HostReader} call throw, like a failing oshi call.
 *
 * <pre>
 * name: VMware ESXi Linux guest without nested
 * os: linux                      # windows | linux | macos | other
 * arch: x86_64
 * files: {/sys/class/dmi/id/sys_vendor: "VMware, Inc."}   # path -> content
 * unreadable: {/some/file: "permission denied"}           # exists, cannot be read
 * dirs: [/sys/module/kvm_intel]                           # exist, no content
 * devices: {/dev/kvm: {openable: true, reason: "opened read-write"}}
 * env: {WSL_DISTRO_NAME: Ubuntu}
 * commands: {"Win32_ComputerSystem": "HypervisorPresent=True"}   # substring of the joined argv -> stdout
 * dmi: {manufacturer: ..., model: ..., ...}               # HostReader.dmi() (Windows/macOS)
 * cpu: {vendor: ..., flagLines: ["flags\t\t: fpu ... hypervisor"], ...}
 * memory: {totalBytes: 1, availableBytes: 1}
 * fileSystems: [{mount: /, type: ext4, totalBytes: 1, freeBytes: 1}]
 * osInfo: {distribution: Ubuntu, version: "22.04", ...}
 * nics: [{name: eth0, mac: "00:50:56:aa:bb:cc"}]
 * expect: {isVirtualMachine: true, hypervisor: vmware, ...}   # read by the fingerprint test
 * </pre>
 */
public record HostFixture(String name, String os, String arch, Map<String, String> files,
                          Map<String, String> unreadable, List<String> dirs, Map<String, Device> devices,
                          Map<String, String> env, Map<String, String> commands, DmiSpec dmi, CpuSpec cpu,
                          MemorySpec memory, List<FileStoreSpec> fileSystems, OsSpec osInfo, List<NicSpec> nics,
                          JsonNode expect) {

    public record Device(boolean openable, String reason) {
    }

    public record DmiSpec(String manufacturer, String model, String version, String firmwareVendor,
                          String firmwareVersion, String baseboardManufacturer, String baseboardModel) {
    }

    public record CpuSpec(String vendor, String brand, String identifier, String family, String model,
                          String microarchitecture, Integer physicalCores, Integer logicalCores,
                          List<String> flagLines) {
    }

    public record MemorySpec(Long totalBytes, Long availableBytes) {
    }

    public record FileStoreSpec(String mount, String type, String name, Long totalBytes, Long freeBytes) {
    }

    public record OsSpec(String distribution, String manufacturer, String version, String build, String codeName,
                         Integer bitness, Long uptimeSeconds, Boolean elevated) {
    }

    public record NicSpec(String name, String displayName, String mac) {
    }
}
