package dev.tshoot.transcript;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Streaming JSON over the lines of a {@link LineSource}: one Jackson parser reads every complete
 * line of a chunk in turn, straight from the reader's buffer (no text, no tree, no parser per line).
 * A line is read this way only when it begins with {@code {}; its object must end exactly where the
 * line ends ({@link #closedAt}). Anything else (a syntax error, a second value on the line, a line
 * that begins otherwise) drops the parser, and the caller reads that line on its own the way it
 * always did, so that what is accepted and every message stay those of the line-by-line reading.
 */
final class LineParser {

    /** A line's hash-chain members, read in the streaming pass: each present once, of the right JSON type. */
    record Envelope(long seq, String prev, String type) {}

    private final LineSource src;
    private final JsonFactory factory;
    private JsonParser parser;
    private int base;
    private int end;
    private int generation;
    private long nextLine;

    LineParser(LineSource src) {
        this.src = src;
        this.factory = TranscriptJson.MAPPER.getFactory();
    }

    /**
     * A parser whose next token is the start of this line's object, or null when the line is to be
     * read on its own: it is empty, too long, or does not begin with {@code {}.
     */
    JsonParser at(LineSource.Line line) throws IOException {
        if (line.tooLong() || line.length() == 0 || line.bytes()[line.offset()] != '{') {
            drop();
            return null;
        }
        if (parser == null || nextLine != line.number() || generation != src.generation() || line.end() > end
                || line.bytes() != src.buffer()) {
            drop();
            base = line.offset();
            end = src.limit();
            generation = src.generation();
            parser = factory.createParser(line.bytes(), base, end - base);
        }
        nextLine = -1; // until closedAt confirms the line
        return parser;
    }

    /** After the line's closing brace: true when it is the last byte of the line (then the parser goes on to the next line). */
    boolean closedAt(LineSource.Line line) {
        if (parser != null && parser.getParsingContext().inRoot()
                && base + parser.currentLocation().getByteOffset() == line.end()) {
            nextLine = line.number() + 1;
            return true;
        }
        drop();
        return false;
    }

    /** Forgets the parser (after a line it could not read as one plain object). */
    void drop() {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                // a parser over a byte array holds nothing to release
            }
            parser = null;
        }
    }

    /**
     * The chain members of a line that is one JSON object, checking its syntax to the end; null when
     * the line must be read on its own (not one object, a member missing, repeated or of another type).
     */
    Envelope envelope(LineSource.Line line) throws IOException {
        JsonParser p = at(line);
        if (p == null) {
            return null;
        }
        try {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                drop();
                return null;
            }
            long seq = 0;
            String prev = null;
            String type = null;
            int seen = 0;
            boolean plain = true;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "seq" -> {
                        plain &= (seen & 1) == 0 && v == JsonToken.VALUE_NUMBER_INT
                                && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
                        seq = plain ? p.getLongValue() : 0;
                        seen |= 1;
                    }
                    case "prev" -> {
                        plain &= (seen & 2) == 0 && v == JsonToken.VALUE_STRING;
                        prev = plain ? p.getText() : null;
                        seen |= 2;
                    }
                    case "type" -> {
                        plain &= (seen & 4) == 0 && v == JsonToken.VALUE_STRING;
                        type = plain ? p.getText() : null;
                        seen |= 4;
                    }
                    default -> p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT || !closedAt(line)) {
                drop();
                return null;
            }
            return plain && seen == 7 ? new Envelope(seq, prev, type) : null;
        } catch (JsonProcessingException e) {
            drop();
            return null;
        }
    }
}
