package dev.tshoot.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.probe.ProbeRegistry;

/**
 * Inputs too big to commit, made at test time: a 100 MB playbook, a 100 MB single line, and a
 * device that never ends. Each is refused with a located error, and the loader never reads more
 * than the limit: measured as the bytes this thread allocates while loading (loosely: a few MiB
 * for a limit of 1 MiB, never anything near the file's size).
 */
class MalformedPlaybooksTest {

    static final long HUNDRED_MB = 100L * 1000 * 1000;
    static final PlaybookLoader LOADER = new PlaybookLoader(Set.copyOf(ProbeRegistry.builtin().names()));

    /** Writes {@code size} bytes made of {@code line} repeated. */
    static Path write(Path file, String line, long size) throws IOException {
        byte[] block = line.repeat(Math.max(1, (1 << 20) / line.length())).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            long left = size;
            while (left > 0) {
                int n = (int) Math.min(block.length, left);
                out.write(block, 0, n);
                left -= n;
            }
        }
        return file;
    }

    static long allocatedWhile(Runnable r) {
        com.sun.management.ThreadMXBean t = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = t.getCurrentThreadAllocatedBytes();
        r.run();
        return t.getCurrentThreadAllocatedBytes() - before;
    }

    static void assertRefusedAsTooLarge(PlaybookLoader.Result r, String file) {
        assertThat(r.exitStatus()).isEqualTo(2);
        assertThat(r.playbook()).isNull();
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("too-large");
            assertThat(f.line()).as("a location: the file as a whole, line 1").isEqualTo(1);
            assertThat(f.format()).startsWith(file + ":1: error [too-large] the file is ");
            assertThat(f.message()).contains("at most 1048576 bytes (1 MiB)");
            assertThat(f.hint()).isNotBlank();
        });
    }

    @Test
    void aHundredMegabytePlaybookIsRefusedWithoutReadingIt(@TempDir Path dir) throws IOException {
        Path big = write(dir.resolve("big.yaml"), "  - {value: a, label: \"Lots of text\", goto: next}\n", HUNDRED_MB);
        assertThat(Files.size(big)).isEqualTo(HUNDRED_MB);
        PlaybookLoader.Result[] r = new PlaybookLoader.Result[1];
        long allocated = allocatedWhile(() -> r[0] = LOADER.load(big));
        assertRefusedAsTooLarge(r[0], big.toString());
        assertThat(r[0].findings().get(0).message()).contains("the file is 100000000 bytes");
        assertThat(allocated).as("bytes allocated while refusing a 100 MB file").isLessThan(4L << 20);
    }

    @Test
    void aHundredMegabyteSingleLineIsRefusedToo(@TempDir Path dir) throws IOException {
        Path line = write(dir.resolve("line.yaml"), "x", HUNDRED_MB);
        PlaybookLoader.Result[] r = new PlaybookLoader.Result[1];
        long allocated = allocatedWhile(() -> r[0] = LOADER.load(line));
        assertRefusedAsTooLarge(r[0], line.toString());
        assertThat(allocated).isLessThan(4L << 20);
    }

    @Test
    void aFileThatReportsNoSizeButNeverEndsIsReadOnlyUpToTheLimit() {
        Path zero = Path.of("/dev/zero");
        assumeThat(Files.isReadable(zero)).as("needs /dev/zero").isTrue();
        PlaybookLoader.Result[] r = new PlaybookLoader.Result[1];
        long allocated = allocatedWhile(() -> r[0] = LOADER.load(zero));
        assertRefusedAsTooLarge(r[0], "/dev/zero");
        assertThat(r[0].findings().get(0).message()).contains("the file is 1048577 bytes");
        assertThat(allocated).as("the limit plus one byte is read, and a little more for buffers").isLessThan(16L << 20);
    }

    @Test
    void anAnswersFileThatNeverEndsIsRefusedToo() throws IOException {
        Path zero = Path.of("/dev/zero");
        assumeThat(Files.isReadable(zero)).as("needs /dev/zero").isTrue();
        Playbook pb = dev.tshoot.testing.Fixtures.playbook("001_walk.yaml");
        AnswersFile.Result[] r = new AnswersFile.Result[1];
        long allocated = allocatedWhile(() -> r[0] = AnswersFile.read(zero, pb));
        assertThat(r[0].ok()).isFalse();
        assertThat(r[0].findings()).singleElement().satisfies(f -> assertThat(f.message()).contains("larger than 1 MiB"));
        assertThat(allocated).isLessThan(16L << 20);
    }
}
