package dev.tshoot.probe.oshi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tshoot.playbook.OsFamily;
import dev.tshoot.probe.Read;
import dev.tshoot.testing.FakeProcessRunner;

/** The parts of the real-host reader that need no particular host. */
class OshiHostReaderTest {

    @Test
    void osFamilyIsTheJvmsAndArchIsNormalized() {
        assertThat(new OshiHostReader().osFamily()).isEqualTo(OsFamily.fromOsName(System.getProperty("os.name")));
        assertThat(OshiHostReader.normalizeArch("amd64")).isEqualTo("x86_64");
        assertThat(OshiHostReader.normalizeArch("arm64")).isEqualTo("aarch64");
        assertThat(OshiHostReader.normalizeArch("i686")).isEqualTo("x86");
    }

    @Test
    void oshiUnknownAndBlankBecomeNull() {
        assertThat(OshiHostReader.clean("unknown")).isNull();
        assertThat(OshiHostReader.clean("  ")).isNull();
        assertThat(OshiHostReader.clean(" QEMU ")).isEqualTo("QEMU");
    }

    @Test
    void plainAccessorsDoNotStartOshiAndReportReasons() {
        OshiHostReader host = new OshiHostReader();

        Read missing = host.readFile(Path.of("/definitely/not/here"));
        assertThat(missing.known()).isFalse();
        assertThat(missing.unknownReason()).contains("does not exist");
        assertThat(host.openReadWrite(Path.of("/definitely/not/here")).openable()).isFalse();
        assertThat(host.exists(Path.of("/definitely/not/here"))).isFalse();
        assertThat(host.env("TSHOOT_SURELY_UNSET_VARIABLE")).isEmpty();
        host.osFamily();
        host.arch();

        assertThat(host.systemInfoCreated()).isFalse();
    }

    @Test
    void missingCommandIsUnknownNotAnException() {
        Read r = new OshiHostReader().runCommand(Duration.ofSeconds(5), "tshoot-no-such-command-xyz");
        assertThat(r.known()).isFalse();
        assertThat(r.unknownReason()).startsWith("could not start 'tshoot-no-such-command-xyz'");
    }

    @Test
    void commandsRunThroughTheProcessRunnerWithItsTimeOutAndCap() {
        FakeProcessRunner processes = new FakeProcessRunner()
                .onExit(List.of("sysctl", "-n", "kern.hv_support"), 0, "1\n")
                .onExit(List.of("sysctl", "-n", "nope"), 2, "", "unknown oid\n")
                .onTimeout(List.of("powershell.exe", "-Command", "x"))
                .onFailedToStart(List.of("/etc/passwd"), "cannot run /etc/passwd: Permission denied");
        OshiHostReader host = new OshiHostReader(processes);

        assertThat(host.runCommand(Duration.ofSeconds(3), "sysctl", "-n", "kern.hv_support")).isEqualTo(Read.of("1\n"));
        assertThat(processes.lastSpec().timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(processes.lastSpec().maxOutputBytes()).isEqualTo(1 << 20);
        assertThat(host.runCommand(Duration.ofSeconds(3), "sysctl", "-n", "nope"))
                .isEqualTo(Read.unknown("'sysctl' exited with status 2"));
        assertThat(host.runCommand(Duration.ofSeconds(15), "powershell.exe", "-Command", "x"))
                .isEqualTo(Read.unknown("'powershell.exe' timed out after 15 s"));
        assertThat(host.runCommand(Duration.ofSeconds(3), "dmidecode"))
                .isEqualTo(Read.unknown("could not start 'dmidecode': command not found: dmidecode (not on PATH)"));
        assertThat(host.runCommand(Duration.ofSeconds(3), "/etc/passwd"))
                .isEqualTo(Read.unknown("could not start '/etc/passwd': cannot run /etc/passwd: Permission denied"));
        assertThat(host.runCommand(Duration.ofSeconds(3))).isEqualTo(Read.unknown("no command given"));
        assertThat(host.runCommand(Duration.ofSeconds(3), " "))
                .isEqualTo(Read.unknown("could not start ' ': argv[0] (the program) must not be blank"));
        assertThat(processes.specs()).hasSize(5);
        assertThat(host.systemInfoCreated()).isFalse();
    }
}
