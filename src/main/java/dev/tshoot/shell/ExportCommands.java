package dev.tshoot.shell;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import dev.tshoot.transcript.export.ExportJob;

/**
 * {@code export <transcript> --format md|html|json|cast|bundle --out <file> [--force]} and
 * {@code export <transcript> --preview-redactions}. Exit 0 written, 2 bad input.
 */
@Component
public class ExportCommands {

    private final TshootPaths paths;
    private final ExitCode exit;

    public ExportCommands(TshootPaths paths, ExitCode exit) {
        this.paths = paths;
        this.exit = exit;
    }

    @Command(name = "export", group = "Transcripts",
            description = "Export a transcript for a ticket or escalation: md, html, json, cast or bundle (exit 0 written, 2 bad input)",
            completionProvider = "transcriptCompletion")
    public void export(CommandContext ctx, @Argument(index = 0, description = "transcript file") String transcript,
            @Option(longName = "format", shortName = 'f', description = "md, html, json, cast or bundle (default: from --out's extension)") String format,
            @Option(longName = "out", shortName = 'o', description = "the file to write") String out,
            @Option(longName = "force", description = "overwrite --out if it exists") boolean force,
            @Option(longName = "preview-redactions", description = "list what was redacted at record time; writes nothing") boolean preview) {
        int status = new ExportJob(paths.transcripts(), paths.playbooks())
                .run(new ExportJob.Request(transcript, format, out, force, preview), ctx.outputWriter());
        exit.set(status);
    }
}
