package dev.tshoot.shell;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;

import dev.tshoot.app.ConsentFile;
import dev.tshoot.engine.SessionEngine;
import dev.tshoot.playbook.OsFamily;
import dev.tshoot.playbook.PlaybookCatalog;
import dev.tshoot.probe.HostDiagnostics;
import dev.tshoot.probe.ProbeRegistry;
import dev.tshoot.probe.oshi.OshiHostReader;
import dev.tshoot.probe.process.ProcessRunner;
import dev.tshoot.probe.process.SystemProcessRunner;
import dev.tshoot.transcript.Recorder;
import dev.tshoot.transcript.redact.RedactionRules;

/**
 * The composition root, without a framework: what every command needs, made on first use, and the
 * command catalog over it. The one-shot front end uses it directly; the REPL's Spring configuration
 * makes one with the shell's terminal and exposes its parts. The terminal, line reader and prompter
 * come from the front end.
 */
public final class Wiring {

    /** What only a front end can give: the terminal, its line reader, and the menu prompter. */
    public record Terminals(Supplier<Terminal> terminal, Supplier<LineReader> reader, Supplier<Prompter> prompter) {}

    private final Terminals terminals;
    private final ExitCode exit = new ExitCode();
    private final TshootPaths paths;
    private final String version;
    private final Lazy<PlaybookCatalog> catalog;
    private final Lazy<HostDiagnostics> diagnostics;
    private final Lazy<SessionEngine> engine;
    private final Lazy<Recorder> recorder;
    private final Lazy<ConsentFile.Loaded> consent;
    private final Lazy<SessionHolder> holder;
    private final Lazy<SessionDriver> driver;

    public Wiring(Function<String, String> settings, String version, boolean fsync, Terminals terminals) {
        this.terminals = terminals;
        this.version = version;
        this.paths = new TshootPaths(settings);
        // the probe names are constants: listing them does not touch oshi
        this.catalog = Lazy.of(() -> new PlaybookCatalog(paths.playbooks(), Set.copyOf(ProbeRegistry.builtin().names())));
        // the real host: probes over oshi (made on the first probe), commands through the process runner
        this.diagnostics = Lazy.of(() -> {
            ProcessRunner processes = new SystemProcessRunner();
            return new HostDiagnostics(ProbeRegistry.builtin(), processes, () -> new OshiHostReader(processes),
                    OsFamily.current());
        });
        this.engine = Lazy.of(() -> {
            SecureRandom random = new SecureRandom();
            return new SessionEngine(Clock.systemUTC(), () -> {
                byte[] b = new byte[4];
                random.nextBytes(b);
                return HexFormat.of().formatHex(b);
            });
        });
        this.recorder = Lazy.of(() -> new Recorder(engine.get(), paths.transcripts(), version, fsync,
                RedactionRules.load(paths.redaction(), paths.redactionNamed())));
        // tshoot's read-only list with the user's consent file
        this.consent = Lazy.of(() -> ConsentFile.load(paths.consent(), paths.consentNamed()).with(
                dev.tshoot.app.TrustedKeysFile.load(paths.trustedKeys(), paths.trustedKeysNamed(), paths.playbooks())));
        this.holder = Lazy.of(() -> new SessionHolder(recorder.get(), diagnostics.get(), consent.get()));
        this.driver = Lazy.of(() -> new SessionDriver(deferred(terminals.prompter())));
    }

    /**
     * For one-shot use: a system terminal made only if a command asks for one; no menus (an
     * invocation that needs them runs in the interactive shell, see {@link OneShot}).
     */
    public static Terminals oneShotTerminals() {
        Lazy<Terminal> terminal = Lazy.of(() -> {
            try {
                return org.jline.terminal.TerminalBuilder.builder().system(true).dumb(true).build();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Cannot open the terminal", e);
            }
        });
        Lazy<LineReader> reader = Lazy.of(() -> org.jline.reader.LineReaderBuilder.builder().terminal(terminal.get()).build());
        return new Terminals(terminal, reader, () -> {
            throw new IllegalStateException("this needs the interactive shell: run 'tshoot' and type the command there");
        });
    }

