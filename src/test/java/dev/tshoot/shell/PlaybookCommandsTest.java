package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.testing.Fixtures;

/** {@code playbook list|show|lint|test} called directly: exact output and exit status, no jar. */
class PlaybookCommandsTest {

    static final String PB = "docker-desktop-nested-virtualization";
    static final String DANGLING = "src/test/resources/playbooks/invalid/011_dangling_goto.yaml";

    @TempDir
    Path dir;

    Adapters a = new Adapters();
    PlaybookCommands commands;

    @BeforeEach
    void folder() throws Exception {
        Files.copy(Path.of("playbooks/" + PB + ".yaml"), dir.resolve(PB + ".yaml"));
        Files.copy(Path.of(DANGLING), dir.resolve("broken.yaml"));
        Files.copy(Path.of("src/test/resources/playbooks/valid/001_walk.yaml"), dir.resolve("walk.yaml"));
        commands = new PlaybookCommands(Adapters.catalog(dir), Fixtures.engine(), a.exit);
    }

    @Test
    void listShowsEachPlaybookAndPointsInvalidOnesToLint() {
        commands.list(a.out);
        assertThat(a.run()).isEqualTo(new Adapters.Run(0, """
                ID                                       VERSION   SIGNATURE   TITLE
                broken                                   -         -           invalid: 3 finding(s); run 'playbook lint broken'
                docker-desktop-nested-virtualization     1.1.0     shipped     Docker Desktop inside a virtual machine (nested virtualization)
                walk                                     1.2.0     unsigned    Test walk
                """));
    }

