package dev.tshoot.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The direct evaluator gives exactly SpEL's result and reason, on every shape and on hostile data. */
class FastConditionTest {

    static final List<String> EXPRESSIONS = List.of(
            "facts['os']['family'] == 'linux'",
            "facts['os']['family'] != 'windows'",
            "facts['virtualization']['kvm']['present'] == true",
            "facts['virtualization']['kvm']['present'] == false and facts['os']['elevated'] == true",
            "facts['virtualization']['traps']['wsl2'] != null",
            "facts['virtualization']['container'] == 'docker' or facts['virtualization']['container'] == 'podman'",
            "facts['virtualization']['isVirtualMachine'] == true and facts['virtualization']['confidence'] != 'low'",
            "!(facts['virtualization']['kvmModules'] matches '.*kvm_(intel|amd).*')",
            "facts['virtualization']['kvmModules'] matches '.*kvm_pvm.*' and !(facts['virtualization']['kvmModules'] matches '.*kvm_(intel|amd).*')",
            "lscpu.status == 'exited' and lscpu.stdout matches '(?ism).*^\\s*flags\\s*:.*'",
            "devkvm.status == 'exited' and devkvm.exitCode == 0",
            "devkvm.exitCode != 1",
            "answers['ask-bios'] == 'yes'",
            "answers['ask-bios'] == true",
            "answers['missing'] == null",
            "answers.missing == 'x'",
            "facts.os.family == 'linux'",
            "facts['os'] == 'linux'",
            "facts['os']['family']",
            "answers['n'] == 1",
            "answers['n'] == 1 or answers['n'] == 'x'",
            "answers['flag'] and answers['other']",
            "!answers['flag']",
            "lscpu.stdout matches answers['pattern']",
            "facts['list']['x'] == 'a'",
            "facts['os']['family'] == 'linux' and lscpu.stdout matches '(x+x+)+y'");

    @Test
    void everyShapeGivesSpelsResultAndReasonOnRandomData() {
        Random rnd = new Random(4711);
        int direct = 0;
        int checked = 0;
        for (String e : EXPRESSIONS) {
            Conditions.Compiled c = Conditions.compile(e);
            if (c.direct()) {
                direct++;
            }
            for (int i = 0; i < 400; i++) {
                Map<String, Object> root = root(rnd);
                Condition.Evaluation fast = c.evaluate(root, true);
                Condition.Evaluation spel = c.evaluate(root, false);
                assertThat(fast).as(e + " on " + root).isEqualTo(spel);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(EXPRESSIONS.size() * 400);
        // the shapes of the shipped playbooks are all direct
        assertThat(direct).isGreaterThanOrEqualTo(20);
        assertThat(Conditions.compile("facts['os']['family'] == 'linux'").direct()).isTrue();
        assertThat(Conditions.compile("lscpu.stdout.length() > 3").direct()).isFalse();
    }

    @Test
    void everyConditionOfTheShippedPlaybooksButASelectionIsDirect() throws Exception {
        List<String> notDirect = new ArrayList<>();
        for (java.nio.file.Path f : new PlaybookCatalog(java.nio.file.Path.of("playbooks")).files()) {
            Playbook pb = new PlaybookLoader().load(f).playbook();
            for (Node n : pb.nodes().values()) {
                collect(n, notDirect);
            }
        }
        // a selection (.^[…]) goes to SpEL
        assertThat(notDirect).containsExactly("facts['virtualization']['kvmModules'].^[#this == 'kvm_pvm'] != null and"
                + " (facts['virtualization']['kvm']['openable'] == true or (devkvm.status == 'exited' and devkvm.stdout"
                + " matches '(?s)c.*'))");
    }

    private static void collect(Node n, List<String> notDirect) {
        List<Node.Transition> next = n instanceof Node.Question q ? q.next() : n instanceof Node.Check c ? c.next() : List.of();
        for (Node.Transition t : next) {
            if (t.condition() instanceof Conditions.Compiled cc && !cc.direct()) {
                notDirect.add(cc.source());
            }
        }
    }

    private static final Object[] VALUES = {"linux", "windows", "docker", "podman", "low", "high", "exited", "timed-out",
            "kvm_intel kvm", "kvm_pvm", "flags : vmx svm", "yes", "x", "1", "true", "", true, false, null, 0, 1, 2, 1L, 3.0, List.of("a")};

    private static Object value(Random rnd) {
        return VALUES[rnd.nextInt(VALUES.length)];
    }

    private static Map<String, Object> maybe(Random rnd, Map<String, Object> m, String key, Object v) {
        if (rnd.nextInt(8) != 0) {
            m.put(key, v);
        }
        return m;
    }

    private static Map<String, Object> root(Random rnd) {
        Map<String, Object> kvm = new HashMap<>();
        maybe(rnd, kvm, "present", value(rnd));
        maybe(rnd, kvm, "openable", value(rnd));
        Map<String, Object> virt = new HashMap<>();
        maybe(rnd, virt, "kvm", rnd.nextInt(10) == 0 ? value(rnd) : kvm);
        for (String k : List.of("container", "isVirtualMachine", "confidence", "kvmModules")) {
            maybe(rnd, virt, k, value(rnd));
        }
        maybe(rnd, virt, "traps", rnd.nextBoolean() ? new HashMap<>(Map.of("wsl2", "on")) : new HashMap<>());
        Map<String, Object> os = new HashMap<>();
        maybe(rnd, os, "family", value(rnd));
        maybe(rnd, os, "elevated", value(rnd));
        Map<String, Object> facts = new HashMap<>();
        maybe(rnd, facts, "os", rnd.nextInt(10) == 0 ? value(rnd) : os);
        maybe(rnd, facts, "virtualization", virt);
        maybe(rnd, facts, "list", List.of("a", "b"));
        Map<String, Object> answers = new HashMap<>();
        for (String k : List.of("ask-bios", "n", "flag", "other", "pattern")) {
            maybe(rnd, answers, k, k.equals("pattern") ? (rnd.nextBoolean() ? ".*vmx.*" : value(rnd)) : value(rnd));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        maybe(rnd, root, "facts", facts);
        maybe(rnd, root, "answers", answers);
        for (String cmd : List.of("lscpu", "devkvm")) {
            Map<String, Object> r = new HashMap<>();
            maybe(rnd, r, "status", value(rnd));
            maybe(rnd, r, "stdout", value(rnd));
            maybe(rnd, r, "exitCode", value(rnd));
            maybe(rnd, root, cmd, r);
        }
        return root;
    }
}
