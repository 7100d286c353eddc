package dev.tshoot.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import dev.tshoot.transcript.TranscriptVerifier;

/** {@code transcript verify}, {@code transcript list}, {@code transcript save}. */
@Component
public class TranscriptCommands {

    private final TshootPaths paths;
    private final SessionHolder holder;
    private final ExitCode exit;

    public TranscriptCommands(TshootPaths paths, SessionHolder holder, ExitCode exit) {
        this.paths = paths;
        this.holder = holder;
        this.exit = exit;
    }

    @Command(name = "transcript verify", group = "Transcripts",
            description = "Check a transcript's hash chain (exit 0 intact, 1 broken, 2 unreadable)",
            completionProvider = "transcriptCompletion")
    public void verify(CommandContext ctx, @Argument(index = 0, description = "transcript file") String file) {
        PrintWriter out = ctx.outputWriter();
        if (file == null || file.isBlank()) {
            out.println("Name the transcript: transcript verify <file>. 'transcript list' shows them.");
            exit.set(ExitCode.BAD_INPUT);
            return;
        }
        Path p = resolve(file);
        TranscriptVerifier.Result r = new TranscriptVerifier().verify(p);
        String label = switch (r.status()) {
            case OK -> Console.green("OK");
            case TORN_TAIL -> Console.yellow("TORN TAIL");
            case BROKEN -> Console.red("BROKEN");
            case UNREADABLE -> Console.red("UNREADABLE");
        };
        out.println(label + "  " + p);
        out.println("  " + r.message());
        out.flush();
        exit.set(r.exitStatus());
    }

    @Command(name = "transcript list", group = "Transcripts", description = "List recorded transcripts, newest first")
    public void list(CommandContext ctx) {
        PrintWriter out = ctx.outputWriter();
        List<Path> files = files();
        if (files.isEmpty()) {
            out.println("No transcripts in " + paths.transcripts() + " yet. 'start <playbook>' or 'run' records one.");
        }
        files.forEach(f -> out.println(f));
        out.flush();
    }

    @Command(name = "transcript save", group = "Transcripts",
            description = "Write the running session's transcript to another file (when the folder could not be written)")
    public void save(CommandContext ctx, @Argument(index = 0, description = "target file") String target) {
        PrintWriter out = ctx.outputWriter();
        if (holder.writer() == null) {
            out.println("No session has been recorded in this shell. Nothing to save.");
            exit.set(ExitCode.BAD_INPUT);
            return;
        }
        if (target == null || target.isBlank()) {
            out.println("Name the file to save to: transcript save <file>.");
            exit.set(ExitCode.BAD_INPUT);
            return;
        }
        try {
            holder.writer().saveTo(Path.of(target));
            out.println("Saved; recording continues in " + holder.writer().file());
        } catch (IOException e) {
            out.println(Console.red("Could not save to " + target + ": " + e.getMessage()) + ". Try another folder.");
            exit.set(ExitCode.BAD_INPUT);
        }
        out.flush();
    }

    List<Path> files() {
        if (!Files.isDirectory(paths.transcripts())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(paths.transcripts())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                    .sorted(java.util.Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    Path resolve(String file) {
        Path p;
        try {
            p = Path.of(file);
        } catch (java.nio.file.InvalidPathException e) {
            return Path.of(file.replace('\0', '?')); // a NUL cannot be in a file name: reported as not found
        }
        if (!Files.exists(p) && !p.isAbsolute() && Files.exists(paths.transcripts().resolve(file))) {
            return paths.transcripts().resolve(file);
        }
        return p;
    }
}
