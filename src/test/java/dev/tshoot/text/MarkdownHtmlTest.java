package dev.tshoot.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownHtmlTest {

    @Test
    void rendersTheMarkupAPlaybookUses() {
        assertThat(MarkdownHtml.render("Ask the admin. **Attach:**\n- the `uname -r` output,\n- the [log](https://example.org/a?b=1&c=2)."))
                .isEqualTo("<p>Ask the admin. <strong>Attach:</strong></p>\n<ul>\n<li>the <code>uname -r</code> output,</li>\n"
                        + "<li>the <a rel=\"nofollow\" href=\"https://example.org/a?b=1&amp;c=2\">log</a>.</li>\n</ul>");
    }

    @Test
    void rawHtmlScriptLinksImagesAndControlsStayInert() {
        String html = MarkdownHtml.render("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> [x](javascript:alert(1))"
                + " ![logo](https://evil.example/t.png) \u001b]52;c;AAAA\u0007 *b*");
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("javascript:")
                .doesNotContain("\u001b").doesNotContain("https://evil.example")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("<a rel=\"nofollow\" href=\"\">x</a>")
                .contains("[image: logo]")
                .contains("\\u001b]52;c;AAAA\\u0007")
                .contains("<em>b</em>");
    }

    @Test
    void blankIsEmpty() {
        assertThat(MarkdownHtml.render(null)).isEmpty();
        assertThat(MarkdownHtml.render("  \n")).isEmpty();
    }
}
