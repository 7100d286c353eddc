package dev.tshoot.shell;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import org.jline.terminal.Terminal;
import java.util.function.Supplier;

import dev.tshoot.app.MatchJson;
import dev.tshoot.app.MatchSymptoms;
import dev.tshoot.app.Steering;
import dev.tshoot.engine.Session;
import dev.tshoot.playbook.PlaybookCatalog;
import dev.tshoot.playbook.SymptomMatcher;

/** {@code match "<error text>"} / {@code match --file <log>}: which playbook and entry node fit the error. */
public class MatchCommand {

    private final PlaybookCatalog catalog;
    private final SessionHolder holder;
    private final SessionDriver driver;
    private final Prompter prompter;
    private final Supplier<Terminal> terminal;
    private final ExitCode exit;

    public MatchCommand(PlaybookCatalog catalog, SessionHolder holder, SessionDriver driver, Prompter prompter,
            Supplier<Terminal> terminal, ExitCode exit) {
        this.catalog = catalog;
        this.holder = holder;
        this.driver = driver;
        this.prompter = prompter;
        this.terminal = terminal;
        this.exit = exit;
    }

    void match(PrintWriter out, List<String> words, String file, boolean start, boolean json) {
        MatchSymptoms.Result r = MatchSymptoms.match(catalog, file, words);
        if (json) {
            out.println(MatchJson.render(r));
            out.flush();
            if (r.exitStatus() != ExitCode.OK) {
                exit.set(r.exitStatus());
            }
            return;
        }
        MatchView view = new MatchView(out, start);
        SymptomMatcher.Candidate chosen = r.accept(view);
        out.flush();
        if (r.exitStatus() != ExitCode.OK) {
            exit.set(r.exitStatus());
        }
        if (chosen != null) {
            Session s = holder.start(chosen.playbook(), out);
            out.println(Console.dim("Recording to " + holder.writer().file()));
            String problem = Steering.startAt(s, chosen, view.text);
            if (problem != null) {
                out.println(Console.yellow(problem));
            }
            driver.drive(s, out);
        }
    }

    /** Prints the candidates and returns the one to start (with --start, or picked from a menu), or null. */
    private final class MatchView implements MatchSymptoms.Result.Visitor<SymptomMatcher.Candidate> {
        private final PrintWriter out;
        private final boolean start;
        private String text;

        MatchView(PrintWriter out, boolean start) {
            this.out = out;
            this.start = start;
        }

        @Override
        public SymptomMatcher.Candidate refused(MatchSymptoms.Refused r) {
            out.println(r.message());
            return null;
        }

        @Override
        public SymptomMatcher.Candidate noMatch(MatchSymptoms.NoMatch n) {
            out.println("No playbook declares a symptom that matches this text. 'playbook list' shows the playbooks;"
                    + " 'start <id>' walks one from its first question.");
            for (SymptomMatcher.Near c : n.closest()) {
                out.println("  Closest: " + Console.bold(c.playbook().id()) + " at node '" + c.node() + "': symptom " + c.symptom()
                        + (c.description() != null ? " (" + c.description() + ")" : "") + " shares the words "
                        + String.join(", ", c.shared()));
            }
            return null;
        }

        @Override
        public SymptomMatcher.Candidate found(MatchSymptoms.Found f) {
            text = f.text();
            List<SymptomMatcher.Candidate> found = f.candidates();
            for (int i = 0; i < found.size(); i++) {
                SymptomMatcher.Candidate c = found.get(i);
                out.println((i + 1) + ". " + Console.bold(c.playbook().id()) + " at node '" + c.node() + "'  "
                        + Console.dim("(score " + c.score() + ")"));
                for (SymptomMatcher.Hit h : c.hits()) {
                    out.println("     symptom " + h.symptom() + (h.description() != null ? " (" + h.description() + ")" : "")
                            + " matched: \"" + MatchSymptoms.shorten(h.matched()) + "\"");
                }
            }
            out.flush();
            if (start) {
                return found.get(0);
            }
            if (!interactive()) {
                return null;
            }
            List<Prompter.Item> items = new ArrayList<>();
            for (int i = 0; i < found.size(); i++) {
                items.add(new Prompter.Item(String.valueOf(i), "Start " + found.get(i).playbook().id() + " at " + found.get(i).node()));
            }
            items.add(new Prompter.Item("none", "Don't start a session"));
            String pick = prompter.select("Start a session?", items);
            return pick == null || pick.equals("none") ? null : found.get(Integer.parseInt(pick));
        }
    }

    private boolean interactive() {
        if (!Console.terminal()) {
            return false;
        }
        String type = terminal.get().getType();
        return type != null && !type.startsWith("dumb");
    }

    /** The commands this adapter runs, as both front ends know them. */
    static java.util.List<CommandSpec> commands(java.util.function.Supplier<MatchCommand> self) {
        return java.util.List.of(
                CommandSpec.command("match", "Playbooks",
                        "Find the playbook and entry node for a pasted error text or log (exit 0 found, 1 none, 2 bad input)")
                        .text("text", "the text, as typed")
                        .option("file", "file", "read the error text from a file (a log)")
                        .flag("start", "start the best match at once")
                        .flag("json", "print the ranked candidates (or the closest playbooks) as one JSON object; starts nothing")
                        .needsRepl(a -> a.flag("start") && !a.flag("json"))
                        .run((a, out) -> self.get().match(out, a.text().isEmpty() ? java.util.List.of() : java.util.List.of(a.text()),
                                a.value("file"), a.flag("start"), a.flag("json"))));
    }
}
