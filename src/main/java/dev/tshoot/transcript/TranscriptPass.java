package dev.tshoot.transcript;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.tshoot.engine.SessionEvent;
import dev.tshoot.transcript.TranscriptReader.UnreadableException;
import dev.tshoot.transcript.wire.WireCodec;
import dev.tshoot.transcript.wire.WireFormatException;
import dev.tshoot.transcript.wire.WireStream;

/**
 * One pass over a transcript file that decodes its events and, when asked, walks its hash chain
 * at the same time: each line is read from the file once, hashed on its bytes, and parsed once by
 * the streaming parser that also builds its event ({@link LineParser}, {@link WireStream}). A line
 * the streaming reader does not take is read the way it always was (its JSON tree, then
 * {@link WireCodec#decode} or {@link TranscriptV1}), which refuses it with the same message.
 */
final class TranscriptPass {

    /** What a verifying pass found: the header, the chain's verdict, and the first line that is not of the format (or null). */
    record Outcome(TranscriptHeader header, TranscriptVerifier.Result chain, UnreadableException notOfTheFormat) {}

    private TranscriptPass() {}

    /**
     * Streams the events of {@code file} to the sink {@code sinks} gives for its header; {@code skipped}
     * runs once per line left out (as {@link TranscriptReader#stream}). Without {@code verify}, a
     * version-2 line that is not of the format ends the pass with its {@link UnreadableException};
     * with it, decoding stops there but the chain is still walked, and the outcome holds both.
     * {@code untilBroken}: stop reading once the chain is broken (nothing after that can be trusted).
     */
    static Outcome run(Path file, boolean verify, boolean untilBroken,
            Function<TranscriptHeader, Consumer<SessionEvent>> sinks, Runnable skipped) throws UnreadableException {
        return run(file, verify, untilBroken, sinks, skipped, Set.of(), () -> { }, false);
    }

    /**
     * As above; an event line whose type is in {@code skim} is checked as any other but not built:
     * {@code skimmed} runs for it instead of the sink (for a reader that ignores those events).
     * {@code handOff}: the sink (and {@code skipped}, {@code skimmed}) run on a thread of their own ({@link SinkThread}).
     */
    static Outcome run(Path file, boolean verify, boolean untilBroken,
            Function<TranscriptHeader, Consumer<SessionEvent>> sinks, Runnable skipped, Set<String> skim,
            Runnable skimmed, boolean handOff) throws UnreadableException {
        return run(file, verify, verify, untilBroken, sinks, skipped, skim, skimmed, handOff);
    }

