package dev.tshoot.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.engine.ConsentPolicy;
import dev.tshoot.engine.Diagnostics;
import dev.tshoot.engine.Session;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.testing.Fixtures;

/** {@link Recorder#resume}: a session rebuilt from its transcript, recorded on into a new, linked one. */
class ResumeTest {

    @TempDir
    Path dir;

    private final Playbook pb = new PlaybookLoader().load(Path.of("playbooks/docker-desktop-nested-virtualization.yaml"))
            .playbook();

    private Recorder recorder() {
        return new Recorder(Fixtures.engine(), dir, "test", false);
    }

    /** A session answered up to the hypervisor question and left open, as a crash leaves it. */
    private Recorder.Recorded crashed() throws Exception {
        Recorder.Recorded r = recorder().start(pb, m -> { });
        r.session().answer("no");
        r.session().answer("windows");
        r.session().note("customer on the phone");
        r.session().answer("in-vm");
        assertThat(r.session().current().id()).isEqualTo("ask-hypervisor");
        return r;
    }

    @Test
    void goesOnAtTheNodeWithTheAnswersInForceAndLinksTheNewTranscript() throws Exception {
        Recorder.Recorded old = crashed();
        Map<String, Object> answers = Map.copyOf(old.session().answers());
        TranscriptVerifier.Result before = new TranscriptVerifier().verify(old.writer().file());
        List<String> warnings = new ArrayList<>();
        Recorder.Resumed r = recorder().resume(old.writer().file(), pb, null, warnings::add, Diagnostics.NONE,
                ConsentPolicy.ASK_ALWAYS);
        assertThat(r.refusal()).isNull();
        Session s = r.recorded().session();
        assertThat(s.current().id()).isEqualTo("ask-hypervisor");
        assertThat(s.state()).isEqualTo(Session.State.WAITING_FOR_ANSWER);
        assertThat(s.answers()).isEqualTo(answers);
        assertThat(s.route()).extracting(RouteStepNode::of).containsExactly("ask-run-here", "ask-guest-os", "ask-in-vm",
                "route-vm-by-guest-os");
        s.answer("vmware-esxi");
        s.end("user");
        r.recorded().writer().close();
        assertThat(warnings).isEmpty();

        Path file = r.recorded().writer().file();
        TranscriptHeader h = TranscriptReader.header(file);
        assertThat(h.resumes()).isEqualTo(new TranscriptHeader.Resumes(old.session().id(),
                old.writer().file().getFileName().toString(), before.head(), before.events(), "ask-hypervisor"));
        TranscriptVerifier.Result after = new TranscriptVerifier().verify(file);
        assertThat(after.status()).as(after.message()).isEqualTo(TranscriptVerifier.Status.OK);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(1 + 4); // header, answer, node entered, prompt shown, session ended
        assertThat(lines.get(1)).startsWith("{\"seq\":1,\"type\":\"answer-given\"").contains("\"node\":\"ask-hypervisor\"");
        assertThat(lines.get(2)).startsWith("{\"seq\":2,\"type\":\"node-entered\"").contains("\"node\":\"fix-vmware-esxi\"");
    }

    @Test
    void aBrokenChainIsRefusedAndNothingIsWritten() throws Exception {
        Path file = crashed().writer().file();
        Files.writeString(file, Files.readString(file).replace("\"value\":\"windows\"", "\"value\":\"linux\""));
        Recorder.Resumed r = recorder().resume(file, pb, null, m -> { }, Diagnostics.NONE, ConsentPolicy.ASK_ALWAYS);
        assertThat(r.recorded()).isNull();
        assertThat(r.refusal()).startsWith("The transcript's hash chain is broken (BROKEN at line");
        try (var l = Files.list(dir)) {
            assertThat(l.count()).as("no new transcript").isEqualTo(1);
        }
    }

    @Test
    void aPlaybookThatNoLongerReplaysTheRecordingIsRefusedWithTheDivergence() throws Exception {
        Path file = crashed().writer().file();
        String yaml = Files.readString(Path.of("playbooks/docker-desktop-nested-virtualization.yaml"));
        // the same playbook with the guest-OS question's Windows answer leading elsewhere
        String edited = yaml.replace("        label: \"Windows\"\n        goto: ask-in-vm",
                "        label: \"Windows\"\n        goto: ask-hypervisor");
        assertThat(edited).isNotEqualTo(yaml);
        PlaybookLoader.Result loaded = new PlaybookLoader().load("changed.yaml",
                edited.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(loaded.valid()).as("%s", loaded.findings()).isTrue();
        Playbook changed = loaded.playbook();
        Recorder.Resumed r = recorder().resume(file, changed, null, m -> { }, Diagnostics.NONE, ConsentPolicy.ASK_ALWAYS);
        assertThat(r.recorded()).isNull();
        assertThat(r.refusal()).startsWith("The recorded session does not replay on this playbook:")
                .contains("at 'ask-guest-os' it went to ask-in-vm, the playbook now goes to ask-hypervisor");
    }

    /** The node of a route step (a method reference keeps the assertion short). */
    private static final class RouteStepNode {
        static String of(dev.tshoot.engine.RouteStep s) {
            return s.node();
        }
    }
}
