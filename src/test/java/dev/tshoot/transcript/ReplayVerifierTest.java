package dev.tshoot.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.engine.ConsentPolicy;
import dev.tshoot.engine.Session;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.testing.FakeDiagnostics;
import dev.tshoot.testing.Fixtures;

/** Re-walking recorded sessions against changed playbooks; nothing runs on the host. */
class ReplayVerifierTest {

    @TempDir
    Path dir;

    private Path record(Playbook pb, String... answers) throws Exception {
        Recorder.Recorded r = new Recorder(Fixtures.engine(), dir, "test", false).start(pb, w -> { });
        for (String a : answers) {
            r.session().answer(a);
        }
        r.session().end("outcome");
        r.writer().close();
        return r.writer().file();
    }

    private static Playbook variant(String from, String to) {
        String text = new String(Fixtures.readBytes(Fixtures.resource("playbooks/valid/001_walk.yaml")), StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(from);
        }
        PlaybookLoader.Result r = new PlaybookLoader().load("walk-changed.yaml",
                text.replace(from, to).getBytes(StandardCharsets.UTF_8), null);
        assertThat(r.findings()).as("variant must be valid").isEmpty();
        return r.playbook();
    }

    private ReplayVerifier.Report verify(Path t, Playbook pb) throws Exception {
        return new ReplayVerifier(Fixtures.engine()).verify(t, pb);
    }

    @Test
    void theUnchangedPlaybookGivesTheSamePathAndOutcome() throws Exception {
        Playbook pb = Fixtures.playbook("001_walk.yaml");
        Path t = record(pb, "windows", "yes", "22631", "done", "yes");
        ReplayVerifier.Report r = verify(t, pb);
        assertThat(r.same()).as(String.valueOf(r.divergence())).isTrue();
        assertThat(r.hashDiffers()).isFalse();
        assertThat(r.outcome()).isEqualTo("resolved");
        assertThat(r.path()).containsExactly("ask-os", "ask-vm", "route", "ask-build", "fix-windows", "verify", "resolved");
        assertThat(r.exitStatus()).isZero();
    }

    @Test
    void backGotoAndRestartReplayToo() throws Exception {
        Playbook pb = Fixtures.playbook("001_walk.yaml");
        Recorder.Recorded rec = new Recorder(Fixtures.engine(), dir, "test", false).start(pb, w -> { });
        Session s = rec.session();
        s.answer("linux");
        s.answer("no");
        s.back();
        s.answer("yes");
        s.jump("verify");
        s.restart();
        s.answer("windows");
        s.answer("no");
        s.end("outcome");
        rec.writer().close();
        ReplayVerifier.Report r = verify(rec.writer().file(), pb);
        assertThat(r.same()).as(String.valueOf(r.divergence())).isTrue();
        assertThat(r.outcome()).isEqualTo("bare-metal");
    }

    @Test
    void aLongRecordingOfAnswerBackAndGotoCyclesReplaysWithAReportThatDoesNotGrowWithIt() throws Exception {
        Playbook pb = Fixtures.playbook("001_walk.yaml");
        Recorder.Recorded rec = new Recorder(Fixtures.engine(), dir, "test", false).start(pb, w -> { });
        Session s = rec.session();
        int cycles = 5_000;
        for (int i = 0; i < cycles; i++) {
            s.answer(i % 2 == 0 ? "windows" : "linux");
            s.answer("yes");
            s.back();
            s.back();
            s.jump("verify");
            s.back();
        }
        assertThat(s.route()).as("answer/back/goto/back cycles leave nothing behind in the session").isEmpty();
        s.answer("linux");
        s.answer("no");
        s.end("outcome");
        rec.writer().close();

        ReplayVerifier.Report r = verify(rec.writer().file(), pb);
        assertThat(r.same()).as(String.valueOf(r.divergence())).isTrue();
        assertThat(r.eventsRead()).isGreaterThan(cycles * 15L);
        assertThat(r.nodesCompared()).isGreaterThan(cycles * 5L);
        // the report holds the route in force, not every node entered: it is the same for 1 cycle or a million
        assertThat(r.path()).containsExactly("ask-os", "ask-vm", "bare-metal");
        assertThat(r.outcome()).isEqualTo("bare-metal");
    }

    @Test
    void aSessionThatLeftAnOutcomeWithBackAndEndedElsewhereReplaysSame() throws Exception {
        Playbook pb = Fixtures.playbook("001_walk.yaml");
        Recorder.Recorded rec = new Recorder(Fixtures.engine(), dir, "test", false).start(pb, w -> { });
        Session s = rec.session();
        s.answer("linux");
        s.answer("no"); // -> outcome bare-metal
        s.back(); // back at ask-vm: the outcome no longer stands
        s.end("user");
        rec.writer().close();
        ReplayVerifier.Report r = verify(rec.writer().file(), pb);
        assertThat(r.same()).as(String.valueOf(r.divergence())).isTrue();
        assertThat(r.outcome()).isNull();
        assertThat(r.path()).containsExactly("ask-os", "ask-vm");
    }

