package dev.tshoot.repl;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandRegistry;

import dev.tshoot.shell.Catalog;
import dev.tshoot.shell.OneShot;
import dev.tshoot.shell.Wiring;

/**
 * Runs one invocation through either front end, each time on a fresh wiring over the shipped
 * playbooks and a scratch transcripts folder: typed at the REPL (Spring Shell's executor with
 * tshoot's parser and the registered catalog commands), or as program arguments to the one-shot
 * front end (which hands what needs the shell to the shell's one-command run).
 */
final class FrontEnds {

    private final Path dir;
    private final Path transcripts;

    FrontEnds(Path dir, Path transcripts) {
        this.dir = dir;
        this.transcripts = transcripts;
    }

    record Result(int exit, String out) {}

    Wiring wiring() {
        Map<String, String> props = Map.of("tshoot.playbooks", Path.of("playbooks").toAbsolutePath().toString(),
                "tshoot.transcripts", transcripts.toString(), "tshoot.home", dir.toString());
        return new Wiring(props::get, "test", false, Wiring.oneShotTerminals());
    }

    Result repl(List<String> words) throws Exception {
        Wiring w = wiring();
        Catalog catalog = w.catalog(true);
        Set<Command> commands = new HashSet<>();
        catalog.commands().forEach(c -> commands.add(new CatalogCommand(c, catalog)));
        commands.add(CatalogCommand.unknown(catalog));
        CommandRegistry registry = new CommandRegistry(commands);
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        var parsed = new CatalogParser(catalog).parse(typed(words));
        catalog.exit().reset();
        new CommandExecutor(registry).execute(new CommandContext(parsed, registry, out, new InputReader() { }));
        out.flush();
        w.close();
        return new Result(catalog.exit().get(), normal(text.toString()));
    }

    Result oneShot(List<String> words) {
        Wiring w = wiring();
        Catalog catalog = w.catalog(false);
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        String[] argv = words.toArray(String[]::new);
        int code = OneShot.run(argv, catalog, out);
        if (code == OneShot.NEEDS_REPL) {
            code = ReplRunner.runOnce(argv, w.catalog(true), out);
        }
        out.flush();
        w.close();
        return new Result(code, normal(text.toString()));
    }

    /** The words as a user types them at the prompt: quoted where they hold blanks. */
    static String typed(List<String> words) {
        List<String> q = new ArrayList<>();
        for (String w : words) {
            q.add(w.matches(".*\\s.*") ? "\"" + w + "\"" : w);
        }
        return String.join(" ", q);
    }

    /** The only differences allowed: the shell's help opening lines, transcript file names and seals made by a run. */
    String normal(String s) {
        return s.replaceAll("(?m)^(Usage: tshoot .*\\n.*tshoot <command ...>.*|Type a command; Tab completes.*)\\n", "<opening>\n")
                .replace(transcripts.toString(), "<transcripts>")
                .replaceAll("<transcripts>/[^\\s]+\\.jsonl", "<transcripts>/<file>.jsonl")
                .replaceAll("\\b[0-9a-f]{4}(-[0-9a-f]{4}){5}\\b", "<seal>");
    }
}
