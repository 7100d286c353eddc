package dev.tshoot.shell;

import java.io.PrintWriter;

import dev.tshoot.engine.Diagnostics;

/** Says what is running while a probe or command runs, then hands over to the real diagnostics. */
final class ProgressDiagnostics implements Diagnostics {

    private final Diagnostics delegate;
    private final PrintWriter out;

    ProgressDiagnostics(Diagnostics delegate, PrintWriter out) {
        this.delegate = delegate;
        this.out = out;
    }

    @Override
    public dev.tshoot.playbook.OsFamily osFamily() {
        return delegate.osFamily();
    }

    @Override
    public ProbeData probe(String node, String name) {
        out.println(Console.dim("  ... running probe '" + name + "'"));
        out.flush();
        return delegate.probe(node, name);
    }

    @Override
    public CommandData run(CommandRequest request) {
        out.println(Console.dim("  ... running: " + SessionView.argv(request.shown())
                + " (time-out " + request.timeout().toSeconds() + " s)"));
        out.flush();
        return delegate.run(request);
    }
}
