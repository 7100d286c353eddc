package dev.tshoot.transcript.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tshoot.engine.CaseRunner;
import dev.tshoot.engine.SessionEngine;
import dev.tshoot.playbook.CaseFile;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.testing.ExternalTool;
import dev.tshoot.testing.Fixtures;
import dev.tshoot.transcript.HostSummary;
import dev.tshoot.transcript.TranscriptHeader;
import dev.tshoot.transcript.TranscriptWriter;

/**
 * The escalation page of a long case in headless Chromium, at a desk's width and a phone's: a
 * shipped playbook's case that loops twice through a fix and escalates is recorded, exported as
 * HTML and shot at 1280 and 390 pixels wide into {@code target/escalation-1280.png} and
 * {@code target/escalation-390.png} (look at them). The DOM checks that the page opens with what an
 * escalation engineer needs, before the timeline and the tree. Skipped without chromium, unless
 * TSHOOT_REQUIRE_BROWSER=1.
 */
class EscalationPageBrowserIT {

    static final Path OUT = Path.of("target");

    @Test
    void aLongEscalatedCaseOpensWithOutcomeRouteAndIntegrityAtBothWidths() throws Exception {
        Path chromium = ExternalTool.require("TSHOOT_REQUIRE_BROWSER", "chromium", "chromium", "chromium-browser");
        Path dir = OUT.resolve("escalation-page");
        if (Files.exists(dir)) {
            try (var old = Files.walk(dir)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        Path page = dir.resolve("escalated.html");
        Files.write(page, new Exporter().export(ExportSource.load(record(dir), Path.of("playbooks")), ExportFormat.HTML));

        String html = Files.readString(page);
        int summary = html.indexOf("<section id=\"summary\"");
        int timeline = html.indexOf("<section id=\"timeline\"");
        int tree = html.indexOf("<section id=\"tree\"");
        assertThat(summary).as("a summary").isPositive();
        assertThat(summary).as("the summary comes before the tree and the timeline").isLessThan(tree).isLessThan(timeline);
        String top = html.substring(summary, tree);
        assertThat(top).as("outcome, with its Markdown rendered").contains("<strong class=\"result\">ESCALATE</strong>")
                .contains("<strong>Attach:</strong>").doesNotContain("**Attach:**");
        assertThat(top).as("the route as a compact list, loops and all").contains("<ol class=\"path\">");
        assertThat(top.split("data-node=\"ask-relogged-in\"", -1).length - 1).isEqualTo(2);
        String seen = top.replaceAll("(?s)<details.*?</details>", "");
        assertThat(seen.split("hash chain consistent", -1).length - 1).as("integrity said once").isEqualTo(1);
        assertThat(html).as("the whole playbook is drawn").contains("playbook-note found")
                .contains("data-node=\"unresolved-kvm-not-the-cause\"");
        assertThat(html).as("the tree is ELK's: orthogonal links with rounded corners").contains(" Q");

        for (int width : new int[] {1280, 390}) {
            Path png = OUT.resolve("escalation-" + width + ".png");
            Files.deleteIfExists(png);
            Path profile = Files.createDirectories(dir.resolve("profile-" + width));
            ExternalTool.Result r = ExternalTool.run(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=" + width + ",2400",
                    "--screenshot=" + png.toAbsolutePath(), page.toUri().toString()), dir, 120);
            assertThat(r.exit()).as("chromium failed: %s", r.err()).isZero();
            assertThat(png).as("screenshot at " + width).exists();
            assertThat(Files.size(png)).isGreaterThan(10_000);
        }
    }

    /** Records the shipped case that loops through the group fix twice and escalates. */
    static Path record(Path dir) throws Exception {
        Playbook pb = new PlaybookLoader().load(Path.of("playbooks/docker-desktop-linux-kvm.yaml")).playbook();
        CaseFile c = CaseFile.read(Path.of("playbooks/tests/docker-desktop-linux-kvm/11_declined_group_fix_relogin_loop.yaml"));
        assertThat(c.ok()).as(c.findings().toString()).isTrue();
        SessionEngine engine = Fixtures.engine();
        TranscriptHeader header = new TranscriptHeader(TranscriptHeader.FORMAT, TranscriptHeader.FORMAT_VERSION, "test",
                "case", engine.clock().instant(), new TranscriptHeader.PlaybookRef(pb.id(), pb.metadata().version(),
                        pb.metadata().title(), pb.sha256(), pb.file(), null), HostSummary.current());
        Files.createDirectories(dir.resolve("t"));
        try (TranscriptWriter w = TranscriptWriter.create(dir.resolve("t"), header, true, x -> { })) {
            CaseRunner.Result r = CaseRunner.run(pb, c, engine, w);
            assertThat(r.passed()).as(String.valueOf(r.failure())).isTrue();
            return w.file();
        }
    }
}
