package dev.tshoot.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.playbook.Playbook;
import dev.tshoot.testing.ExternalTool;

/**
 * The stats HTML report in a real browser: headless Chromium loads the file offline, its DOM holds
 * the traffic map of every shipped playbook, and a screenshot is made (target/stats-report.png, for
 * a look). Skipped without chromium, unless TSHOOT_REQUIRE_BROWSER=1.
 */
class StatsHtmlBrowserIT {

    @TempDir
    Path dir;

    @Test
    void theReportLoadsOfflineWithATrafficMapPerPlaybook() throws Exception {
        Path chromium = ExternalTool.require("TSHOOT_REQUIRE_BROWSER", "chromium", "chromium", "chromium-browser");
        List<Playbook> playbooks = TranscriptGenerator.load(Path.of("playbooks"));
        new TranscriptGenerator(playbooks, true).write(dir.resolve("t"), 200, 9);
        StatsReport r = Stats.over(dir.resolve("t"));
        Path page = dir.resolve("stats.html");
        Files.writeString(page, StatsHtml.render(r, id -> playbooks.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null)));
        List<String> common = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync");
        ExternalTool.Result dom = ExternalTool.run(concat(common, "--user-data-dir=" + dir.resolve("p1"), "--dump-dom",
                page.toUri().toString()), dir, 120);
        assertThat(dom.exit()).as("chromium failed: %s", dom.err()).isZero();
        assertThat(dom.out()).contains("</html>");
        assertThat(dom.out().split("aria-label=\"traffic map\"", -1)).hasSize(r.playbooks().size() + 1);
        assertThat(dom.out()).contains("class=\"edge taken flow-5\"").contains("class=\"node type-question heat-5")
                .doesNotContainPattern("(?i)\\ssrc=");
        Path png = Path.of("target/stats-report.png").toAbsolutePath();
        Files.deleteIfExists(png);
        ExternalTool.Result shot = ExternalTool.run(concat(common, "--user-data-dir=" + dir.resolve("p2"),
                "--screenshot=" + png, "--window-size=1280,900", page.toUri().toString()), dir, 120);
        assertThat(shot.exit()).as("chromium failed: %s", shot.err()).isZero();
        assertThat(Files.size(png)).isGreaterThan(20_000);
    }

    private static List<String> concat(List<String> a, String... b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(List.of(b));
        return all;
    }
}