    @Test
    void aChangedConditionIsNamedWithItsNewValue() throws Exception {
        Path t = record(Fixtures.playbook("001_walk.yaml"), "windows", "yes", "22631", "done", "yes");
        ReplayVerifier.Report r = verify(t, variant("answers['ask-os'] == 'windows'", "answers['ask-os'] != 'windows'"));
        assertThat(r.hashDiffers()).isTrue();
        assertThat(r.divergence()).isNotNull();
        assertThat(r.divergence().node()).isEqualTo("route");
        assertThat(r.divergence().recorded()).isEqualTo("ask-build");
        assertThat(r.divergence().now()).isEqualTo("fix-linux");
        assertThat(r.divergence().why()).contains("the conditions of 'route' changed");
        assertThat(r.exitStatus()).isEqualTo(1);

        Path t2 = record(Fixtures.playbook("001_walk.yaml"), "windows", "yes", "22631", "done", "yes");
        ReplayVerifier.Report r2 = verify(t2, variant("answer matches '2[0-9]{4}'", "answer matches '3[0-9]{4}'"));
        assertThat(r2.divergence().node()).isEqualTo("ask-build");
        assertThat(r2.divergence().now()).isEqualTo("too-old");
        assertThat(r2.divergence().why()).contains("changed");
    }

    @Test
    void aConditionThatNowEvaluatesDifferentlyOnTheSameText() throws Exception {
        Playbook checks = Fixtures.playbook("002_checks.yaml");
        FakeDiagnostics d = new FakeDiagnostics("linux").probe("virtualization", Map.of("isVirtualMachine", false))
                .command(List.of("lscpu"), 0, "Virtualization: VT-x\n");
        Recorder.Recorded rec = new Recorder(Fixtures.engine(), dir, "test", false)
                .start(checks, w -> { }, d, ConsentPolicy.flags(true, false, false));
        rec.session().answer("no"); // decline the mutating modprobe
        rec.session().end("outcome");
        rec.writer().close();
        assertThat(new ReplayVerifier(Fixtures.engine()).verify(rec.writer().file(), checks).same()).isTrue();

        String text = new String(Fixtures.readBytes(Fixtures.resource("playbooks/valid/002_checks.yaml")), StandardCharsets.UTF_8)
                .replace("goto: lscpu\n  ask-name", "goto: lscpu\n  ask-name")
                .replace("(VT-x|AMD-V)", "(AMD-V)");
        Playbook changed = new PlaybookLoader().load("checks.yaml", text.getBytes(StandardCharsets.UTF_8), null).playbook();
        ReplayVerifier.Report r = new ReplayVerifier(Fixtures.engine()).verify(rec.writer().file(), changed);
        assertThat(r.divergence().node()).isEqualTo("lscpu");
        assertThat(r.divergence().recorded()).isEqualTo("enable");
        assertThat(r.divergence().why()).contains("changed");
    }

    @Test
    void aRemovedNodeIsReported() throws Exception {
        Path t = record(Fixtures.playbook("001_walk.yaml"), "linux", "no");
        Playbook pb = loadText(text().replace("    \"no\": bare-metal\n  route:", "    \"no\": not-a-vm\n  route:")
                .replace("  bare-metal:\n", "  not-a-vm:\n"));
        ReplayVerifier.Report r = verify(t, pb);
        assertThat(r.divergence().node()).isEqualTo("ask-vm");
        assertThat(r.divergence().recorded()).isEqualTo("bare-metal");
        assertThat(r.divergence().now()).isEqualTo("not-a-vm");
        assertThat(r.divergence().why()).contains("node 'bare-metal' was removed or renamed");
    }

    @Test
    void aNewQuestionHasNoRecordedAnswer() throws Exception {
        Path t = record(Fixtures.playbook("001_walk.yaml"), "linux", "no");
        Playbook pb = loadText(text().replace("        goto: ask-vm\n      - value: linux\n        label: Linux\n        goto: ask-vm",
                "        goto: ask-vm\n      - value: linux\n        label: Linux\n        goto: ask-distro")
                + "  ask-distro:\n    type: question\n    prompt: Which distribution?\n    answer: text\n    next:\n      - goto: ask-vm\n");
        ReplayVerifier.Report r = verify(t, pb);
        assertThat(r.divergence().node()).isEqualTo("ask-os");
        assertThat(r.divergence().recorded()).isEqualTo("ask-vm");
        assertThat(r.divergence().now()).isEqualTo("ask-distro");
        assertThat(r.divergence().why()).contains("the playbook now asks 'ask-distro'").contains("has no recorded answer");
    }

    private static String text() {
        return new String(Fixtures.readBytes(Fixtures.resource("playbooks/valid/001_walk.yaml")), StandardCharsets.UTF_8);
    }

    private static Playbook loadText(String text) {
        PlaybookLoader.Result r = new PlaybookLoader().load("walk-changed.yaml", text.getBytes(StandardCharsets.UTF_8), null);
        assertThat(r.findings()).as("variant must be valid").isEmpty();
        return r.playbook();
    }
}