    /** A prompter asked for only when a question is put, so commands that ask nothing never need one. */
    private static Prompter deferred(Supplier<Prompter> prompter) {
        return new Prompter() {
            @Override
            public String select(String title, List<Item> items) {
                return prompter.get().select(title, items);
            }

            @Override
            public String input(String title, boolean secret) {
                return prompter.get().input(title, secret);
            }
        };
    }

    /** With tshoot's own settings ({@link Settings}). */
    public static Wiring standard(Terminals terminals) {
        return new Wiring(Settings::property, Settings.version(), Settings.fsync(), terminals);
    }

    /** Every command; {@code repl} only changes the help's opening lines. */
    public Catalog catalog(boolean repl) {
        Lazy<TranscriptCommands> transcripts = Lazy.of(() -> new TranscriptCommands(paths, holder.get(), exit));
        List<CommandSpec> all = new ArrayList<>();
        all.addAll(PlaybookCommands.commands(Lazy.of(() -> new PlaybookCommands(catalog.get(), engine.get(), exit, consent.get()))));
        all.addAll(SigningCommands.commands(Lazy.of(() -> new SigningCommands(catalog.get(), paths, consent.get(), exit))));
        all.addAll(MatchCommand.commands(Lazy.of(() -> new MatchCommand(catalog.get(), holder.get(), driver.get(),
                deferred(terminals.prompter()), terminals.terminal(), exit))));
        all.addAll(PasteCommand.commands(Lazy.of(() -> new PasteCommand(catalog.get(), System.in, exit))));
        all.addAll(SessionCommands.commands(Lazy.of(() -> new SessionCommands(catalog.get(), holder.get(), driver.get(), exit))));
        all.addAll(ResumeCommand.commands(Lazy.of(() -> new ResumeCommand(catalog.get(), holder.get(), driver.get(),
                new dev.tshoot.app.TranscriptFiles(paths.transcripts()), exit))));
        all.addAll(RunCommand.commands(Lazy.of(() -> new RunCommand(catalog.get(), recorder.get(), diagnostics.get(), exit,
                consent.get()))));
        all.addAll(SessionInfoCommands.commands(Lazy.of(() -> new SessionInfoCommands(holder.get(), exit))));
        all.addAll(TranscriptCommands.commands(transcripts));
        all.addAll(ReplayCommands.commands(Lazy.of(() -> new ReplayCommands(catalog.get(), engine.get(), transcripts.get(),
                terminals.reader(), terminals.terminal(), exit))));
        all.addAll(ExportCommands.commands(Lazy.of(() -> new ExportCommands(paths, exit))));
        all.addAll(SendCommand.commands(Lazy.of(() -> new SendCommand(paths, exit))));
        all.addAll(StatsCommand.commands(Lazy.of(() -> new StatsCommand(catalog.get(), exit))));
        all.addAll(ProbeCommands.commands(Lazy.of(() -> new ProbeCommands(diagnostics.get(), exit))));
        // the terminal's clear sequence from the text layer; nothing when the output is not a terminal
        all.add(CommandSpec.command("clear", "Shell", "Clear the screen").run((a, out) -> {
            out.print(Console.clearScreen());
            out.flush();
        }));
        all.addAll(VersionCommand.commands(Lazy.of(() -> new VersionCommand(version, paths))));
        Catalog[] made = new Catalog[1];
        all.add(Completions.command(Lazy.of(() -> new Completions(made[0], this)), exit));
        made[0] = new Catalog(all, exit, version, repl);
        return made[0];
    }

    /** Closes a session still open (as interrupted), so its transcript ends cleanly, and shows its seal. */
    public void close() {
        if (holder.made()) {
            holder.get().shutdown(Console.reflowed(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.out,
                    java.nio.charset.StandardCharsets.UTF_8), true)));
        }
    }

    public ExitCode exit() { return exit; }

    public Recorder recorder() { return recorder.get(); }

    public TshootPaths paths() { return paths; }

    public PlaybookCatalog playbooks() { return catalog.get(); }

    public HostDiagnostics diagnostics() { return diagnostics.get(); }

    public SessionHolder holder() { return holder.get(); }

    /** The transcripts folder's files, newest first (for completion). */
    public List<Path> transcriptFiles() {
        return new dev.tshoot.app.TranscriptFiles(paths.transcripts()).list();
    }
}
