package dev.tshoot.shell;

import java.io.PrintWriter;
import java.nio.file.Path;

import dev.tshoot.app.LintPlaybooks;
import dev.tshoot.app.ListPlaybooks;
import dev.tshoot.app.TestPlaybook;
import dev.tshoot.engine.PlaybookTests;
import dev.tshoot.playbook.Node;
import dev.tshoot.playbook.Nodes;
import dev.tshoot.text.SafeText;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.Provenance;

/** How {@code playbook list}, {@code show}, {@code lint} and {@code test} print their results. */
final class PlaybookViews {

    private PlaybookViews() {}

    static void list(PrintWriter out, ListPlaybooks.Listing listing) {
        if (listing.rows().isEmpty()) {
            out.println("No playbooks in " + listing.dir() + ". Put *.yaml playbooks there, or point tshoot elsewhere"
                    + " with -Dtshoot.playbooks=<folder>.");
            return;
        }
        out.println(Console.bold(String.format("%-40s %-9s %-11s %s", "ID", "VERSION", "SIGNATURE", "TITLE")));
        for (ListPlaybooks.Row r : listing.rows()) {
            String title = r.valid() ? SafeText.inline(r.title())
                    : Console.red("invalid: " + r.findings() + " finding(s); run 'playbook lint " + r.id() + "'");
            String sig = r.provenance() == null ? "-" : r.provenance().label();
            out.println(String.format("%-40s %-9s %-11s %s", SafeText.inline(r.id()), SafeText.inline(r.version()),
                    sig, title));
        }
    }

    static void show(PrintWriter out, Playbook p) {
        show(out, p, null);
    }

    /** {@code provenance}: who signed it, shown after the file (null: not shown). */
    static void show(PrintWriter out, Playbook p, Provenance provenance) {
        var m = p.metadata();
        out.println(Console.bold(m.title()) + "  (" + SafeText.inline(m.id()) + " " + SafeText.inline(m.version()) + ")");
        out.print(Console.indent(m.description(), "  "));
        if (!m.platforms().isEmpty()) {
            out.println("Platforms: " + SafeText.inline(String.join(", ", m.platforms())));
        }
        if (!m.tags().isEmpty()) {
            out.println("Tags:      " + SafeText.inline(String.join(", ", m.tags())));
        }
        out.println("File:      " + SafeText.inline(String.valueOf(p.file())) + "  sha256 " + p.sha256().substring(0, 16) + "…");
        if (provenance != null) {
            out.println("Signature: " + SafeText.line(provenance.describe()));
        }
        out.println("Start:     " + SafeText.inline(p.start()));
        out.println(Console.bold("Nodes (" + p.nodes().size() + "):"));
        for (Node n : p.nodes().values()) {
            String targets = n.targets().isEmpty() ? "" : Console.dim(" -> " + String.join(", ", n.targets()));
            out.println(String.format("  %-36s %-18s %s%s", SafeText.inline(n.id()), kind(n), SafeText.shorten(n.headline(), 50), targets));
        }
        out.println(Console.bold("Sources:"));
        m.sources().forEach(s -> out.println("  " + SafeText.inline(s)));
    }

    /** The kind shown in {@code playbook show}: the node's type, with the result for an outcome. */
    static String kind(Node n) {
        Node.Outcome o = Nodes.outcome(n);
        return o != null ? "outcome:" + o.result().yamlName() : n.type();
    }

    static void lint(PrintWriter out, LintPlaybooks.Report report) {
        report.problems().forEach(l -> out.println(SafeText.block(l)));
        for (LintPlaybooks.Checked c : report.checked()) {
            if (c.clean()) {
                out.println(Console.green("ok") + "  " + c.file() + "  (" + c.result().playbook().nodes().size() + " nodes"
                        + (c.provenance() == null ? "" : ", " + SafeText.line(c.provenance().status()
                                == Provenance.Status.UNSIGNED || c.provenance().status() == Provenance.Status.SHIPPED
                                ? c.provenance().label() : c.provenance().describe())) + ")");
            } else {
                Console.findings(out, c.result().findings());
                out.println(Console.red(c.result().unreadable() ? "unreadable" : c.result().findings().size() + " finding(s)")
                        + "  " + c.file());
            }
        }
        if (report.checked().size() > 1) {
            out.println(report.clean() + " of " + report.checked().size() + " playbook(s) clean.");
        }
    }

    static void noCases(PrintWriter out, Path playbooksDir, Playbook p) {
        out.println("No test cases for '" + p.id() + "' in " + PlaybookTests.caseDir(playbooksDir, p.id())
                + ". Write one (see 'Playbook tests' in playbooks/README.md) or name case files after the playbook.");
    }

    static void test(PrintWriter out, PlaybookTests.Report report) {
        for (var r : report.results()) {
            if (r.passed()) {
                out.println(Console.green("PASS") + "  " + SafeText.inline(r.name()) + Console.dim("  -> " + r.outcome()));
            } else {
                out.println(Console.red("FAIL") + "  " + SafeText.inline(r.name()) + "  (" + SafeText.inline(String.valueOf(r.file())) + ")");
                out.println("      " + SafeText.block(r.failure()));
            }
        }
        if (!report.badCases().isEmpty()) {
            out.println(Console.red("Case files that cannot be used:"));
            Console.findings(out, report.badCases());
        }
        out.println(TestPlaybook.passed(report) + " of " + report.results().size() + " case(s) passed"
                + (report.uncovered().isEmpty() ? "; every outcome is reached by a case."
                        : "; outcomes no case reaches: " + String.join(", ", report.uncovered()) + "."));
    }
}
