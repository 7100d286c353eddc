package dev.tshoot.transcript.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tshoot.playbook.BoundedFiles;
import dev.tshoot.transcript.TranscriptJson;
import dev.tshoot.transcript.TranscriptReader;
import dev.tshoot.transcript.TranscriptReader.UnreadableException;

/**
 * Everything an export is made from: the decoded transcript with its integrity verdict, the exact
 * file bytes, every line as raw JSON (members this version does not model, such as
 * {@code redactions}, stay visible), and the pinned playbook if it can still be found.
 */
public record ExportSource(TranscriptReader.Transcript transcript, byte[] bytes, ObjectNode rawHeader,
        List<ObjectNode> rawEvents, Integrity integrity, PinnedPlaybook playbook) {

    public ExportSource {
        rawEvents = List.copyOf(rawEvents);
    }

    /**
     * The largest transcript an export reads: an export holds the whole case in memory and renders
     * it as one page; {@code replay} and {@code transcript verify} stream and have no such limit.
     */
    public static final int MAX_BYTES = 256 << 20;

    /** Reads {@code file}; {@code playbooksDir} (nullable) is one more place to look for the playbook. */
    public static ExportSource load(Path file, Path playbooksDir) throws UnreadableException {
        return load(file, playbooksDir, MAX_BYTES);
    }

    static ExportSource load(Path file, Path playbooksDir, int maxBytes) throws UnreadableException {
        TranscriptReader.header(file); // missing, not regular, not a transcript: the reader's own words
        byte[] bytes;
        try {
            bytes = BoundedFiles.read(file, maxBytes, "transcript");
        } catch (BoundedFiles.Refused e) {
            throw new UnreadableException(e.getMessage() + (e.problem() == BoundedFiles.Problem.TOO_LARGE
                    ? " An export renders the whole case as one page; 'transcript verify' and 'replay' read"
                    + " a transcript of any size." : ""));
        } catch (IOException e) {
            throw new UnreadableException("Could not read " + file + ": " + e.getMessage());
        }
        TranscriptReader.Transcript t = TranscriptReader.read(file);
        ObjectNode header = null;
        List<ObjectNode> events = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            ObjectNode n = parse(line);
            if (n == null) {
                continue; // a torn or damaged line: the integrity verdict says so
            }
            if (header == null) {
                header = n;
            } else {
                events.add(n);
            }
        }
        if (header == null) {
            throw new UnreadableException(file + " holds no readable transcript header.");
        }
        return new ExportSource(t, bytes, header, events, Integrity.of(t.integrity()),
                PinnedPlaybook.find(t.header().playbook(), file, playbooksDir));
    }

    /** The transcript's file name (exports name the source by its name only, never its folder). */
    public String fileName() {
        Path name = transcript.file().getFileName();
        return name == null ? transcript.file().toString() : name.toString();
    }

    private static ObjectNode parse(String line) {
        String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (l.isBlank()) {
            return null;
        }
        try {
            JsonNode n = TranscriptJson.MAPPER.readTree(l);
            return n instanceof ObjectNode o ? o : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
