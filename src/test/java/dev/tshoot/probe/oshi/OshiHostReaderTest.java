package dev.tshoot.probe.oshi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.tshoot.probe.Read;

/** The parts of the real-host reader that need no particular host. */
class OshiHostReaderTest {

    @Test
    void normalizesOsFamilyAndArch() {
        assertThat(OshiHostReader.familyOf("Windows 11")).isEqualTo("windows");
        assertThat(OshiHostReader.familyOf("Linux")).isEqualTo("linux");
        assertThat(OshiHostReader.familyOf("Mac OS X")).isEqualTo("macos");
        assertThat(OshiHostReader.familyOf("FreeBSD")).isEqualTo("other");
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
}
