package dev.tshoot.shell;

import java.io.PrintWriter;

import dev.tshoot.transcript.export.ExportJob;

/**
 * {@code export <transcript> --format md|html|json|cast|bundle --out <file> [--force]} and
 * {@code export <transcript> --preview-redactions}. Exit 0 written, 2 bad input.
 */
public class ExportCommands {

    private final TshootPaths paths;
    private final ExitCode exit;

    public ExportCommands(TshootPaths paths, ExitCode exit) {
        this.paths = paths;
        this.exit = exit;
    }

    void export(PrintWriter out, String transcript, String format, String outFile, boolean force, boolean preview) {
        ExportJob job = new ExportJob(paths.transcripts(), paths.playbooks());
        ExportJob.Request request = new ExportJob.Request(transcript, format, outFile, force, preview);
        int status;
        if ("-".equals(outFile) && Console.terminal()) {
            // the export on a terminal: its text goes through the text layer like everything else shown there
            java.io.StringWriter text = new java.io.StringWriter();
            status = job.run(request, new PrintWriter(text));
            out.print(dev.tshoot.text.SafeText.block(text.toString()));
            out.flush();
        } else {
            status = job.run(request, out);
        }
        exit.set(status);
    }

    /** The commands this adapter runs, as both front ends know them. */
    static java.util.List<CommandSpec> commands(java.util.function.Supplier<ExportCommands> self) {
        return java.util.List.of(
                CommandSpec.command("export", "Transcripts",
                        "Export a transcript for a ticket or escalation: md, html, json, cast or bundle (exit 0 written, 2 bad input)")
                        .arg("transcript", "transcript file")
                        .option("format", 'f', "format", "md, html, json, cast or bundle (default: from --out's extension)")
                        .option("out", 'o', "file", "the file to write; - for standard output")
                        .flag("force", "overwrite --out if it exists")
                        .flag("preview-redactions", "list what was redacted at record time; writes nothing")
                        .complete(CommandSpec.Completion.TRANSCRIPT)
                        .run((a, out) -> self.get().export(out, a.arg(0), a.value("format"), a.value("out"), a.flag("force"), a.flag("preview-redactions"))));
    }
}
