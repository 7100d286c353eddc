package dev.tshoot.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import dev.tshoot.app.TranscriptFiles;
import dev.tshoot.text.SafeText;
import dev.tshoot.transcript.Seal;
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
            description = "Check a transcript's hash chain, and its seal with --seal (exit 0 intact, 1 broken, torn or"
                    + " not the sealed one, 2 unreadable)",
            completionProvider = "transcriptCompletion")
    public void verify(CommandContext ctx, @Argument(index = 0, description = "transcript file") String file,
            @Option(longName = "seal", description = "the seal code shown when the session ended") String seal) {
        verify(ctx.outputWriter(), file, seal);
    }

    void verify(PrintWriter out, String file) {
        verify(out, file, null);
    }

    void verify(PrintWriter out, String file, String seal) {
        if (file == null || file.isBlank()) {
            out.println("Name the transcript: transcript verify <file>. 'transcript list' shows them.");
            exit.set(ExitCode.BAD_INPUT);
            return;
        }
        String digits = seal == null || seal.isBlank() ? null : Seal.digits(seal);
        if (seal != null && !seal.isBlank() && digits == null) {
            out.println(Seal.refused(seal));
            out.flush();
            exit.set(ExitCode.BAD_INPUT);
            return;
        }
        Path p = resolve(file);
        TranscriptVerifier.Result r = new TranscriptVerifier().verify(p, digits);
        String label = switch (r.status()) {
            case OK -> Console.green(r.seal() == TranscriptVerifier.SealCheck.MATCHED ? "SEALED" : "OK");
            case TORN_TAIL -> Console.yellow("TORN TAIL");
            case BROKEN -> Console.red("BROKEN");
            case SEAL_MISMATCH -> Console.red("SEAL MISMATCH");
            case UNREADABLE -> Console.red("UNREADABLE");
        };
        out.println(label + "  " + SafeText.inline(p.toString()));
        out.println("  " + SafeText.block(r.message()));
        if (r.meaning() != null) {
            out.println("  " + r.meaning());
        }
        if (r.seal() == TranscriptVerifier.SealCheck.NOT_GIVEN && r.sealCode() != null) {
            out.println("  Seal of this file: " + r.sealCode() + ". It must be the code shown when the session ended:"
                    + " transcript verify <file> --seal <code> checks it.");
        }
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

    /** The recorded transcripts, newest first. */
    List<Path> files() {
        return new TranscriptFiles(paths.transcripts()).list();
    }

    /** The file a transcript argument names: as given, or in the transcripts folder. */
    Path resolve(String file) {
        return new TranscriptFiles(paths.transcripts()).resolve(file);
    }
}
