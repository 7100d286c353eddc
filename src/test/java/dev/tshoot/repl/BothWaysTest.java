package dev.tshoot.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandRegistry;

import dev.tshoot.shell.Catalog;
import dev.tshoot.shell.CommandSpec;
import dev.tshoot.shell.OneShot;
import dev.tshoot.shell.Wiring;

/**
 * Every command through both front ends: typed at the REPL (Spring Shell's executor with tshoot's
 * parser and the registered catalog commands) and given as program arguments to the one-shot front
 * end (which hands the invocations that need the shell to the shell's one-command run). The text and
 * the exit status must be identical, and every command of the catalog must be exercised.
 */
class BothWaysTest {

    static final String PB = "docker-desktop-nested-virtualization";
    static final String T = Path.of("src/test/resources/transcripts/002_checks_commands.jsonl").toAbsolutePath().toString();

    @TempDir
    Path dir;

    Path transcripts;

    @BeforeEach
    void folders() throws IOException {
        transcripts = Files.createDirectories(dir.resolve("transcripts"));
    }

    /** Each line as typed at the REPL, and the same as program arguments. */
    List<List<String>> invocations() {
        String answers = Path.of("docs/examples/answers/esxi-resolved.yaml").toAbsolutePath().toString();
        String md = dir.resolve("out.md").toString();
        String pasted = Path.of("src/test/resources/pasted/01_systeminfo_firmware_off.txt").toAbsolutePath().toString();
        List<List<String>> l = new ArrayList<>();
        for (String[] a : new String[][] {
                {"help"}, {"help", "run"}, {"help", "playbook show"}, {"help", "nosuch"}, {"--help"}, {"-h"},
                {"run", "--help"}, {"match", "--help"}, {"start", "-h"}, {"version", "extra"},
                {"playbook", "list"}, {"playbook", "show", PB}, {"playbook", "show", "nosuch"}, {"playbook", "shwo"},
                {"playbook"}, {"playbok", "list"}, {"playbook", "lint"}, {"playbook", "lint", "nosuch"},
                {"playbook", "test", "docker-desktop-linux-kvm"}, {"playbook", "test"},
                {"playbook", "verify-signature", PB}, {"playbook", "sign", PB}, {"playbook", "keygen"},
                {"match", "WSL2 is not supported with your current machine configuration"}, {"match", "nothing like it"},
                {"match", "--file", dir.resolve("missing.log").toString()},
                {"paste", "--file", pasted}, {"paste"},
                {"start"}, {"start", "nosuch"}, {"continue"}, {"resume"}, {"back"}, {"goto", "x"}, {"restart"},
                {"path"}, {"why"}, {"note", "ran", "it", "twice"}, {"status"}, {"end"},
                {"run", PB, "--answers", answers, "--dry-run"}, {"run", PB, "--answer", answers}, {"run", PB, "--yes=maybe"},
                {"run", PB, "--answers"}, {"run", PB, "--dry-run", "--dry-run"}, {"run", PB, "a", "b"},
                {"transcript", "list"}, {"transcript", "verify", T}, {"transcript", "verify"},
                {"transcript", "verify", T, "--seal", "nonsense"}, {"transcript", "save", dir.resolve("s.jsonl").toString()},
                {"replay", T, "--all"}, {"replay", T, "--verify"}, {"replay"},
                {"export", T, "--preview-redactions"}, {"export", T, "-f", "md", "-o", md, "--force"}, {"export", T, "-f", "nope"},
                {"probe", "list"}, {"probe", "run", "nosuch"}, {"probe", "run", "nosuch", "--json"}, {"diag", "--bogus"},
                {"diag", "--help"}, {"completion", "bash"}, {"completion", "--words", "--", "playbook", "s"},
                {"completion", "--words", "--", "run", "--a"}, {"completion", "fish"},
                {"send"}, {"send", T}, {"send", T, "--url", "ftp://x/y"},
                {"stats", Path.of("src/test/resources/transcripts").toAbsolutePath().toString()}, {"stats", "s3://b/p"},
                {"stats", "--json", dir.resolve("missing").toString()}, {"clear"}}) {
            l.add(List.of(a));
        }
        return l;
    }

    FrontEnds fronts() {
        return new FrontEnds(dir, transcripts);
    }

    @Test
    void everyCommandPrintsTheSameAndExitsTheSameBothWays() throws Exception {
        Set<String> exercised = new TreeSet<>();
        List<String> differences = new ArrayList<>();
        Catalog catalog = fronts().wiring().catalog(false);
        for (List<String> words : invocations()) {
            FrontEnds.Result r = fronts().repl(words);
            FrontEnds.Result o = fronts().oneShot(words);
            catalog.find(words).ifPresent(f -> exercised.add(f.spec().name()));
            if (!r.equals(o)) {
                differences.add(String.join(" ", words) + "\n  repl:     " + r + "\n  one-shot: " + o);
            }
            if (!words.equals(List.of("clear"))) { // clear prints nothing when the output is not a terminal
                assertThat(r.out()).as(String.join(" ", words)).isNotBlank();
            }
            assertThat(r.out()).as(String.join(" ", words))
                    .doesNotContain("Cannot run").doesNotContain("Exception").doesNotContain("needs the interactive shell");
        }
        assertThat(differences).isEmpty();
        assertThat(exercised).containsExactlyInAnyOrderElementsOf(
                catalog.commands().stream().map(CommandSpec::name).toList());
    }
}
