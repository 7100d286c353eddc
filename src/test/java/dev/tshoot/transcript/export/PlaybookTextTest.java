package dev.tshoot.transcript.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Text from the pinned playbook is redacted in exports, numbered after the transcript's placeholders. */
class PlaybookTextTest {

    @Test
    void theLastPlaceholderNumberIsFoundWhateverTheRule() {
        assertThat(PlaybookText.lastNumber("a [REDACTED:jwt:3] b [REDACTED:secret-assignment:12] [REDACTED:x:7]")).isEqualTo(12);
        assertThat(PlaybookText.lastNumber("no placeholder, [REDACTED:Bad:4], [REDACTED:x:]")).isZero();
    }

    @Test
    void aPlaybookFileWithASecretIsNotCopiedIntoABundle() {
        assertThat(PlaybookText.holdsSecrets("prompt: \"Log in with password=Hunter-2-Blue\"\n".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(PlaybookText.holdsSecrets("prompt: \"Which operating system runs Docker Desktop?\"\n"
                .getBytes(StandardCharsets.UTF_8))).isFalse();
    }
}
