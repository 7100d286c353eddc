package dev.tshoot.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tshoot.probe.process.ProcessOutcome;
import dev.tshoot.probe.process.ProcessOutcome.Status;
import dev.tshoot.probe.process.ProcessSpec;

class FakeProcessRunnerTest {

    @Test
    void answersByArgvInOrderAndRecordsSpecs() {
        FakeProcessRunner fake = new FakeProcessRunner()
                .onExit(List.of("lscpu"), 0, "Architecture: x86_64\n")
                .on(List.of("flaky"), ProcessOutcome.exited(List.of("flaky"), 1, "", "busy\n", 3),
                        ProcessOutcome.exited(List.of("flaky"), 0, "ok\n", "", 2))
                .onTimeout(List.of("df", "-h"));

        ProcessOutcome lscpu = fake.run(ProcessSpec.of("lscpu"));
        assertThat(lscpu.succeeded()).isTrue();
        assertThat(lscpu.stdout()).isEqualTo("Architecture: x86_64\n");

        assertThat(fake.run(ProcessSpec.of("flaky")).exitCode()).isEqualTo(1);
        assertThat(fake.run(ProcessSpec.of("flaky")).exitCode()).isEqualTo(0);
        assertThat(fake.run(ProcessSpec.of("flaky")).exitCode()).as("last outcome repeats").isEqualTo(0);

        ProcessOutcome df = fake.run(ProcessSpec.of("df", "-h").withTimeout(Duration.ofSeconds(5)));
        assertThat(df.status()).isEqualTo(Status.TIMED_OUT);
        assertThat(df.timedOut()).isTrue();
        assertThat(df.durationMs()).isEqualTo(5000);

        ProcessOutcome missing = fake.run(ProcessSpec.of("nosuchcmd"));
        assertThat(missing.status()).isEqualTo(Status.NOT_FOUND);
        assertThat(missing.error()).isEqualTo("command not found: nosuchcmd (not on PATH)");

        assertThat(fake.argvs()).containsExactly(List.of("lscpu"), List.of("flaky"), List.of("flaky"),
                List.of("flaky"), List.of("df", "-h"), List.of("nosuchcmd"));
        assertThat(fake.timesRun(List.of("flaky"))).isEqualTo(3);
        assertThat(fake.lastSpec().argv()).containsExactly("nosuchcmd");
        assertThat(fake.specs().get(4).timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void strictModeFailsOnUnscriptedCommands() {
        FakeProcessRunner fake = new FakeProcessRunner().strict().onExit(List.of("uptime"), 0, "up\n");

        assertThat(fake.run(ProcessSpec.of("uptime")).stdout()).isEqualTo("up\n");
        assertThatThrownBy(() -> fake.run(ProcessSpec.of("reboot")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("[reboot]");
        assertThat(fake.timesRun(List.of("reboot"))).as("still recorded").isEqualTo(1);
    }
}
