package dev.tshoot.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The bounded waits of JarRunner's process handle, on small shell processes standing in for the jar. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class JarRunnerTest {

    static JarRunner.Interactive sh(String script) throws Exception {
        return new JarRunner.Interactive(new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start(), "test");
    }

    @Test
    void aProcessThatDoesNotExitIsKilledAndFailsWithItsOutputSoFar() throws Exception {
        try (JarRunner.Interactive p = sh("echo started; exec sleep 300")) {
            p.awaitOutput("started", Duration.ofSeconds(30));
            assertThatThrownBy(() -> p.awaitExit(Duration.ofMillis(300))).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("did not exit within 300 ms and was killed").hasMessageEndingWith("its output so far:\nstarted\n");
            assertThat(p.process().isAlive()).isFalse();
        }
    }

    @Test
    void waitingForAPromptEndsWhenItIsShownAndFailsAfterTheDeadline() throws Exception {
        try (JarRunner.Interactive p = sh("printf 'tshoot> '; read line; printf 'choose 1-3> '; exec sleep 300")) {
            p.awaitPrompts(1, Duration.ofSeconds(30));
            p.send("start");
            p.awaitPrompts(2, Duration.ofSeconds(30));
            assertThat(p.prompts()).isEqualTo(2);
            assertThatThrownBy(() -> p.awaitPrompts(3, Duration.ofMillis(200))).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("did not show prompt number 3 within 200 ms; its output so far:\ntshoot> choose 1-3> ");
        }
    }

    @Test
    void waitingForTextFailsAtOnceWhenTheProcessEnds() throws Exception {
        try (JarRunner.Interactive p = sh("echo bye")) {
            assertThatThrownBy(() -> p.awaitOutput("never", Duration.ofSeconds(60))).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("ended before it showed 'never'; its output:\nbye\n");
            assertThat(p.awaitExit(Duration.ofSeconds(30))).isZero();
        }
    }
}
