package dev.tshoot.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import dev.tshoot.playbook.CaseFile;
import dev.tshoot.playbook.Finding;
import dev.tshoot.playbook.Node;
import dev.tshoot.playbook.Nodes;
import dev.tshoot.playbook.Playbook;

/** Runs a playbook's test cases and reports which outcomes they reach. */
public final class PlaybookTests {

    /** All results, unusable case files, and the outcomes no case reached. */
    public record Report(List<CaseRunner.Result> results, List<Finding> badCases, Set<String> uncovered) {
        public boolean passed() {
            return badCases.isEmpty() && results.stream().allMatch(CaseRunner.Result::passed);
        }
    }

    private PlaybookTests() {}

    /** The default case folder for a playbook: {@code <playbooks>/tests/<id>/}. */
    public static Path caseDir(Path playbooksDir, String id) {
        return playbooksDir.resolve("tests").resolve(id);
    }

    public static List<Path> caseFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public static Report run(Playbook pb, List<Path> cases, SessionEngine engine) {
        List<CaseRunner.Result> results = new ArrayList<>();
        List<Finding> bad = new ArrayList<>();
        Set<String> reached = new LinkedHashSet<>();
        for (Path p : cases) {
            CaseFile c = CaseFile.read(p);
            if (!c.ok()) {
                bad.addAll(c.findings());
                continue;
            }
            CaseRunner.Result r = CaseRunner.run(pb, c, engine);
            results.add(r);
            if (r.outcome() != null) {
                reached.add(r.outcome());
            }
        }
        Set<String> uncovered = new TreeSet<>();
        for (Node n : pb.nodes().values()) {
            if (Nodes.kind(n) == Nodes.Kind.OUTCOME && !reached.contains(n.id())) {
                uncovered.add(n.id());
            }
        }
        return new Report(results, bad, uncovered);
    }
}
