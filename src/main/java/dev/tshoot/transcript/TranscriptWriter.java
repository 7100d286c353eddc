package dev.tshoot.transcript;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tshoot.engine.EventSink;
import dev.tshoot.engine.SessionEvent;
import dev.tshoot.transcript.redact.RedactionRules;
import dev.tshoot.transcript.redact.Redactor;

/**
 * Appends a session to a JSON Lines file: the header, then one sealed line per event, each
 * written (and by default forced to disk) before {@link #accept} returns, so a killed process
 * loses nothing it had already shown. The file is created new, readable by its owner only.
 *
 * <p>If the disk refuses a write, the writer warns once through {@code warnings}, keeps every
 * line from then on in memory, and {@link #saveTo(Path)} can write the whole transcript elsewhere.
 */
public final class TranscriptWriter implements EventSink, AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private Path file;
    private final boolean force;
    private final Consumer<String> warnings;
    private final List<String> unsaved = new ArrayList<>();
    private final Redactor redactor;
    private FileChannel channel;
    private String prev;
    private long lines;
    private boolean failed;
    private boolean ended;

    private TranscriptWriter(Path file, FileChannel channel, boolean force, Consumer<String> warnings,
            Redactor redactor) {
        this.redactor = redactor;
        this.file = file;
        this.channel = channel;
        this.force = force;
        this.warnings = warnings;
    }

    /** {@code <UTC timestamp>_<playbook id>_<short id>.jsonl} */
    public static String fileName(TranscriptHeader h) {
        return STAMP.format(h.startedAt()) + "_" + h.playbook().id() + "_" + h.sessionId() + ".jsonl";
    }

    /**
     * Creates the transcript file in {@code dir} and writes the header. When the folder cannot be
     * written, the transcript is kept in memory and {@code warnings} is told at once.
     */
    public static TranscriptWriter create(Path dir, TranscriptHeader header, boolean force, Consumer<String> warnings) {
        return create(dir, header, force, warnings, RedactionRules.defaults().newRedactor(warnings));
    }

    /** As {@link #create(Path, TranscriptHeader, boolean, Consumer)}, redacting events with {@code redactor}. */
    public static TranscriptWriter create(Path dir, TranscriptHeader header, boolean force, Consumer<String> warnings,
            Redactor redactor) {
        Path file = dir.resolve(fileName(header));
        return create(file, header, force, warnings, redactor, () -> {
            Files.createDirectories(dir);
            return FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND), ownerOnly());
        });
    }

    /** Opens the channel a transcript is written to (tests stand in a disk that fills up). */
    interface Opener {
        FileChannel open() throws IOException;
    }

    static TranscriptWriter create(Path file, TranscriptHeader header, boolean force, Consumer<String> warnings,
            Opener opener) {
        return create(file, header, force, warnings, RedactionRules.defaults().newRedactor(warnings), opener);
    }

    static TranscriptWriter create(Path file, TranscriptHeader header, boolean force, Consumer<String> warnings,
            Redactor redactor, Opener opener) {
        TranscriptWriter w = new TranscriptWriter(file, null, force, warnings, redactor);
        // the header line is made before the file exists, so that the file is empty only for the time of one write
        // the header is redacted too (a playbook title can hold a secret), before it is hashed
        ObjectNode head = TranscriptJson.encode(header);
        redactor.redactHeader(head);
        String first = w.chain(head);
        String problem = null;
        try {
            w.channel = opener.open();
        } catch (IOException | UnsupportedOperationException e) {
            problem = plain(e);
        }
        if (w.channel == null) {
            w.unsaved.add(first);
            w.fail("cannot create the transcript " + file + " (" + problem + ")");
        } else {
            w.write(first);
        }
        return w;
    }

    /** Why a file could not be created, in words (no exception class names in front of users). */
    static String plain(Exception e) {
        if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            return f.getFile() + " is in the way: it exists and is not a folder";
        }
        if (e instanceof java.nio.file.AccessDeniedException f) {
            return "permission denied on " + f.getFile();
        }
        if (e instanceof java.nio.file.NoSuchFileException f) {
            return f.getFile() + " does not exist";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason() + (f.getFile() != null ? " (" + f.getFile() + ")" : "");
        }
        if (e instanceof UnsupportedOperationException) {
            return "the file system does not support owner-only files";
        }
        return String.valueOf(e.getMessage());
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }

    public Path file() { return file; }

    /** True when the disk refused a write; the rest of the session is held in memory. */
    public boolean failed() { return failed; }

    /**
     * The session's seal ({@link Seal#code}): the head of the hash chain once the last line recorded
     * is the {@code session-ended} event, or null while the session is open. It covers every line,
     * on disk or held in memory.
     */
    public synchronized String sealCode() {
        return ended ? Seal.code(prev) : null;
    }

    private long seqOffset;

    /**
     * For a resumed session, whose events go on numbering from the {@code rebuilt} events of the
     * earlier transcript: this file numbers them from 1, as every transcript does.
     */
    public synchronized void continuesAfter(long rebuilt) {
        this.seqOffset = rebuilt;
    }

    /** Number of lines (header included) recorded so far, on disk or in memory. */
    public long lines() { return lines; }

    /**
     * Records an event: every string value is redacted first (rules, plus values the playbook marks
     * secret), and a line where anything was withheld gets {@code "redactions": {"<rule>": count}},
     * covered by its hash. A secret never reaches the disk.
     */
    @Override
    public void accept(SessionEvent event) {
        ObjectNode node = TranscriptJson.encode(event);
        synchronized (this) {
            if (seqOffset != 0) {
                node.put("seq", event.seq() - seqOffset); // a resumed session: this file numbers its own events from 1
            }
            java.util.Map<String, Integer> counts = redactExceptTyped(node, event.pastCap());
            if (!counts.isEmpty()) {
                ObjectNode r = node.putObject("redactions");
                counts.forEach(r::put);
            }
            append(node);
        }
    }

    /**
     * Redacts every string value except the members of closed vocabularies (such as {@code status}
     * or {@code via}): they hold no secret, and a reader refuses a value outside the vocabulary, so a
     * secret that happens to equal one of their names must not replace it. They are set aside as
     * non-text for the redactor and put back in place (the member order does not change).
     */
    private java.util.Map<String, Integer> redactExceptTyped(ObjectNode node,
            dev.tshoot.engine.Diagnostics.CommandData.PastCap pastCap) {
        java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> typed = new java.util.LinkedHashMap<>();
        for (String m : dev.tshoot.transcript.wire.WireCodec.typedMembers(node)) {
            typed.put(m, node.get(m));
            node.putNull(m);
        }
        java.util.Map<String, Integer> counts = redactor.redact(node,
                java.util.Map.of("stdout", pastCap.stdout(), "stderr", pastCap.stderr()));
        typed.forEach(node::set);
        return counts;
    }

    /** Withholds a value the playbook marks secret from every later line (rule {@code playbook-secret}). */
    @Override
    public synchronized void secret(String value) {
        redactor.addSecret(value);
    }

    private synchronized void append(com.fasterxml.jackson.databind.node.ObjectNode node) {
        write(chain(node));
    }

    /** The next line, chained to the one before and ending in a newline. */
    private String chain(com.fasterxml.jackson.databind.node.ObjectNode node) {
        TranscriptJson.Sealed s = TranscriptJson.seal(node, prev == null ? "" : prev);
        prev = s.hash();
        ended = "session-ended".equals(node.path("type").asText());
        lines++;
        return s.line() + "\n";
    }

    private void write(String line) {
        if (failed) {
            unsaved.add(line);
            return;
        }
        try {
            ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            if (force) {
                channel.force(false);
            }
        } catch (IOException e) {
            unsaved.add(line);
            fail("writing " + file + " failed (" + e.getMessage() + ")");
        }
    }

    private void fail(String why) {
        failed = true;
        warnings.accept("Transcript not saved: " + why + ". The session goes on and is kept in memory;" + SAVE_HINT);
    }

    /** How the warning of a failed write ends in the shell, where {@code transcript save} can still run. */
    public static final String SAVE_HINT = " use 'transcript save <file>' to write it somewhere else.";

    /**
     * What {@link #rescue} did: {@code savedTo} is the fallback file holding the whole transcript, or
     * {@code lost} says exactly which lines are lost; both null when every line reached the file.
     */
    public record Rescue(Path original, Path savedTo, String lost) {
        /** Whether the transcript did not reach {@code original} whole. */
        public boolean needed() { return savedTo != null || lost != null; }
    }

    /**
     * For a run that ends when the session does (nobody is left to type {@code transcript save}): if a
     * write failed, writes the whole transcript to {@code tshoot-<name>.jsonl} in {@code fallbackDir}
     * (a new file; a number is added when the name is taken), or says which lines are lost.
     */
    public synchronized Rescue rescue(Path fallbackDir) {
        Path original = file;
        if (!failed) {
            return new Rescue(original, null, null);
        }
        long onDisk = lines - unsaved.size();
        String name = original.getFileName() == null ? "transcript" : original.getFileName().toString();
        name = "tshoot-" + (name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name);
        String why = null;
        for (int i = 1; i <= 100 && why == null; i++) {
            Path target = fallbackDir.resolve(name + (i == 1 ? "" : "-" + i) + ".jsonl");
            try {
                saveTo(target);
                return new Rescue(original, target, null);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (!target.equals(Path.of(String.valueOf(e.getFile())))) {
                    why = plain(e); // something else is in the way, such as a file where the folder should be
                }
            } catch (IOException | RuntimeException e) {
                why = plain(e);
            }
        }
        if (why == null) {
            why = "100 files named " + name + "*.jsonl are in the way";
        }
        return new Rescue(original, null, "lines " + (onDisk + 1) + " to " + lines + " of " + lines + " ("
                + unsaved.size() + " line(s), the last being the end of the session) are lost: neither " + original
                + " nor the fallback folder " + fallbackDir + " could take them (" + why + "). "
                + (onDisk == 0 ? "Nothing reached " + original + "."
                        : "Lines 1 to " + onDisk + " are in " + original + "; a part of line " + (onDisk + 1)
                                + " may follow them (a torn tail)."));
    }

    /**
     * Writes the whole transcript (what reached the original file plus what is held in memory) to
     * {@code target}, and continues recording there.
     */
    public synchronized void saveTo(Path target) throws IOException {
        List<String> all = new ArrayList<>();
        if (Files.isReadable(file)) {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n') + 1; // drop a torn last line, if any
            if (end > 0) {
                all.add(text.substring(0, end));
            }
        }
        all.addAll(unsaved);
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel ch = FileChannel.open(target, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), ownerOnly());
        try {
            for (String s : all) {
                ByteBuffer buf = ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
            ch.force(false);
        } catch (IOException e) {
            ch.close(); // a part-written copy is no copy: the lines are still held here
            Files.deleteIfExists(target);
            throw e;
        }
        closeQuietly();
        channel = ch;
        file = target;
        unsaved.clear();
        failed = false;
    }

    private void closeQuietly() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more can be done; the data was forced or is held in memory
            }
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }
}