    /**
     * As above; {@code ahead}: split and hash on a read-ahead thread ({@link LineSource}). Without it
     * a verifying pass checks every hash on this thread: for a reader of many small files, which
     * shares its cores across files instead (a thread and its hand-offs per file cost more there).
     */
    static Outcome run(Path file, boolean verify, boolean ahead, boolean untilBroken,
            Function<TranscriptHeader, Consumer<SessionEvent>> sinks, Runnable skipped, Set<String> skim,
            Runnable skimmed, boolean handOff) throws UnreadableException {
        TranscriptReader.requireRegular(file);
        SinkThread thread = null;
        try (LineSource src = new LineSource(file, verify && ahead)) {
            LineSource.Line first = src.next();
            TranscriptHeader header = TranscriptReader.readHeader(first, file);
            ChainWalk chain = verify ? new ChainWalk(null) : null;
            TranscriptVerifier.Result verdict = verify ? chain.header(first) : null;
            Consumer<SessionEvent> sink = sinks.apply(header);
            if (handOff) {
                thread = new SinkThread(sink, skimmed, skipped);
            }
            LineParser lines = new LineParser(src);
            Decoder decoder = new Decoder(lines, header.formatVersion() == TranscriptV1.VERSION, file, skim);
            UnreadableException failure = null;
            LineSource.Line line;
            while ((line = src.next()) != null) {
                decoder.reset();
                if (verify && verdict == null) {
                    verdict = chain.next(line, failure == null ? decoder::envelope : lines::envelope);
                }
                if (untilBroken && verdict != null && verdict.status() == TranscriptVerifier.Status.BROKEN) {
                    break;
                }
                if (failure != null) {
                    if (verdict != null) {
                        break;
                    }
                    continue;
                }
                try {
                    SessionEvent e = decoder.event(line);
                    if (thread != null) {
                        if (decoder.skimmed) {
                            thread.skimmed();
                        } else if (e == null) {
                            thread.skipped();
                        } else {
                            thread.event(e, line.length());
                        }
                    } else if (decoder.skimmed) {
                        skimmed.run();
                    } else if (e == null) {
                        skipped.run(); // a torn or damaged line: verification reports it
                    } else {
                        sink.accept(e);
                    }
                } catch (UnreadableException ex) {
                    if (!verify) {
                        throw ex;
                    }
                    failure = ex;
                }
            }
            if (verify && verdict == null) {
                verdict = chain.finish();
            }
            if (thread != null) {
                thread.finish(); // every event handed over has reached the sink
            }
            return new Outcome(header, verdict, failure);
        } catch (IOException e) {
            throw new UnreadableException("Could not read " + file + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableException("Reading " + file + " was interrupted.");
        } finally {
            if (thread != null) {
                thread.close();
            }
        }
    }

    /** Decodes one line at a time, on the streaming path when it can, and hands the chain what it read. */
    private static final class Decoder {
        private final LineParser lines;
        private final boolean v1;
        private final Path file;
        private final Set<String> skim;
        private boolean done;
        /** The line was checked and not built: its type is one the reader skims. */
        boolean skimmed;
        private SessionEvent event;
        private UnreadableException failure;
        private LineParser.Envelope envelope;

        Decoder(LineParser lines, boolean v1, Path file, Set<String> skim) {
            this.skim = skim;
            this.lines = lines;
            this.v1 = v1;
            this.file = file;
        }

        void reset() {
            done = false;
            skimmed = false;
            event = null;
            failure = null;
            envelope = null;
        }

        /** The line's chain members, decoding it on the way; null when it was read through its tree. */
        LineParser.Envelope envelope(LineSource.Line line) throws IOException {
            decode(line);
            return envelope;
        }

        /** The line's event, or null when it is left out; a version-2 line not of the format is refused. */
        SessionEvent event(LineSource.Line line) throws IOException, UnreadableException {
            decode(line);
            if (failure != null) {
                throw failure;
            }
            return event;
        }

        private void decode(LineSource.Line line) throws IOException {
            if (done) {
                return;
            }
            done = true;
            // the streaming path reads well-formed UTF-8 only; other bytes are read as text with replacements, as always
            if (!v1 && !line.tooLong() && line.utf8()) {
                JsonParser p = lines.at(line);
                if (p != null) {
                    try {
                        WireStream.Line w = WireStream.event(p, skim);
                        if (w != null && lines.closedAt(line)) {
                            if (w.event() == null) {
                                skimmed = true;
                                envelope = new LineParser.Envelope(w.seq(), w.prev(), w.type());
                                return;
                            }
                            event = WireMapping.toEngine(w.event());
                            envelope = new LineParser.Envelope(w.event().seq(), w.prev(), w.type());
                            return;
                        }
                    } catch (JsonProcessingException e) {
                        // not JSON: read on its own below
                    }
                    lines.drop();
                }
            }
            JsonNode n = parse(line.text());
            if (n == null || !n.isObject()) {
                return; // left out
            }
            if (v1) {
                try {
                    event = TranscriptV1.decode(n);
                } catch (JsonProcessingException ex) {
                    event = null; // version 1 readers skip what they cannot map
                }
                return;
            }
            try {
                event = WireMapping.toEngine(WireCodec.decode(n, line.number()));
            } catch (WireFormatException ex) {
                failure = new UnreadableException(file + ", " + ex.getOriginalMessage());
            }
        }
    }

    private static JsonNode parse(String text) {
        try {
            return TranscriptJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
