package dev.tshoot.transcript.export;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import dev.tshoot.transcript.TranscriptReader;

/**
 * The {@code export} command without the shell: checks the request, reads the transcript, writes
 * the export (to a temporary file first, then moved into place, readable by its owner only) and
 * says what it did. Exit 0 written (or previewed), 2 bad input. Messages say what, where and what
 * to do next; no stack trace.
 */
public final class ExportJob {

    public static final int OK = 0;
    public static final int BAD_INPUT = 2;

    /** What the user asked for; any member but {@code transcript} may be null or false. */
    public record Request(String transcript, String format, String out, boolean force, boolean previewRedactions) {}

    private final Path transcriptsDir;
    private final Path playbooksDir;

    /** {@code transcriptsDir} resolves bare transcript names; {@code playbooksDir} is one more place for the playbook. */
    public ExportJob(Path transcriptsDir, Path playbooksDir) {
        this.transcriptsDir = transcriptsDir;
        this.playbooksDir = playbooksDir;
    }

    public int run(Request req, PrintWriter out) {
        try {
            return execute(req, out);
        } finally {
            out.flush();
        }
    }

    private int execute(Request req, PrintWriter out) {
        if (req.transcript() == null || req.transcript().isBlank()) {
            return bad(out, "Name the transcript: export <transcript> --format md|html|json|cast|bundle --out <file>."
                    + " 'transcript list' shows the recorded ones.");
        }
        Path transcript = resolve(req.transcript());
        if (transcript == null) {
            return bad(out, "'" + req.transcript() + "' is not a valid path. Name a transcript file; 'transcript list' shows them.");
        }
        if (req.previewRedactions()) {
            ExportSource source = load(transcript, out);
            if (source == null) {
                return BAD_INPUT;
            }
            out.print(RedactionPreview.render(source));
            if (req.out() != null && !req.out().isBlank()) {
                out.println("(--out " + req.out() + " was not written.)");
            }
            return OK;
        }
        ExportFormat format;
        if (req.format() == null || req.format().isBlank()) {
            Optional<ExportFormat> implied = ExportFormat.fromFileName(req.out());
            if (implied.isEmpty()) {
                return bad(out, "Name the format: --format " + String.join("|", ExportFormat.ids())
                        + " (or give --out a name ending in .md, .html, .json, .cast or .zip).");
            }
            format = implied.get();
        } else {
            Optional<ExportFormat> f = ExportFormat.parse(req.format());
            if (f.isEmpty()) {
                return bad(out, ExportFormat.unknown(req.format()));
            }
            format = f.get();
        }
        if (req.out() == null || req.out().isBlank()) {
            return bad(out, "Name the file to write: --out <file>, for example --out " + suggestedName(transcript, format) + ".");
        }
        if (req.out().equals("-")) {
            return toStandardOutput(transcript, format, out);
        }
        Path target;
        try {
            target = Path.of(req.out());
        } catch (InvalidPathException e) {
            return bad(out, "Cannot write '" + req.out() + "': it is not a valid path (" + e.getReason() + "). Choose another --out.");
        }
        String problem = targetProblem(target, transcript, req.force());
        if (problem != null) {
            return bad(out, problem);
        }
        ExportSource source = load(transcript, out);
        if (source == null) {
            return BAD_INPUT;
        }
        byte[] bytes = new Exporter().export(source, format);
        String written = write(target, bytes, req.force());
        if (written != null) {
            return bad(out, written);
        }
        out.println("Wrote " + target + " (" + format.id() + ", " + bytes.length + " bytes) from " + transcript + ".");
        out.println("Integrity: " + source.integrity().headline()
                + (source.integrity().status() == dev.tshoot.transcript.TranscriptVerifier.Status.OK ? ""
                        : ". " + source.integrity().message()));
        out.println(source.integrity().advice());
        if (format != ExportFormat.JSON && format != ExportFormat.CAST) {
            out.println("Playbook: " + source.playbook().message()
                    + (source.playbook().found() ? " (" + source.playbook().path() + ")" : "") + ".");
        }
        return OK;
    }

    private static String targetProblem(Path target, Path transcript, boolean force) {
        if (Files.isDirectory(target)) {
            return "Cannot write " + target + ": it is a folder. Give --out a file name, for example "
                    + target.resolve(suggestedName(transcript, ExportFormat.HTML)) + ".";
        }
        try {
            if (Files.exists(target) && Files.exists(transcript) && Files.isSameFile(target, transcript)) {
                return "Refusing to write over the transcript itself (" + transcript + "). Choose another --out.";
            }
        } catch (IOException e) {
            // fall through: the checks below report what is wrong
        }
        if (Files.exists(target) && !force) {
            return target + " already exists. Add --force to overwrite it, or choose another --out.";
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return "Cannot write " + target + ": the folder " + parent + " does not exist. Create it, or choose another --out.";
        }
        if (!Files.isWritable(parent)) {
            return "Cannot write " + target + ": the folder " + parent + " is not writable. Choose another --out.";
        }
        return null;
    }

    /** Writes through a temporary file in the same folder; returns a message on failure, null when written. */
    private static String write(Path target, byte[] bytes, boolean force) {
        Path parent = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(parent, ".tshoot-export-", ".tmp"); // owner-only where POSIX permissions exist
            Files.write(tmp, bytes);
            if (force) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(tmp, target);
            }
            tmp = null;
            return null;
        } catch (FileAlreadyExistsException e) {
            return target + " already exists. Add --force to overwrite it, or choose another --out.";
        } catch (AccessDeniedException e) {
            return "Cannot write " + target + ": permission denied. Choose another --out.";
        } catch (IOException e) {
            return "Cannot write " + target + ": " + e.getMessage() + ". Choose another --out.";
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a stray temporary file is harmless
                }
            }
        }
    }

    /** {@code --out -}: the export itself on standard output, nothing else (a zip is binary: a file only). */
    private int toStandardOutput(Path transcript, ExportFormat format, PrintWriter out) {
        if (format.id().equals("bundle")) {
            return bad(out, "A bundle is a zip file: it cannot go to standard output. Give --out a file name, for example --out "
                    + suggestedName(transcript, format) + ".");
        }
        ExportSource source = load(transcript, out);
        if (source == null) {
            return BAD_INPUT;
        }
        out.print(new String(new Exporter().export(source, format), java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
        return OK;
    }

    private ExportSource load(Path transcript, PrintWriter out) {
        try {
            return ExportSource.load(transcript, playbooksDir);
        } catch (TranscriptReader.UnreadableException e) {
            out.println("Cannot export: " + e.getMessage());
            return null;
        }
    }

    private Path resolve(String file) {
        return resolve(file, transcriptsDir);
    }

    /**
     * A file named on the command line: as given when it exists (or is absolute), else under
     * {@code transcriptsDir} when it is there; null when it is not a valid path.
     */
    public static Path resolve(String file, Path transcriptsDir) {
        try {
            Path p = Path.of(file);
            if (!Files.exists(p) && !p.isAbsolute() && transcriptsDir != null && Files.exists(transcriptsDir.resolve(file))) {
                return transcriptsDir.resolve(file);
            }
            return p;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    static String suggestedName(Path transcript, ExportFormat format) {
        String name = transcript.getFileName() == null ? "transcript" : transcript.getFileName().toString();
        if (name.endsWith(".jsonl")) {
            name = name.substring(0, name.length() - ".jsonl".length());
        }
        return name + format.extension();
    }

    private static int bad(PrintWriter out, String message) {
        out.println(message);
        return BAD_INPUT;
    }
}
