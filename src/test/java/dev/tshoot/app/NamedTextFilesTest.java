package dev.tshoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.playbook.PlaybookCatalog;
import dev.tshoot.probe.ProbeRegistry;

/**
 * {@code match --file} and {@code paste --file} read only a regular file of bounded size: a device
 * that never ends ({@code /dev/zero}, which once ran tshoot out of memory with a stack trace) and a
 * folder are refused with what to give instead.
 */
class NamedTextFilesTest {

    @TempDir
    Path dir;

    final PlaybookCatalog catalog = new PlaybookCatalog(Path.of("playbooks"), java.util.Set.copyOf(ProbeRegistry.builtin().names()));

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aDeviceIsRefusedNotReadWithoutEnd() {
        assertThat(MatchSymptoms.match(catalog, "/dev/zero", null)).isEqualTo(new MatchSymptoms.Refused(
                "/dev/zero is not a regular file (a device, FIFO or socket): tshoot reads a log only from a regular file."
                        + " Copy it into one first."));
        assertThat(PasteDiagnostics.paste(catalog, "/dev/zero", null, null)).isEqualTo(new PasteDiagnostics.Refused(
                "/dev/zero is not a regular file (a device, FIFO or socket): tshoot reads a command output only from a"
                        + " regular file. Copy it into one first."));
    }

    @Test
    void aFolderIsRefusedAndATooLargeFileSaysTheLimit() throws Exception {
        assertThat(MatchSymptoms.match(catalog, dir.toString(), null)).isEqualTo(new MatchSymptoms.Refused(
                dir + " is a folder: tshoot reads a log only from a regular file. Copy it into one first."));
        Path big = dir.resolve("big.txt");
        try (var ch = Files.newByteChannel(big, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            ch.position(5L * 1024 * 1024).write(java.nio.ByteBuffer.wrap(new byte[] {'x'}));
        }
        assertThat(PasteDiagnostics.paste(catalog, big.toString(), null, null)).isEqualTo(new PasteDiagnostics.Refused(
                "The file " + big + " is " + Files.size(big) + " bytes; give at most 4 MiB (the command's output)."));
    }
}
