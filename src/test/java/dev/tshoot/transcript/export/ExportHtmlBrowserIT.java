package dev.tshoot.transcript.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.testing.ExternalTool;

/**
 * The HTML export in a real browser: headless Chromium loads the file with {@code #q=...} and dumps
 * the DOM after its script ran. Skipped without chromium, unless TSHOOT_REQUIRE_BROWSER=1.
 */
class ExportHtmlBrowserIT {

    @TempDir
    Path dir;

    String dom(Path page, String fragment) throws Exception {
        Path chromium = ExternalTool.require("TSHOOT_REQUIRE_BROWSER", "chromium", "chromium", "chromium-browser");
        Path profile = Files.createDirectories(dir.resolve("profile-" + fragment.hashCode()));
        ExternalTool.Result r = ExternalTool.run(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--dump-dom", page.toUri() + fragment), dir, 120);
        assertThat(r.exit()).as("chromium failed: %s", r.err()).isZero();
        assertThat(r.out()).as("no DOM dumped; stderr: %s", r.err()).contains("</html>");
        return r.out();
    }

    Path export(String fixture) throws Exception {
        Path page = dir.resolve(fixture + ".html");
        Files.write(page, new Exporter().export(ExportSource.load(ExportFixtures.file(fixture), ExportFixtures.PLAYBOOKS), ExportFormat.HTML));
        return page;
    }

    @Test
    void searchFromTheFragmentFiltersAndMarksStepsAndTheRouteIsHighlighted() throws Exception {
        String dom = dom(export("002_checks_commands"), "#q=lscpu");
        assertThat(HtmlExportTest.count(dom, "<li class=\"step")).as("timeline entries").isEqualTo(6);
        assertThat(dom).contains("<g class=\"node type-check visited\" data-node=\"detect\"")
                .contains("<g class=\"node type-outcome visited last\" data-node=\"unresolved\"")
                .contains("class=\"edge taken\"");
        assertThat(dom).as("the search ran on load").contains("data-query=\"lscpu\"")
                .contains("<mark class=\"hit\">lscpu</mark>")
                .contains("2 of 6 steps match")
                .containsPattern("<li class=\"step match\" id=\"step-4\" data-node=\"lscpu\"")
                .containsPattern("<li class=\"step\" id=\"step-1\" data-node=\"detect\" data-seq=\"1\" hidden=\"\"");
        assertThat(dom).as("graph nodes of matching steps are marked").contains("visited search-hit\" data-node=\"lscpu\"");
        assertThat(dom).contains("<span class=\"headline\">hash chain consistent (23 events)</span>");
        assertThat(dom).as("nothing was fetched: resource timing is empty").contains("data-resources=\"0\"")
                .doesNotContainPattern("(?i)\\ssrc=");
        assertThat(dom).as("the hostile output stayed text").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert");
    }

    @Test
    void aHitInsideACollapsedOutputOpensIt() throws Exception {
        String dom = dom(export("002_checks_commands"), "#q=Gr%C3%BC%C3%9Fe");
        assertThat(dom).contains("<mark class=\"hit\">Grüße</mark>")
                .contains("<details class=\"output stdout\" open=\"\">");
    }

    @Test
    void aBrokenTranscriptSaysWhereInTheBrowserToo() throws Exception {
        String dom = dom(export("004_tampered"), "");
        assertThat(dom).contains("<strong class=\"label\">BROKEN</strong> <span class=\"headline\">at event 11 (line 12)</span>").contains("class=\"step unverified\"")
                .contains("data-resources=\"0\"").contains("7 steps").doesNotContain("<mark class");
    }
}
