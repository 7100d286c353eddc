package dev.tshoot.transcript.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.testing.ExternalTool;

/**
 * asciinema itself reads the exported cast. asciinema 2.x's {@code cat} opens /dev/tty, so it runs
 * under {@code script} (util-linux) for a terminal. Skipped without asciinema, unless
 * TSHOOT_REQUIRE_ASCIINEMA=1.
 */
class AsciinemaCatIT {

    @TempDir
    Path dir;

    @Test
    void asciinemaCatPrintsTheSessionAsTheUserSawIt() throws Exception {
        Path asciinema = ExternalTool.require("TSHOOT_REQUIRE_ASCIINEMA", "asciinema", "asciinema");
        Path cast = dir.resolve("session.cast");
        Files.write(cast, new Exporter().export(ExportSource.load(ExportFixtures.file("002_checks_commands"), ExportFixtures.PLAYBOOKS),
                ExportFormat.CAST));
        Optional<Path> script = ExternalTool.find("script");
        List<String> command = script.isPresent()
                ? List.of(script.get().toString(), "-qec", "'" + asciinema + "' cat '" + cast + "'", "/dev/null")
                : List.of(asciinema.toString(), "cat", cast.toString());
        ExternalTool.Result r = ExternalTool.run(command, dir, 60);
        assertThat(r.exit()).as("asciinema cat failed: %s %s", r.out(), r.err()).isZero();
        assertThat(r.out()).contains("tshoot session e0000002: Checks with probes and commands")
                .contains("Which VM name?")
                .contains("vmlookup --name 'web <01>'")
                .contains("found VM web <01>: <script>alert(1)</script>")
                .contains("Grüße aus Köln, 東京, emoji 😀")
                .contains("Virtualization:      VT-x")
                .contains("not run (declined)")
                .contains("UNRESOLVED")
                .contains("Integrity: OK: hash chain consistent (23 events)");
    }
}
