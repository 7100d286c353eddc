package dev.tshoot.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;


import dev.tshoot.playbook.PlaybookCatalog;
import dev.tshoot.probe.ProbeRegistry;

/** What adapter tests share: a command context writing to a string, the catalog and paths as the shell builds them. */
final class Adapters {

    /** The output of the commands run so far; {@link #take()} returns it and starts afresh. */
    final StringWriter text = new StringWriter();
    final PrintWriter out = new PrintWriter(text);
    final ExitCode exit = new ExitCode();

    String take() {
        out.flush();
        String s = text.toString();
        text.getBuffer().setLength(0);
        return s;
    }

    /** Takes the output and the exit status, and resets the status as the one-shot runner does per command. */
    Run run() {
        Run r = new Run(exit.get(), take());
        exit.reset();
        return r;
    }

    record Run(int exit, String out) {}

    static PlaybookCatalog catalog(Path dir) {
        return new PlaybookCatalog(dir, java.util.Set.copyOf(ProbeRegistry.builtin().names()));
    }

    static TshootPaths paths(Path playbooks, Path transcripts) {
        return new TshootPaths(new Props().withProperty("tshoot.playbooks", playbooks.toString())
                .withProperty("tshoot.transcripts", transcripts.toString()));
    }
}
