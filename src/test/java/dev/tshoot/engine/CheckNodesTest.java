package dev.tshoot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tshoot.playbook.Playbook;
import dev.tshoot.testing.FakeDiagnostics;
import dev.tshoot.testing.Fixtures;

/** Probe and command checks: facts, registers, consent, dry runs, missing binaries; with fakes only. */
class CheckNodesTest {

    private final Playbook pb = Fixtures.playbook("002_checks.yaml");
    private final List<SessionEvent> events = new ArrayList<>();

    private static final String LSCPU_VTX = "Architecture: x86_64\nVirtualization: VT-x\nHypervisor vendor: Microsoft\n";

    private Session start(FakeDiagnostics d, ConsentPolicy policy) {
        return Fixtures.engine().start("s", pb, events::add, d, policy);
    }

    @Test
    void probeFactsDecideAndAreRecorded() {
        FakeDiagnostics d = new FakeDiagnostics("linux").probe("virtualization",
                Map.of("isVirtualMachine", true, "hypervisor", "vmware"));
        Session s = start(d, ConsentPolicy.ASK_ALWAYS);
        assertThat(s.current().id()).isEqualTo("ask-name");
        assertThat(s.facts()).containsKey("virtualization");
        SessionEvent.ProbeRan p = (SessionEvent.ProbeRan) events.stream().filter(e -> e instanceof SessionEvent.ProbeRan)
                .findFirst().orElseThrow();
        assertThat(p.probe()).isEqualTo("virtualization");
        assertThat(p.facts()).containsEntry("hypervisor", "vmware");
    }

    @Test
    void aCommandWaitsForConsentShowingTheExactArgvAndAnswersArePassedAsOneArgument() throws SessionException {
        FakeDiagnostics d = new FakeDiagnostics("linux").probe("virtualization",
                Map.of("isVirtualMachine", true, "hypervisor", "vmware"));
        d.command(List.of("vmlookup", "--name", "web 01; rm -rf /"), 0, "found");
        Session s = start(d, ConsentPolicy.ASK_ALWAYS);
        s.answer("web 01; rm -rf /");
        assertThat(s.state()).isEqualTo(Session.State.WAITING_FOR_CONSENT);
        assertThat(s.pendingCommand().argv()).containsExactly("vmlookup", "--name", "web 01; rm -rf /");
        SessionEvent.PromptShown consent = (SessionEvent.PromptShown) events.get(events.size() - 1);
        assertThat(consent.kind()).isEqualTo("consent");
        assertThat(consent.argv()).containsExactly("vmlookup", "--name", "web 01; rm -rf /");
        assertThat(d.commands).as("nothing runs before consent").isEmpty();
        s.consent(Session.Consent.YES);
        assertThat(d.commands).hasSize(1);
        SessionEvent.CommandRan ran = events.stream().filter(e -> e instanceof SessionEvent.CommandRan)
                .map(e -> (SessionEvent.CommandRan) e).findFirst().orElseThrow();
        assertThat(ran.consent()).isEqualTo("yes");
        assertThat(ran.exitCode()).isZero();
        assertThat(ran.register()).isEqualTo("vm");
        assertThat(s.current().id()).as("then lscpu asks for consent").isEqualTo("lscpu");
    }

    @Test
    void alwaysApprovesLaterReadOnlyCommandsButNotChangingOnes() throws SessionException {
        FakeDiagnostics d = new FakeDiagnostics("linux").probe("virtualization",
                Map.of("isVirtualMachine", true, "hypervisor", "vmware"))
                .command(List.of("vmlookup", "--name", "web"), 0, "ok")
                .command(List.of("lscpu"), 0, LSCPU_VTX);
        Session s = start(d, ConsentPolicy.ASK_ALWAYS);
        s.answer("web");
        assertThat(Session.consentOptions(s.pendingCommand())).as("vmlookup is not on the read-only list")
                .extracting(SessionEvent.Option::value).containsExactly("yes", "no");
        s.answer("always");
        assertThat(s.current().id()).as("'always' at an unlisted command covers nothing later").isEqualTo("lscpu");
        assertThat(s.state()).isEqualTo(Session.State.WAITING_FOR_CONSENT);
        s.answer("always");
        assertThat(s.current().id()).as("lscpu ran; the read-only list now runs without asking").isEqualTo("enable");
        assertThat(s.state()).as("the mutating modprobe still asks").isEqualTo(Session.State.WAITING_FOR_CONSENT);
        assertThat(s.pendingCommand().mutating()).isTrue();
        s.consent(Session.Consent.NO);
        assertThat(s.current().id()).isEqualTo("unresolved");
        assertThat(s.registers()).extractingByKey("modprobe").asString().contains("status=declined");
        assertThat(events).filteredOn(e -> e instanceof SessionEvent.CommandRan)
                .extracting(e -> ((SessionEvent.CommandRan) e).consent()).containsExactly("yes", "always", "no");
    }

