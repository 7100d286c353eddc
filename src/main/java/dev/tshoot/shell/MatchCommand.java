package dev.tshoot.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import dev.tshoot.engine.Session;
import dev.tshoot.engine.SessionException;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookCatalog;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.playbook.SymptomMatcher;

/** {@code match "<error text>"} / {@code match --file <log>}: which playbook and entry node fit the error. */
@Component
public class MatchCommand {

    private final PlaybookCatalog catalog;
    private final SessionHolder holder;
    private final SessionDriver driver;
    private final Prompter prompter;
    private final ObjectProvider<Terminal> terminal;
    private final ExitCode exit;

    public MatchCommand(PlaybookCatalog catalog, SessionHolder holder, SessionDriver driver, Prompter prompter,
            ObjectProvider<Terminal> terminal, ExitCode exit) {
        this.catalog = catalog;
        this.holder = holder;
        this.driver = driver;
        this.prompter = prompter;
        this.terminal = terminal;
        this.exit = exit;
    }

    @Command(name = "match", group = "Playbooks",
            description = "Find the playbook and entry node for a pasted error text or log (exit 0 found, 1 none, 2 bad input)")
    public void match(CommandContext ctx, @Arguments List<String> words,
            @Option(longName = "file", description = "read the error text from a file (a log)") String file,
            @Option(longName = "start", description = "start the best match at once") boolean start) {
        PrintWriter out = ctx.outputWriter();
        String text;
        if (file != null && !file.isBlank()) {
            try {
                long size = Files.size(Path.of(file));
                if (size > 16L * 1024 * 1024) {
                    out.println("The file " + file + " is " + size + " bytes; give at most 16 MiB (the part of the log with the error).");
                    exit.set(ExitCode.BAD_INPUT);
                    return;
                }
                text = new String(Files.readAllBytes(Path.of(file)), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                out.println("Cannot read " + file + ": " + e.getMessage() + ". Check the path.");
                exit.set(ExitCode.BAD_INPUT);
                return;
            }
        } else {
            text = words == null ? "" : String.join(" ", words);
        }
        if (text.isBlank()) {
            out.println("Paste the error text: match \"<error text>\", or give a log: match --file <log>.");
            exit.set(ExitCode.BAD_INPUT);
            return;
        }
        List<Playbook> playbooks = catalog.loadAll().stream().filter(PlaybookLoader.Result::valid)
                .map(PlaybookLoader.Result::playbook).toList();
        List<SymptomMatcher.Candidate> found = SymptomMatcher.match(text, playbooks);
        if (found.isEmpty()) {
            out.println("No playbook declares a symptom that matches this text. 'playbook list' shows the playbooks;"
                    + " 'start <id>' walks one from its first question.");
            exit.set(ExitCode.FINDINGS);
            out.flush();
            return;
        }
        for (int i = 0; i < Math.min(found.size(), 5); i++) {
            SymptomMatcher.Candidate c = found.get(i);
            out.println((i + 1) + ". " + Console.bold(c.playbook().id()) + " at node '" + c.node() + "'  "
                    + Console.dim("(score " + c.score() + ")"));
            for (SymptomMatcher.Hit h : c.hits()) {
                out.println("     symptom " + h.symptom() + (h.description() != null ? " (" + h.description() + ")" : "")
                        + " matched: \"" + shorten(h.matched()) + "\"");
            }
        }
        out.flush();
        SymptomMatcher.Candidate chosen = null;
        if (start) {
            chosen = found.get(0);
        } else if (interactive()) {
            List<Prompter.Item> items = new ArrayList<>();
            for (int i = 0; i < Math.min(found.size(), 5); i++) {
                items.add(new Prompter.Item(String.valueOf(i), "Start " + found.get(i).playbook().id() + " at " + found.get(i).node()));
            }
            items.add(new Prompter.Item("none", "Don't start a session"));
            String pick = prompter.select("Start a session?", items);
            if (pick != null && !pick.equals("none")) {
                chosen = found.get(Integer.parseInt(pick));
            }
        }
        if (chosen != null) {
            begin(chosen, text, out);
        }
    }

    private void begin(SymptomMatcher.Candidate c, String text, PrintWriter out) {
        Session s = holder.start(c.playbook(), out);
        out.println(Console.dim("Recording to " + holder.writer().file()));
        try {
            s.note("Started from the error text (symptom " + String.join(", ", c.hits().stream().map(SymptomMatcher.Hit::symptom)
                    .toList()) + "): " + shorten(SymptomMatcher.normalise(text)));
            if (!c.node().equals(s.current().id())) {
                s.jump(c.node());
            }
        } catch (SessionException e) {
            out.println(Console.yellow(e.getMessage()));
        }
        driver.drive(s, out);
    }

    private boolean interactive() {
        String type = terminal.getObject().getType();
        return Console.terminal() && type != null && !type.startsWith("dumb");
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 160 ? one.substring(0, 157) + "..." : one;
    }
}
