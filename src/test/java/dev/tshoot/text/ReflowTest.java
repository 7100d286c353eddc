package dev.tshoot.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class ReflowTest {

    @Test
    void breaksBetweenWordsKeepingTheIndent() {
        String line = "  Playbook unsigned (no signature file beside it): commands not on tshoot's read-only list ask every time.";
        assertThat(Reflow.line(line, 40)).isEqualTo("  Playbook unsigned (no signature file\n"
                + "  beside it): commands not on tshoot's\n"
                + "  read-only list ask every time.");
    }

    @Test
    void escapesTakeNoWidthAndALongWordStaysWhole() {
        String dim = Styler.ANSI.dim("word ".repeat(9).strip());
        assertThat(Reflow.visible(dim)).isEqualTo(44);
        String out = Reflow.line(dim, 30);
        assertThat(out.split("\n")).hasSize(2).allSatisfy(l -> assertThat(Reflow.visible(l)).isLessThanOrEqualTo(30));
        String path = "Recording to /tmp/a/very/long/path/that/is/longer/than/the/terminal/20261208T035030Z.jsonl";
        assertThat(Reflow.line(path, 30)).isEqualTo("Recording to\n"
                + "/tmp/a/very/long/path/that/is/longer/than/the/terminal/20261208T035030Z.jsonl");
        assertThat(Reflow.line("short", 30)).isEqualTo("short");
    }

    @Test
    void theWriterReflowsWholeLinesAndPassesAPromptAsItIs() {
        StringWriter sw = new StringWriter();
        PrintWriter w = new PrintWriter(Reflow.writer(sw, () -> 20));
        w.print("one two three four five six\nprompt> ");
        w.flush();
        assertThat(sw.toString()).isEqualTo("one two three four\nfive six\nprompt> ");
    }
}
