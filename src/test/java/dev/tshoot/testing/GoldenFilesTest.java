package dev.tshoot.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The update switch writes and then fails, refuses under CI=true, and is off unless asked for. */
class GoldenFilesTest {

    @TempDir
    Path dir;

    @Test
    void anUpdateRunWritesTheFilesAndThenFails() {
        Path file = dir.resolve("golden/a.md");
        GoldenFiles g = new GoldenFiles("x.update", "mvn test -Dx.update=true", Map.of(), true);
        assertThat(g.updating()).isTrue();
        assertThatThrownBy(() -> g.writeAndFail(file, "new".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("-Dx.update=true wrote 1 file(s):\n  " + file + "\nThis run fails on purpose: review the diff"
                        + " (git diff), commit it, and run the tests again without -Dx.update.");
        assertThat(file).hasContent("new");
    }

    @Test
    void underCiItRefusesToWriteAndSaysToRunItLocally() throws Exception {
        Path file = Files.writeString(dir.resolve("a.md"), "old");
        GoldenFiles g = new GoldenFiles("x.update", "mvn test -Dx.update=true", Map.of("CI", "true"), true);
        assertThatThrownBy(() -> g.writeAndFail(file, "new".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("-Dx.update=true rewrites committed expected files, and CI=true is set: nothing was written."
                        + " Run it locally (mvn test -Dx.update=true), review the diff and commit it.");
        assertThat(file).hasContent("old");
    }

    @Test
    void withoutTheSwitchNothingIsWritten() throws Exception {
        Path file = Files.writeString(dir.resolve("a.md"), "old");
        GoldenFiles g = new GoldenFiles("x.update", "mvn test -Dx.update=true", Map.of("CI", "false"), false);
        assertThat(g.updating()).isFalse();
        assertThatThrownBy(() -> g.writeAndFail(file, "new".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(file).hasContent("old");
    }
}
