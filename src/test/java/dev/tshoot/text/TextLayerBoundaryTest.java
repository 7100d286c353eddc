package dev.tshoot.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The text layer's two rules, read from the sources: it is a leaf (no other tshoot package, JLine's
 * utils only), and nothing outside it writes an escape sequence by hand.
 */
class TextLayerBoundaryTest {

    static final Path MAIN = Path.of("src/main/java");
    static final Path TEXT = MAIN.resolve("dev/tshoot/text");

    /** ESC written as a Java escape (backslash u001b, backslash 033, 0x1b) in source text. */
    static final Pattern HAND_WRITTEN_ESC = Pattern.compile("\\\\u001[bB]|\\\\033|0x1[bB]\\b|\\(char\\)\\s*27\\b");

    @Test
    void theTextPackageDependsOnNoOtherTshootPackage() throws IOException {
        for (Path f : sources(TEXT)) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (line.startsWith("import ")) {
                    assertThat(line).as("%s", f).matches("import (java\\.|org\\.jline\\.utils\\.|org\\.commonmark\\.|dev\\.tshoot\\.text\\.).*");
                }
            }
        }
    }

    @Test
    void noEscapeSequenceIsWrittenOutsideTheTextLayer() throws IOException {
        for (Path f : sources(MAIN)) {
            if (f.startsWith(TEXT)) {
                continue;
            }
            String src = Files.readString(f, StandardCharsets.UTF_8);
            assertThat(HAND_WRITTEN_ESC.matcher(src).find()).as("%s writes ESC by hand: style through dev.tshoot.text.Styler", f)
                    .isFalse();
        }
    }

    @Test
    void thePatternFindsAHandWrittenEscape() {
        assertThat(HAND_WRITTEN_ESC.matcher("return \"\\u001b[\" + code + \"m\";").find()).isTrue();
        assertThat(HAND_WRITTEN_ESC.matcher("String ESC = \"\\033[\";").find()).isTrue();
        assertThat(HAND_WRITTEN_ESC.matcher("String s = \"plain\";").find()).isFalse();
    }

    private static List<Path> sources(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
