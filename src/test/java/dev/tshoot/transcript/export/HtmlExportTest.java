package dev.tshoot.transcript.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.transcript.TranscriptReader;

/** The HTML page: escaping of every transcript value, self-containment, and the decision tree. */
class HtmlExportTest {

    @TempDir
    Path dir;

    static String html(Path transcript) throws TranscriptReader.UnreadableException {
        return new HtmlExporter().render(Report.of(ExportSource.load(transcript, ExportFixtures.PLAYBOOKS)));
    }

    @Test
    void outputsHoldingMarkupAppearOnlyAsText() throws Exception {
        String page = html(ExportFixtures.file("002_checks_commands"));
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("warning: &lt;b&gt;deprecated&lt;/b&gt; flag")
                .contains("web &lt;01&gt;")
                .contains("Grüße aus Köln, 東京, emoji 😀")
                .contains("ESC \\u001b[31mred\\u001b[0m")
                .doesNotContain("<script>alert")
                .doesNotContain("<b>deprecated");
        assertThat(count(page, "<script")).as("only the page's own script").isEqualTo(1);
    }

    @Test
    void valuesInAttributesCannotBreakOut() throws Exception {
        String text = Files.readString(ExportFixtures.file("001_walk_resolved"), StandardCharsets.UTF_8);
        String hostile = "ask-os\\\" onmouseover=\\\"alert(1)\\\" x=\\\"<svg onload=alert(2)>";
        Path altered = dir.resolve("hostile.jsonl");
        Files.writeString(altered, text.replace("\"node\":\"ask-os\"", "\"node\":\"" + hostile + "\"")
                .replace("Kunde: Grüße", "</script><script>alert(3)</script>"), StandardCharsets.UTF_8);
        String page = html(altered);
        assertThat(page).contains("BROKEN")
                .contains("data-node=\"ask-os&quot; onmouseover=&quot;alert(1)&quot; x=&quot;&lt;svg onload=alert(2)&gt;\"")
                .contains("&lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt;")
                .doesNotContain("onmouseover=\"")
                .doesNotContain("<svg onload")
                .doesNotContain("<script>alert");
        assertThat(count(page, "<script")).isEqualTo(1);
    }

    @Test
    void thePageLoadsNothingAndItsPolicyAllowsOnlyItsOwnStyleAndScript() throws Exception {
        String page = html(ExportFixtures.file("002_checks_commands"));
        assertThat(page).doesNotContainPattern("(?i)<(img|iframe|link|object|embed|audio|video|source)\\b")
                .doesNotContainPattern("(?i)\\ssrc\\s*=")
                .doesNotContainPattern("(?i)@import|url\\(\\s*['\"]?(https?:)?//");
        Matcher csp = Pattern.compile("script-src 'sha256-([^']+)'").matcher(page);
        assertThat(csp.find()).isTrue();
        String script = page.substring(page.indexOf("<script>") + 8, page.indexOf("</script>"));
        assertThat(csp.group(1)).isEqualTo(HtmlExporter.sha256Base64(script));
        Matcher style = Pattern.compile("style-src 'sha256-([^']+)'").matcher(page);
        assertThat(style.find()).isTrue();
        String css = page.substring(page.indexOf("<style>") + 7, page.indexOf("</style>"));
        assertThat(style.group(1)).isEqualTo(HtmlExporter.sha256Base64(css));
        assertThat(page).contains("default-src 'none'");
    }

    @Test
    void withThePlaybookTheWholeTreeIsDrawnAndTheRouteHighlighted() throws Exception {
        String page = html(ExportFixtures.file("002_checks_commands"));
        assertThat(page).contains("playbook file found; its SHA-256 matches");
        assertThat(count(page, "<g class=\"node ")).as("every node of 002_checks.yaml").isEqualTo(8);
        for (String visited : new String[] {"detect", "ask-name", "read-vmx", "lscpu", "enable"}) {
            assertThat(page).containsPattern("<g class=\"node type-[a-z]+ visited\" data-node=\"" + visited + "\"");
        }
        assertThat(page).contains("<g class=\"node type-outcome visited last\" data-node=\"unresolved\"")
                .contains("<g class=\"node type-outcome\" data-node=\"resolved\"")
                .contains("<g class=\"node type-outcome\" data-node=\"no-lscpu\"");
        assertThat(count(page, "class=\"edge taken\"")).isEqualTo(5);
        assertThat(page).contains("<li class=\"step last\" id=\"step-6\" data-node=\"unresolved\"");
    }

    @Test
    void withoutThePlaybookOnlyTheRouteIsDrawnAndThePageSaysWhy() throws Exception {
        String missing = html(ExportFixtures.file("003_walk_navigation"));
        assertThat(missing).contains("playbook file not found (playbooks/removed/001_walk.yaml)");
        assertThat(count(missing, "<g class=\"node ")).as("the 8 nodes visited, not the 11 of the playbook").isEqualTo(8);
        assertThat(missing).contains("class=\"edge taken jump\"");
        String changed = html(ExportFixtures.file("006_playbook_changed"));
        assertThat(changed).contains("playbook file changed since the session (hash differs)");
        assertThat(count(changed, "<g class=\"node ")).isEqualTo(5);
    }

    @Test
    void integrityIsShownForEveryVerdict() throws Exception {
        assertThat(html(ExportFixtures.file("001_walk_resolved"))).contains("class=\"integrity ok\"")
                .contains("<strong class=\"label\">OK</strong> <span class=\"headline\">hash chain consistent (22 events)</span>");
        String broken = html(ExportFixtures.file("004_tampered"));
        assertThat(broken).contains("class=\"integrity broken\"").contains("<strong class=\"label\">BROKEN</strong> <span class=\"headline\">at event 11 (line 12)</span>")
                .contains("event 11 was altered: its content does not match its hash")
                .contains("class=\"step unverified\"");
        assertThat(html(ExportFixtures.file("005_torn"))).contains("class=\"integrity torn\"")
                .contains("<strong class=\"label\">TORN TAIL</strong> <span class=\"headline\">at line 23").contains("a crash or a truncation");
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
