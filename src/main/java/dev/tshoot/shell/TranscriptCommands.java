package dev.tshoot.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import dev.tshoot.app.TranscriptFiles;
import dev.tshoot.app.TranscriptIndex;
import dev.tshoot.text.SafeText;
import dev.tshoot.transcript.Seal;
import dev.tshoot.transcript.TranscriptVerifier;

/** {@code transcript verify}, {@code transcript list}, {@code transcript save}. */
public class TranscriptCommands {

    private final TshootPaths paths;
    private final SessionHolder holder;
    private final ExitCode exit;

    public TranscriptCommands(TshootPaths paths, SessionHolder holder, ExitCode exit) {
        this.paths = paths;
        this.holder = holder;
        this.exit = exit;
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

    void list(PrintWriter out) {
        List<Path> files = files();
        if (files.isEmpty()) {
            out.println("No transcripts in " + paths.transcripts() + " yet. 'start <playbook>' or 'run' records one.");
        } else {
            out.print(table(TranscriptIndex.rows(files)));
        }
        out.flush();
    }

    /** Started, playbook, outcome or state, events, file: one line each, columns aligned. */
    static String table(List<TranscriptIndex.Row> rows) {
        List<String[]> cells = new java.util.ArrayList<>();
        cells.add(new String[] {"STARTED", "PLAYBOOK", "STATE", "EVENTS", "FILE"});
        for (TranscriptIndex.Row r : rows) {
            cells.add(new String[] {SafeText.inline(r.startedAt()), SafeText.inline(r.playbook()), SafeText.inline(r.state()),
                r.events() < 0 ? "-" : Long.toString(r.events()), SafeText.inline(r.file().getFileName().toString())});
        }
        int[] w = new int[5];
        cells.forEach(c -> { for (int i = 0; i < 5; i++) { w[i] = Math.max(w[i], c[i].length()); } });
        StringBuilder sb = new StringBuilder();
        for (String[] c : cells) {
            for (int i = 0; i < 4; i++) {
                sb.append(String.format("%-" + w[i] + "s  ", c[i]));
            }
            sb.append(c[4]).append('\n');
        }
        return sb.toString();
    }

    void save(PrintWriter out, String target) {
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

    /** The commands this adapter runs, as both front ends know them. */
    static java.util.List<CommandSpec> commands(java.util.function.Supplier<TranscriptCommands> self) {
        return java.util.List.of(
                CommandSpec.command("transcript verify", "Transcripts",
                        "Check a transcript's hash chain, and its seal with --seal (exit 0 intact, 1 broken, torn or not the sealed one, 2 unreadable)")
                        .arg("transcript", "transcript file")
                        .option("seal", "code", "the seal code shown when the session ended")
                        .complete(CommandSpec.Completion.TRANSCRIPT)
                        .run((a, out) -> self.get().verify(out, a.arg(0), a.value("seal"))),
                CommandSpec.command("transcript list", "Transcripts",
                        "List recorded transcripts, newest first: started, playbook, outcome or state (open: not closed), events, file")
                        .run((a, out) -> self.get().list(out)),
                CommandSpec.command("transcript save", "Transcripts",
                        "Write the running session's transcript to another file (when the folder could not be written)")
                        .arg("file", "target file")
                        .run((a, out) -> self.get().save(out, a.arg(0))));
    }
}
