package dev.tshoot.transcript.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Markdown for tickets: header facts, Mermaid route, steps, safely fenced outputs, integrity. */
class MarkdownExportTest {

    static String md(String fixture) throws Exception {
        return new MarkdownExporter().render(Report.of(ExportSource.load(ExportFixtures.file(fixture), ExportFixtures.PLAYBOOKS)));
    }

    @Test
    void headerFactsRouteStepsAndOutcome() throws Exception {
        String md = md("001_walk_resolved");
        assertThat(md).contains("| Playbook | `walk` version `1.2.0` (Test walk) |")
                .contains("| Playbook SHA-256 | `920a2fb2df8b69c70de71502ef00bf8cd73e5c856053704aa334d6ce0ea63a3c` |")
                .contains("| tshoot version | `0.1.0-test` |")
                .contains("host `fixture-host`, user `support`")
                .contains("| Session | `e0000001` |")
                .contains("| Started | 2026-01-02T03:04:05Z |")
                .contains("| Ended | 2026-01-02T03:04:27Z (outcome) |")
                .contains("| Outcome | **RESOLVED**: Fixed |")
                .contains("```mermaid\nflowchart TD\n")
                .contains("n1 -->|\"1. Windows\"| n2")
                .contains("-->|\"5. done\"|")
                .contains("**Question:** Which OS?").contains("Choices: Windows (`windows`), Linux (`linux`)")
                .contains("**Answer:** Windows (`windows`)")
                .contains("**Action:** Enable the feature").contains("Command shown (windows, powershell):")
                .contains("| `answers['ask-os'] == 'windows'` | true, **held** |")
                .contains("**Outcome: RESOLVED**: Fixed")
                .contains("✅ **Integrity: OK: hash chain consistent (22 events)**");
    }

    @Test
    void noteTextIsEscapedNotInterpreted() throws Exception {
        assertThat(md("001_walk_resolved"))
                .contains("📝 **Note:** Kunde: Grüße ✓ — build number read from \\`winver\\`; see \\*ticket\\* \\#4711 &lt;b&gt;bold?&lt;/b&gt;");
    }

    @Test
    void outputsAreFencedLongerThanAnyBacktickRunAndCollapsible() throws Exception {
        String md = md("002_checks_commands");
        // the output holds runs of 3 and 4 backticks, so the fence is 5 long
        assertThat(md).contains("<details><summary>stdout: 5 lines, 134 bytes</summary>\n\n`````text\n"
                + "found VM web <01>: <script>alert(1)</script>\n```\nconfig: `nested` = true\n````\n")
                .contains("\n`````\n\n</details>")
                .contains("- consent: yes (the prompt said: This command only reads.)")
                .contains("- result: exit 0, status `exited`, exit code 0, 42 ms")
                .contains("- output truncated: **yes**")
                .contains("- consent: no (the prompt said: This command CHANGES the system.)")
                .contains("**Probe** `virtualization` (7 ms)")
                .contains("| `nestedSupported` | unknown: no access to /dev/kvm |")
                .contains("- source: dmi:sys\\_vendor; observed: VMware, Inc.; suggests: vmware; weight: strong");
    }

    @Test
    void brokenAndTornTranscriptsSaySoAndWhere() throws Exception {
        String broken = md("004_tampered");
        assertThat(broken).startsWith("# tshoot session `e0000001`: Test walk\n\n❌ **Integrity: BROKEN at event 11 (line 12)**")
                .contains("> BROKEN at line 12: event 11 was altered: its content does not match its hash")
                .contains("> ⚠️ Not vouched for by the hash chain: it broke at event 11");
        String torn = md("005_torn");
        assertThat(torn).contains("⚠️ **Integrity: TORN TAIL at line 23: 21 events verified, the last line is cut off**")
                .contains("| Ended | not closed (no session-ended event)");
    }

    @Test
    void codeSpansAndFencesHoldAnyText() {
        assertThat(Md.code("a`b")).isEqualTo("``a`b``");
        assertThat(Md.code("`x`")).isEqualTo("`` `x` ``");
        assertThat(Md.fenced("text", "a\n``````\nb")).startsWith("```````text\n").endsWith("\n```````\n");
        assertThat(Md.cellCode("a|b")).isEqualTo("`a\\|b`");
        assertThat(Md.text("- not a list\n1. nor this")).isEqualTo("\\- not a list  \n1\\. nor this");
        assertThat(Mermaid.escape("say \"hi\" <b>|x;#")).isEqualTo("say #34;hi#34; #60;b#62;#124;x#59;#35;");
    }
}