    @Test
    void anEmptyFolderIsAFinding() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        new PlaybookCommands(Adapters.catalog(empty), Fixtures.engine(), a.exit).list(a.out);
        assertThat(a.run()).isEqualTo(new Adapters.Run(1, "No playbooks in " + empty
                + ". Put *.yaml playbooks there, or point tshoot elsewhere with -Dtshoot.playbooks=<folder>.\n"));
    }

    @Test
    void showListsTheNodesWithTheirKindAndTargets() {
        commands.show(a.out, "walk");
        assertThat(a.run()).isEqualTo(new Adapters.Run(0, """
                Test walk  (walk 1.2.0)
                  A small tree that uses every node type.
                  Second line.
                Platforms: linux, windows
                Tags:      test
                File:      %s  sha256 920a2fb2df8b69c7…
                Signature: unsigned (no signature file beside it)
                Start:     ask-os
                Nodes (11):
                  ask-os                               question           Which OS? -> ask-vm, ask-vm
                  ask-vm                               question           Is it a VM? -> route, bare-metal
                  route                                check              Route by OS -> ask-build, fix-linux
                  ask-build                            question           Which build? -> fix-windows, too-old
                  fix-windows                          action             Enable the feature -> verify
                  fix-linux                            action             Load the module -> verify
                  verify                               question           Does it work now? -> resolved, escalate
                  resolved                             outcome:resolved   Fixed
                  escalate                             outcome:escalate   Ask the vendor
                  bare-metal                           outcome:unresolved Not a VM
                  too-old                              outcome:unresolved Too old
                Sources:
                  https://example.org/source
                """.formatted(dir.resolve("walk.yaml"))));
    }

    @Test
    void aPlaybookThatCannotBeLoadedSaysWhyWithExitTwo() {
        commands.show(a.out, " ");
        assertThat(a.run()).isEqualTo(new Adapters.Run(2, "Name a playbook: e.g. 'playbook show <id>'. 'playbook list' shows the ids.\n"));
        commands.show(a.out, "docker-desktop");
        assertThat(a.run()).isEqualTo(new Adapters.Run(2, "No playbook 'docker-desktop' in " + dir + "/ and no such file."
                + " Did you mean '" + PB + "'? Run 'playbook list' to see all 3.\n"));
        commands.show(a.out, "broken");
        Path f = dir.resolve("broken.yaml");
        assertThat(a.run()).isEqualTo(new Adapters.Run(2, """
                Playbook %1$s cannot be used: it has 3 problem(s):
                %1$s:4:7: error [id-mismatch] metadata.id: metadata.id 'walk' does not match the file name 'broken.yaml'
                    fix: rename the file to walk.yaml, or change metadata.id to 'broken'
                %1$s:46:15: error [dangling-goto] nodes.ask-build.next[0].goto: node 'ask-build' points to node 'fix-window', which does not exist. Did you mean 'fix-windows'?
                    fix: point it at an existing node id, or add node 'fix-window'
                %1$s:48:3: error [unreachable-node] nodes.fix-windows: node 'fix-windows' can never be reached from start 'ask-os'
                    fix: point a goto at it, or delete it
                Fix them (see playbooks/README.md) and try again; 'playbook lint broken' re-checks.
                """.formatted(f)));
    }

    @Test
    void lintExitsOneForFindingsAndTwoForAnUnreadableFileOrAnUnknownTarget() {
        commands.lint(a.out, List.of(DANGLING));
        assertThat(a.run()).isEqualTo(new Adapters.Run(1, """
                %1$s:4:7: error [id-mismatch] metadata.id: metadata.id 'walk' does not match the file name '011_dangling_goto.yaml'
                    fix: rename the file to walk.yaml, or change metadata.id to '011_dangling_goto'
                %1$s:46:15: error [dangling-goto] nodes.ask-build.next[0].goto: node 'ask-build' points to node 'fix-window', which does not exist. Did you mean 'fix-windows'?
                    fix: point it at an existing node id, or add node 'fix-window'
                %1$s:48:3: error [unreachable-node] nodes.fix-windows: node 'fix-windows' can never be reached from start 'ask-os'
                    fix: point a goto at it, or delete it
                3 finding(s)  %1$s
                """.formatted(DANGLING)));
        String junk = "src/test/resources/playbooks/invalid/034_binary_junk.yaml";
        commands.lint(a.out, List.of(junk));
        assertThat(a.run()).isEqualTo(new Adapters.Run(2, """
                %1$s:2: error [encoding] the file is not valid UTF-8 (first bad byte at offset 128)
                    fix: save the file as UTF-8; if it is not a playbook, move it out of the playbooks folder
                unreadable  %1$s
                """.formatted(junk)));
        commands.lint(a.out, List.of("nope", dir.resolve(PB + ".yaml").toString()));
        assertThat(a.run()).isEqualTo(new Adapters.Run(2, "No playbook 'nope' in " + dir + "/ and no such file."
                + " Run 'playbook list' to see all 3.\nok  " + dir.resolve(PB + ".yaml") + "  (57 nodes, shipped)\n"));
    }

    @Test
    void everyShippedPlaybookLintsClean() throws Exception {
        PlaybookCommands shipped = new PlaybookCommands(Adapters.catalog(Path.of("playbooks")), Fixtures.engine(), a.exit);
        shipped.lint(a.out, null);
        Adapters.Run r = a.run();
        List<String> lines = r.out().lines().toList();
        long files;
        try (var s = Files.list(Path.of("playbooks"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).count();
        }
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(lines).hasSize((int) files + 1);
        assertThat(lines.subList(0, lines.size() - 1)).allMatch(l -> l.matches("ok  playbooks/[a-z0-9-]+\\.yaml  \\(\\d+ nodes, shipped\\)"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo(files + " of " + files + " playbook(s) clean.");
    }

    @Test
    void testNeedsAPlaybookAndCases() {
        commands.test(a.out, List.of());
        assertThat(a.run()).isEqualTo(new Adapters.Run(2, "Name the playbook: playbook test <id-or-file> [case files...]. Cases default to "
                + dir.resolve("tests") + "/<id>/.\n"));
        commands.test(a.out, List.of("walk"));
        assertThat(a.run()).isEqualTo(new Adapters.Run(2, "No test cases for 'walk' in " + dir.resolve("tests").resolve("walk")
                + ". Write one (see 'Playbook tests' in playbooks/README.md) or name case files after the playbook.\n"));
    }
}
