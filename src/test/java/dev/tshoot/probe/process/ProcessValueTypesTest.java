package dev.tshoot.probe.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tshoot.probe.process.ProcessOutcome.Status;

/** ProcessSpec / ProcessOutcome validation and the UTF-8 cap logic, without starting processes. */
class ProcessValueTypesTest {

    @Test
    void specDefaultsAndCopies() {
        List<String> argv = new ArrayList<>(List.of("lscpu", "-J"));
        ProcessSpec spec = ProcessSpec.of(argv);
        argv.add("--changed-later");

        assertThat(spec.argv()).containsExactly("lscpu", "-J");
        assertThat(spec.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(spec.maxOutputBytes()).isEqualTo(1024 * 1024);
        assertThat(spec.extraEnv()).isEmpty();
        assertThat(spec.workDir()).isNull();
        assertThat(new ProcessSpec(List.of("x"), Duration.ofSeconds(1), 10, null, null).extraEnv()).isEmpty();
    }

    @Test
    void specRejectsNonsense() {
        assertThatThrownBy(() -> ProcessSpec.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessSpec.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessSpec.of(Arrays.asList("ls", null))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ProcessSpec.of("ls").withTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessSpec.of("ls").withMaxOutputBytes(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessSpec.of("ls").withExtraEnv(Map.of("A=B", "c"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outcomeInvariants() {
        List<String> argv = List.of("x");
        assertThatThrownBy(() -> new ProcessOutcome(argv, Status.EXITED, null, "", "", false, false, true, true, 0, false, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProcessOutcome(argv, Status.TIMED_OUT, 0, "", "", false, false, true, true, 0, true, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProcessOutcome(argv, Status.EXITED, 0, "", "", false, false, true, true, 0, true, null))
                .isInstanceOf(IllegalArgumentException.class);

        ProcessOutcome truncatedErr = new ProcessOutcome(argv, Status.EXITED, 0, null, null, false, true, true, true, 1, false, null);
        assertThat(truncatedErr.stdout()).isEmpty();
        assertThat(truncatedErr.truncated()).isTrue();
        ProcessOutcome timedOut = ProcessOutcome.timedOut(argv, "", "", 5, "t");
        assertThat(timedOut.status()).isEqualTo(Status.TIMED_OUT);
        assertThat(timedOut.timedOut()).isTrue();
        assertThat(timedOut.exitCode()).isNull();
        ProcessOutcome refused = ProcessOutcome.failedToStart(argv, 0, "denied");
        assertThat(refused.status()).isEqualTo(Status.FAILED_TO_START);
        assertThat(refused.error()).isEqualTo("denied");
    }

    @Test
    void splitCharacterIsTrimmedOnlyWhenTheFollowingBytesCompleteIt() {
        byte[] euro = "ab\u20ac".getBytes(StandardCharsets.UTF_8); // 61 62 E2 82 AC
        // cap after E2: look-ahead 82 AC completes the euro sign -> trimmed, valid
        Utf8Text.Decoded cut = Utf8Text.decode(euro, 3, new byte[] {(byte) 0x82, (byte) 0xAC, 0}, 2, true);
        assertThat(cut.text()).isEqualTo("ab");
        assertThat(cut.valid()).isTrue();
        // same bytes, but the stream ended right after the cap: a genuinely incomplete character
        Utf8Text.Decoded ended = Utf8Text.decode(euro, 3, new byte[3], 0, true);
        assertThat(ended.text()).isEqualTo("ab\uFFFD");
        assertThat(ended.valid()).isFalse();
        // not truncated: an incomplete character at end of stream is malformed
        Utf8Text.Decoded eof = Utf8Text.decode(euro, 4, new byte[3], 0, false);
        assertThat(eof.valid()).isFalse();
        // surrogates encoded in UTF-8 (CESU) and overlong forms are not valid UTF-8
        assertThat(Utf8Text.decodeStrict(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 3).valid()).isFalse();
        assertThat(Utf8Text.decodeStrict(new byte[] {(byte) 0xC0, (byte) 0xAF}, 2).valid()).isFalse();
        assertThat(Utf8Text.decodeStrict(new byte[0], 0)).isEqualTo(new Utf8Text.Decoded("", true));
    }
}
