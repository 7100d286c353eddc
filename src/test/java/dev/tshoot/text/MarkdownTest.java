package dev.tshoot.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    private final Markdown plain60 = new Markdown(Styler.PLAIN, 60);

    @Test
    void rendersBoldCodeListsAndLinksWithoutTheirMarkers() {
        String out = plain60.render("""
                What tshoot found:

                - This Linux runs in a **KVM-based micro-VM**, most
                  likely Firecracker-style.
                - The CPU flags show neither `vmx` nor `svm`.

                1. See [the docs](https://example.org/kvm).
                """, "  ");
        assertThat(out).isEqualTo("""
                  What tshoot found:

                  • This Linux runs in a KVM-based micro-VM, most likely
                    Firecracker-style.
                  • The CPU flags show neither vmx nor svm.

                  1. See the docs <https://example.org/kvm>.
                """);
    }

    @Test
    void stylesThroughTheStyler() {
        String out = new Markdown(Styler.ANSI, 80).inline("Run **now** with `lscpu`");
        assertThat(out).isEqualTo(Styler.ANSI.line().plain("Run ").styled(Tone.BOLD, "now").plain(" with ")
                .styled(Tone.CYAN, "lscpu").toString());
    }

    @Test
    void hostileTextStaysText() {
        String out = plain60.render("title \u001b[2J<script>x</script> \u202e", "");
        assertThat(out).doesNotContain("\u001b").doesNotContain("\u202e").contains("\\u001b[2J").contains("<script>");
    }

    @Test
    void neverBreaksAWordInAShippedPlaybookAt60Columns() throws Exception {
        Pattern block = Pattern.compile("(?m)^\\s+(?:message|instructions|help): \\|\\n((?:\\s{6,}.*\\n|\\n)+)");
        for (String name : new String[] {"docker-desktop-nested-virtualization", "docker-desktop-linux-kvm",
                "windows-wsl2-virtualization"}) {
            String yaml = Files.readString(Path.of("playbooks", name + ".yaml"));
            Matcher m = block.matcher(yaml);
            int blocks = 0;
            while (m.find()) {
                String text = m.group(1).replaceAll("(?m)^ {6}", "");
                Set<String> words = new HashSet<>();
                for (String w : SafeText.block(text).replaceAll("[*`\\[\\]()<>]", " ").split("\\s+")) {
                    words.add(w);
                }
                String out = plain60.render(text, "  ");
                for (String line : out.split("\n")) {
                    if (line.codePointCount(0, line.length()) > 60) {
                        // only a single word longer than the line may stand out
                        assertThat(line.strip().split(" ")).as("%s: %s", name, line).hasSizeLessThanOrEqualTo(2);
                    }
                }
                // every word of the source is still whole in the output
                String flat = " " + out.replaceAll("[•│─<>()\\[\\]]", " ").replaceAll("\\s+", " ") + " ";
                for (String w : words) {
                    if (w.length() > 3 && w.matches("[A-Za-z]+")) {
                        assertThat(flat).as("%s: word %s", name, w).containsPattern("\\b" + w + "\\b");
                    }
                }
                blocks++;
            }
            assertThat(blocks).as(name).isGreaterThan(10);
        }
    }
}