    @Test
    void backUndoesAnAlwaysConsentSoTheCommandIsAskedAgain() throws SessionException {
        FakeDiagnostics d = new FakeDiagnostics("linux").command(List.of("lscpu"), 0, "no virtualization line");
        Session s = start(d, ConsentPolicy.ASK_ALWAYS);
        s.consent(Session.Consent.ALWAYS);
        assertThat(s.current().id()).isEqualTo("unresolved");
        s.back();
        assertThat(s.state()).as("'always' was undone with the answer").isEqualTo(Session.State.WAITING_FOR_CONSENT);
        assertThat(s.current().id()).isEqualTo("lscpu");
        assertThat(d.commands).hasSize(1);
    }

    @Test
    void registersFeedConditionsIncludingRegexOnOutput() {
        FakeDiagnostics d = new FakeDiagnostics("linux").command(List.of("lscpu"), 0, LSCPU_VTX)
                .command(List.of("modprobe", "kvm_intel"), 0, "");
        Session s = start(d, ConsentPolicy.flags(true, true, false));
        assertThat(s.current().id()).isEqualTo("resolved");
        assertThat(events).filteredOn(e -> e instanceof SessionEvent.CommandRan)
                .extracting(e -> ((SessionEvent.CommandRan) e).consent()).containsExactly("preapproved", "preapproved");
    }

    @Test
    void yesAloneDoesNotApproveAChangingCommand() {
        FakeDiagnostics d = new FakeDiagnostics("linux").command(List.of("lscpu"), 0, LSCPU_VTX);
        Session s = start(d, ConsentPolicy.flags(true, false, false));
        assertThat(s.current().id()).isEqualTo("enable");
        assertThat(s.state()).isEqualTo(Session.State.WAITING_FOR_CONSENT);
        ScriptedWalk.Result r = ScriptedWalk.walk(s, Map.of());
        assertThat(r.problem()).contains("needs consent").contains("modprobe kvm_intel").contains("--yes-mutating");
    }

    @Test
    void aMissingBinaryIsAResultToBranchOn() {
        Session s = start(new FakeDiagnostics("linux"), ConsentPolicy.flags(true, false, false));
        assertThat(s.current().id()).isEqualTo("no-lscpu");
        SessionEvent.CommandRan ran = events.stream().filter(e -> e instanceof SessionEvent.CommandRan)
                .map(e -> (SessionEvent.CommandRan) e).findFirst().orElseThrow();
        assertThat(ran.status()).isEqualTo("not_found");
        assertThat(ran.error()).contains("command not found: lscpu");
    }

    @Test
    void dryRunRunsNothingAndRecordsWhatWouldHaveRun() {
        FakeDiagnostics d = new FakeDiagnostics("linux");
        Session s = start(d, ConsentPolicy.flags(false, false, true));
        assertThat(d.commands).isEmpty();
        assertThat(s.current().id()).isEqualTo("unresolved");
        SessionEvent.CommandRan ran = events.stream().filter(e -> e instanceof SessionEvent.CommandRan)
                .map(e -> (SessionEvent.CommandRan) e).findFirst().orElseThrow();
        assertThat(ran.argv()).containsExactly("lscpu");
        assertThat(ran.consent()).isEqualTo("dry-run");
        assertThat(ran.status()).isEqualTo("dry_run");
    }

    @Test
    void noCommandForThisOsIsNotApplicable() {
        Session s = start(new FakeDiagnostics("macos"), ConsentPolicy.ASK_ALWAYS);
        assertThat(s.current().id()).isEqualTo("unresolved");
        assertThat(events).filteredOn(e -> e instanceof SessionEvent.CommandRan)
                .extracting(e -> ((SessionEvent.CommandRan) e).status()).containsExactly("not_applicable");
    }

    @Test
    void backReturnsToTheConsentPromptAndConsentOutOfTurnIsRefused() throws SessionException {
        FakeDiagnostics d = new FakeDiagnostics("linux").command(List.of("lscpu"), 0, "no virtualization here");
        Session s = start(d, ConsentPolicy.ASK_ALWAYS);
        s.consent(Session.Consent.YES);
        assertThat(s.current().id()).isEqualTo("unresolved");
        s.back();
        assertThat(s.state()).isEqualTo(Session.State.WAITING_FOR_CONSENT);
        assertThat(s.current().id()).isEqualTo("lscpu");
        assertThatThrownBy(() -> s.answer("maybe")).hasMessageContaining("Expected yes, no or always");
        s.answer("no");
        assertThatThrownBy(() -> s.consent(Session.Consent.YES)).hasMessageContaining("No command is waiting");
    }
}
