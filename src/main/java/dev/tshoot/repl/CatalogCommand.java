package dev.tshoot.repl;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;

import dev.tshoot.shell.Catalog;
import dev.tshoot.shell.CommandSpec;
import dev.tshoot.shell.Help;

/**
 * One catalog command as a Spring Shell command. {@link CatalogParser} hands it the rest of the
 * line as typed; it runs it exactly as the one-shot front end does ({@link Catalog#execute}). The
 * exit status lives in {@link dev.tshoot.shell.ExitCode}: Spring Shell's own status is always OK,
 * since its REPL prints a non-OK status as an error line of its own.
 */
final class CatalogCommand implements Command {

    /** The name of the command that answers a line naming no command (not hidden: Spring Shell cannot run hidden ones). */
    static final String UNKNOWN = "\u0000unknown";

    private final CommandSpec spec;
    private final Catalog catalog;
    private final java.util.function.Supplier<org.jline.terminal.Terminal> terminal;

    CatalogCommand(CommandSpec spec, Catalog catalog) {
        this(spec, catalog, null);
    }

    /** With the shell's terminal: Ctrl-C while the command runs interrupts it instead of ending tshoot. */
    CatalogCommand(CommandSpec spec, Catalog catalog, java.util.function.Supplier<org.jline.terminal.Terminal> terminal) {
        this.spec = spec;
        this.catalog = catalog;
        this.terminal = terminal;
    }

    /** Says what the line's first words should have been, as one-shot use does. */
    static Command unknown(Catalog catalog) {
        return new Command() {
            @Override
            public String getName() { return UNKNOWN; }

            @Override
            public ExitStatus execute(CommandContext ctx) {
                String line = rest(ctx);
                ctx.outputWriter().println(catalog.unknown(java.util.List.of(line.strip().split("\\s+"))));
                ctx.outputWriter().flush();
                catalog.exit().set(dev.tshoot.shell.ExitCode.BAD_INPUT);
                return ExitStatus.OK;
            }
        };
    }

    @Override
    public String getName() { return spec.name(); }

    @Override
    public String getDescription() { return spec.description(); }

    @Override
    public String getGroup() { return spec.group(); }

    @Override
    public String getHelp() { return Help.synopsis(spec); }

    CommandSpec spec() { return spec; }

    @Override
    public ExitStatus execute(CommandContext ctx) {
        org.jline.terminal.Terminal t = terminal == null ? null : terminal.get();
        if (t == null) {
            catalog.execute(spec, rest(ctx), ctx.outputWriter());
            return ExitStatus.OK;
        }
        // Ctrl-C reaches the JVM as SIGINT while no line is being read, and would end tshoot with the
        // session unclosed: here it interrupts the command (a running process is killed, see
        // ProcessRunner) and the prompt comes back
        Thread running = Thread.currentThread();
        java.util.concurrent.atomic.AtomicBoolean hit = new java.util.concurrent.atomic.AtomicBoolean();
        org.jline.terminal.Terminal.SignalHandler previous = t.handle(org.jline.terminal.Terminal.Signal.INT, sig -> {
            hit.set(true);
            running.interrupt();
        });
        try {
            catalog.execute(spec, rest(ctx), reflowed(ctx.outputWriter(), t));
        } finally {
            t.handle(org.jline.terminal.Terminal.Signal.INT, previous);
            Thread.interrupted();
            if (hit.get()) {
                t.puts(org.jline.utils.InfoCmp.Capability.cursor_visible);
                ctx.outputWriter().println("(Ctrl-C: '" + spec.name() + "' was interrupted)");
                ctx.outputWriter().flush();
            }
        }
        return ExitStatus.OK;
    }

    /**
     * On a terminal that is not dumb, tshoot's lines are broken between words at its width (read
     * at each line, so a resized terminal is followed); elsewhere they go out as they are.
     */
    static java.io.PrintWriter reflowed(java.io.PrintWriter out, org.jline.terminal.Terminal t) {
        if (t == null || org.jline.terminal.Terminal.TYPE_DUMB.equals(t.getType())
                || org.jline.terminal.Terminal.TYPE_DUMB_COLOR.equals(t.getType())) {
            return out;
        }
        return new java.io.PrintWriter(dev.tshoot.text.Reflow.writer(out, t::getWidth), true);
    }

    private static String rest(CommandContext ctx) {
        CommandArgument a = ctx.getArgumentByIndex(0);
        return a == null || a.value() == null ? "" : a.value();
    }
}
