package dev.tshoot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tshoot.playbook.Node;
import dev.tshoot.playbook.OsFamily;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.testing.FakeDiagnostics;
import dev.tshoot.testing.Fixtures;

/** tshoot's read-only list: what it takes, what it refuses and why, and the shipped playbooks against it. */
class ReadOnlyCommandsTest {

    private final ReadOnlyCommands list = ReadOnlyCommands.builtin();

    private ReadOnlyCommands.Verdict v(OsFamily os, String... argv) {
        return list.classify(os, List.of(argv), false, false);
    }

    /**
     * Every command the shipped playbooks declare, per OS: which run unattended under {@code --yes}
     * (on the list) and which ask every time, with the reason the prompt shows.
     */
    @Test
    void theShippedPlaybooksCommandsAreOnTheListExceptTheTwoThatGoThroughAShell() throws Exception {
        Map<String, String> seen = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("playbooks"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path f : files) {
            Playbook pb = new PlaybookLoader().load(f.getFileName().toString(), Files.readAllBytes(f), null).playbook();
            for (Node n : pb.nodes().values()) {
                Node.Check c = n.accept(new OnlyChecks());
                if (c == null || c.run() == null) {
                    continue;
                }
                c.run().argv().forEach((os, argv) -> {
                    ReadOnlyCommands.Verdict v = list.classify(OsFamily.fromName(os).orElseThrow(), argv, c.run().shell(),
                            c.run().mutating());
                    seen.put(os + " " + String.join(" ", argv), v.readOnly() ? "listed" : "asks: " + v.reason());
                });
            }
        }
        Map<String, String> expected = new TreeMap<>();
        expected.put("linux lsmod", "listed");
        expected.put("linux ls -l /dev/kvm", "listed");
        expected.put("linux id -nG", "listed");
        expected.put("linux kvm-ok", "listed");
        expected.put("linux lscpu", "listed");
        expected.put("macos sysctl kern.hv_support", "listed");
        expected.put("windows systeminfo", "listed");
        expected.put("windows powershell.exe -NoProfile -NonInteractive -Command Get-CimInstance Win32_ComputerSystem"
                + " | Select-Object Manufacturer, Model, HypervisorPresent | Format-List", "listed");
        expected.put("windows powershell.exe -NoProfile -NonInteractive -Command Get-CimInstance Win32_Processor"
                + " | Select-Object Name, VirtualizationFirmwareEnabled | Format-List", "listed");
        expected.put("windows powershell.exe -NoProfile -NonInteractive -Command Get-WindowsOptionalFeature -Online"
                + " | Where-Object FeatureName -in 'VirtualMachinePlatform','Microsoft-Windows-Subsystem-Linux',"
                + "'Microsoft-Hyper-V-All' | Select-Object FeatureName, State | Format-List", "listed");
        expected.put("windows powershell.exe -NoProfile -NonInteractive -Command Get-WindowsOptionalFeature -Online"
                + " | Where-Object FeatureName -in 'VirtualMachinePlatform','Microsoft-Windows-Subsystem-Linux',"
                + "'Microsoft-Hyper-V-All','Containers' | Select-Object FeatureName, State | Format-List", "listed");
        expected.put("windows powershell.exe -NoProfile -NonInteractive -Command Get-Service -Name vmcompute, hns,"
                + " WslService, vmms -ErrorAction SilentlyContinue | Select-Object Name, Status | Format-List", "listed");
        expected.put("windows bcdedit /enum | findstr -i hypervisorlaunchtype",
                "asks: not on tshoot's read-only list: shell: true runs it through cmd /c, and cmd runs any command");
        expected.put("windows powershell.exe -NoProfile -NonInteractive -Command $env:WSL_UTF8 = '1'; wsl.exe --status;"
                + " wsl.exe -l -v", "asks: not on tshoot's read-only list: powershell.exe runs any command, and the script"
                        + " uses '$', which a read-only query does not need");
        assertThat(seen).containsExactlyEntriesOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "linux|lscpu", "linux|lsmod", "linux|ls;-l;/dev/kvm", "linux|id", "linux|id;-nG", "linux|groups", "linux|kvm-ok",
        "linux|cat;/sys/module/kvm_intel/parameters/nested", "linux|cat;/proc/cpuinfo;/proc/meminfo",
        "linux|sysctl;-n;kernel.osrelease", "macos|sysctl;-n;kern.hv_support", "macos|sysctl;kern.hv_support",
        "windows|systeminfo", "windows|SystemInfo.exe", "windows|wsl;--status", "windows|wsl.exe;--version",
        "windows|wsl;-l;-v", "windows|pwsh;-NoProfile;-Command;Get-CimInstance Win32_BIOS | Format-List",
    })
    void takesTheListedShapes(String os, String argv) {
        ReadOnlyCommands.Verdict v = v(OsFamily.fromName(os).orElseThrow(), argv.split(";"));
        assertThat(v.readOnly()).as(v.reason()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "linux|lscpu --json", "linux|ls -l /dev/kvm /etc", "linux|ls -la /dev/kvm", "linux|cat /etc/shadow",
        "linux|cat /sys/../etc/shadow", "linux|cat /sys/./x", "linux|cat /sys//x", "linux|cat /proc/1/environ",
        "linux|cat /proc/self/root/etc/shadow", "linux|cat /proc/thread-self/cwd/x", "linux|cat /proc/kmsg",
        "linux|cat /sys/kernel/debug/x", "linux|cat", "linux|sysctl -w kernel.x=1", "linux|sysctl kernel.x=1",
        "linux|sysctl -n kernel.x=1", "macos|lscpu", "windows|lscpu", "linux|systeminfo", "linux|/usr/bin/lscpu",
        "windows|wsl", "windows|wsl --shutdown", "linux|sh", "linux|busybox sh",
    })
    void refusesEverythingElse(String os, String argv) {
        assertThat(v(OsFamily.fromName(os).orElseThrow(), argv.split(" ")).readOnly()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', value = {
        "Get-CimInstance Win32_Processor; Remove-Item x#the script uses ';', which a read-only query does not need",
        "Get-CimInstance Win32_Processor & calc#the script uses '&', which a read-only query does not need",
        "Invoke-Expression Get-Date#it runs Invoke-Expression, which is not one of the read-only cmdlets tshoot knows"
                + " (first get-ciminstance, get-service, get-windowsoptionalfeature; then format-list, format-table,"
                + " select-object, sort-object, where-object)",
        "Get-Service | Set-Service -StartupType Disabled#it runs Set-Service, which is not one of the read-only cmdlets"
                + " tshoot knows (first get-ciminstance, get-service, get-windowsoptionalfeature; then format-list,"
                + " format-table, select-object, sort-object, where-object)",
        "Get-CimInstance Win32_Process | Where-Object { $_.Kill() }#the script uses '{', which a read-only query does"
                + " not need",
        "Get-Service -ComputerName x#Get-Service is given -ComputerName, which tshoot does not take as read-only",
    })
    void aPowerShellScriptIsReadOnlyOnlyAsAKnownPipeline(String script, String problem) {
        assertThat(PowerShellQuery.problem(script)).isEqualTo(problem);
        assertThat(v(OsFamily.WINDOWS, "powershell", "-NoProfile", "-Command", script).readOnly()).isFalse();
        assertThat(v(OsFamily.WINDOWS, "powershell", "-NoProfile", "-EncodedCommand", "ZQBjAGgAbwA=").reason())
                .isEqualTo("not on tshoot's read-only list: powershell runs any command");
    }

    @Test
    void thePlaybooksMutatingOnlyRestrictsAndEveryInterpreterSaysWhy() {
        assertThat(list.classify(OsFamily.LINUX, List.of("lscpu"), false, true))
                .isEqualTo(new ReadOnlyCommands.Verdict(false, "the playbook marks it as changing the system (mutating: true)"));
        assertThat(v(OsFamily.LINUX, "python3", "-c", "print(1)").reason())
                .isEqualTo("not on tshoot's read-only list: python3 runs any code");
        assertThat(v(OsFamily.LINUX, "busybox", "sh", "-c", "id").reason())
                .isEqualTo("not on tshoot's read-only list: sh (started by busybox) runs any command");
        assertThat(v(OsFamily.LINUX, "env", "-S", "sh -c id").reason())
                .isEqualTo("not on tshoot's read-only list: env -S splits a string into any command");
        assertThat(v(OsFamily.WINDOWS, "cmd.exe", "/d", "/s", "/c", "systeminfo").reason())
                .isEqualTo("not on tshoot's read-only list: cmd.exe runs any command");
        assertThat(v(OsFamily.LINUX, "docker", "info").reason())
                .isEqualTo("not on tshoot's read-only list: tshoot does not know that docker only reads");
        assertThat(v(OsFamily.LINUX, "ls", "-l", "/etc").reason())
                .isEqualTo("not on tshoot's read-only list: ls is listed for linux only as: ls -l /dev/kvm");
    }

    @Test
    void theUsersOwnEntriesExtendTheList() {
        ReadOnlyCommands more = list.with(List.of(new ReadOnlyCommands.Shape(java.util.Set.of(OsFamily.LINUX),
                List.of("dmesg", "--level=err"), "consent.yaml:3")));
        assertThat(more.classify(OsFamily.LINUX, List.of("dmesg", "--level=err"), false, false))
                .isEqualTo(new ReadOnlyCommands.Verdict(true, "on the read-only list of your consent.yaml (dmesg --level=err, consent.yaml:3)"));
        assertThat(list.classify(OsFamily.LINUX, List.of("dmesg", "--level=err"), false, false).readOnly()).isFalse();
    }

    /**
     * The engine with FakeDiagnostics: a playbook that declares {@code [sh, -c, …]} without
     * {@code mutating} still asks under {@code --yes}, and a user's "always" does not cover it.
     */
    @Test
    void anUnlistedCommandWithoutMutatingStillAsksUnderYes() throws Exception {
        Playbook pb = new PlaybookLoader().load("001.yaml", Fixtures.readBytes(
                Fixtures.resource("attacks/consent/001_sh_c_without_mutating.yaml")), null).playbook();
        FakeDiagnostics d = new FakeDiagnostics("linux").command(List.of("sh", "-c", "touch /tmp/tshoot-owned"), 0, "");
        List<SessionEvent> events = new ArrayList<>();
        Session s = Fixtures.engine().start("s", pb, events::add, d, ConsentPolicy.flags(true, false, false));
        assertThat(s.state()).isEqualTo(Session.State.WAITING_FOR_CONSENT);
        assertThat(d.commands).as("nothing ran").isEmpty();
        assertThat(s.pendingCommand().readOnly()).isFalse();
        SessionEvent.PromptShown p = (SessionEvent.PromptShown) events.get(events.size() - 1);
        assertThat(p.help()).isEqualTo("tshoot asks every time: not on tshoot's read-only list: sh runs any command.");
        assertThat(p.choices()).extracting(SessionEvent.Option::value).containsExactly("yes", "no");
        s.answer("always");
        assertThat(d.commands).hasSize(1);
        assertThat(events).filteredOn(e -> e instanceof SessionEvent.CommandRan)
                .extracting(e -> ((SessionEvent.CommandRan) e).consent()).containsExactly("yes");

        Session m = Fixtures.engine().start("m", pb, e -> { }, d, ConsentPolicy.flags(false, true, false));
        assertThat(m.state()).as("--yes-mutating approves it").isEqualTo(Session.State.AT_OUTCOME);
    }

    /** Picks check nodes. */
    private static final class OnlyChecks implements Node.Visitor<Node.Check> {
        @Override public Node.Check question(Node.Question q) { return null; }

        @Override public Node.Check check(Node.Check c) { return c; }

        @Override public Node.Check action(Node.Action a) { return null; }

        @Override public Node.Check outcome(Node.Outcome o) { return null; }
    }
}
