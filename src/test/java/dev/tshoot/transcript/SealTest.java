package dev.tshoot.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seal code, and that a chain cut at any line boundary no longer matches it. */
class SealTest {

    static final Path SEALED = Path.of("src/test/resources/attacks/integrity/000_sealed.jsonl");
    static final String CODE = "fb2a-ed66-a435-2ef9-1916-a8f4";

    @TempDir
    Path dir;

    @Test
    void theCodeIsTheFirst96BitsOfTheHeadInGroupsOfFour() {
        String head = "fb2aed66a4352ef91916a8f4d89428321902254007804ab7105c0d79af937689";
        assertThat(Seal.code(head)).isEqualTo(CODE);
        assertThat(Seal.HEX_DIGITS * 4).as("bits").isEqualTo(96);
        assertThat(Seal.digits(" FB2A ED66-a435 2ef9-1916-A8F4 ")).isEqualTo("fb2aed66a4352ef91916a8f4");
        assertThat(Seal.digits(head)).as("the whole hash is a code too").isEqualTo(head);
        assertThat(Seal.digits("fb2a-ed66-a435-2ef9-1916")).as("80 bits: too short").isNull();
        assertThat(Seal.digits("fb2a-ed66-a435-2ef9-1916-a8fg")).isNull();
        assertThat(Seal.digits(head + "0")).isNull();
        assertThat(Seal.matches(Seal.digits(CODE), head)).isTrue();
        assertThat(Seal.matches(Seal.digits("0b2a-ed66-a435-2ef9-1916-a8f4"), head)).isFalse();
    }

    @Test
    void theVerifierFindsTheSealInTheLastLine() {
        TranscriptVerifier.Result r = new TranscriptVerifier().verify(SEALED);
        assertThat(r.sealCode()).isEqualTo(CODE);
        assertThat(r.meaning()).isEqualTo(TranscriptVerifier.UNSEALED);
        TranscriptVerifier.Result s = new TranscriptVerifier().verify(SEALED, Seal.digits(CODE));
        assertThat(s.seal()).isEqualTo(TranscriptVerifier.SealCheck.MATCHED);
        assertThat(s.meaning()).isEqualTo(TranscriptVerifier.SEALED);
        assertThat(s.exitStatus()).isZero();
    }

    @Test
    void everyCutAtALineBoundaryPassesTheChainAndFailsTheSeal() throws Exception {
        List<String> lines = Files.readAllLines(SEALED);
        for (int keep = 1; keep < lines.size(); keep++) {
            Path cut = Files.write(dir.resolve("cut" + keep + ".jsonl"), lines.subList(0, keep));
            TranscriptVerifier.Result plain = new TranscriptVerifier().verify(cut);
            assertThat(plain.status()).as("keep %d: %s", keep, plain.message()).isEqualTo(TranscriptVerifier.Status.OK);
            TranscriptVerifier.Result sealed = new TranscriptVerifier().verify(cut, Seal.digits(CODE));
            assertThat(sealed.status()).as("keep %d", keep).isEqualTo(TranscriptVerifier.Status.SEAL_MISMATCH);
            assertThat(sealed.exitStatus()).isEqualTo(1);
        }
    }
}
