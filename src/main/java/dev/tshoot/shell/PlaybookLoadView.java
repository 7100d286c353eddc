package dev.tshoot.shell;

import java.io.PrintWriter;

import dev.tshoot.app.PlaybookLoad;
import dev.tshoot.playbook.Playbook;

/** Renders why a playbook a command names cannot be used; every way a load can fail is handled. */
final class PlaybookLoadView implements PlaybookLoad.Visitor<Playbook> {

    private final PrintWriter out;

    private PlaybookLoadView(PrintWriter out) {
        this.out = out;
    }

    /** The playbook, or null after saying why not and setting the exit status. */
    static Playbook use(PlaybookLoad load, PrintWriter out, ExitCode exit) {
        Playbook p = load.accept(new PlaybookLoadView(out));
        if (p == null) {
            exit.set(load.exitStatus());
            out.flush();
        }
        return p;
    }

    @Override
    public Playbook loaded(PlaybookLoad.Loaded loaded) {
        return loaded.playbook();
    }

    @Override
    public Playbook notNamed(PlaybookLoad.NotNamed notNamed) {
        out.println("Name a playbook: e.g. 'playbook show <id>'. 'playbook list' shows the ids.");
        return null;
    }

    @Override
    public Playbook notFound(PlaybookLoad.NotFound notFound) {
        out.println(notFound.message());
        return null;
    }

    @Override
    public Playbook invalid(PlaybookLoad.Invalid invalid) {
        out.println(Console.red("Playbook " + invalid.file() + " cannot be used: it has " + invalid.findings().size()
                + " problem(s):"));
        Console.findings(out, invalid.findings());
        out.println("Fix them (see playbooks/README.md) and try again; 'playbook lint " + invalid.id() + "' re-checks.");
        return null;
    }
}
