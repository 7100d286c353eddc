package dev.tshoot.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class StylerTest {

    @Test
    void stylesAsJLineWritesThem() {
        Styler s = Styler.ANSI;
        assertThat(s.bold("b")).isEqualTo("\u001b[1mb\u001b[0m");
        assertThat(s.dim("d\ne")).isEqualTo("\u001b[2md\ne\u001b[0m");
        assertThat(s.red("r") + s.green("g") + s.yellow("y") + s.cyan("c"))
                .isEqualTo("\u001b[31mr\u001b[0m\u001b[32mg\u001b[0m\u001b[33my\u001b[0m\u001b[36mc\u001b[0m");
        assertThat(s.result("resolved")).isEqualTo("\u001b[32mRESOLVED\u001b[0m");
        assertThat(s.result("odd")).isEqualTo("ODD");
        assertThat(s.style(Tone.PLAIN, "p")).isEqualTo("p");
    }

    @Test
    void styledTextIsMadeSafeFirst() {
        assertThat(Styler.ANSI.bold("x\u001b[8my\u009b")).isEqualTo("\u001b[1mx\\u001b[8my\\u009b\u001b[0m");
        assertThat(Styler.PLAIN.bold("x\u001b[8my")).isEqualTo("x\\u001b[8my");
    }

    @Test
    void linesMixPlainAndStyledPieces() {
        assertThat(Styler.ANSI.line().styled(Tone.GREEN, "ran").plain(" ls \u001b[2K").styled(Tone.DIM, "(1 ms)").toString())
                .isEqualTo("\u001b[32mran\u001b[0m ls \\u001b[2K\u001b[2m(1 ms)\u001b[0m");
        assertThat(Styler.PLAIN.line().styled(Tone.GREEN, "ran").plain(" ls").toString()).isEqualTo("ran ls");
    }

    @Test
    void aTerminalIsStyledUnlessNoColorOrDumb() {
        assertThat(Styler.forTerminal(true, Map.of("TERM", "xterm-256color"))).isSameAs(Styler.ANSI);
        assertThat(Styler.forTerminal(true, Map.of("TERM", "xterm", "NO_COLOR", "1"))).isSameAs(Styler.PLAIN);
        assertThat(Styler.forTerminal(true, Map.of("TERM", "dumb"))).isSameAs(Styler.PLAIN);
        assertThat(Styler.forTerminal(false, Map.of("TERM", "xterm"))).isSameAs(Styler.PLAIN);
    }
}
