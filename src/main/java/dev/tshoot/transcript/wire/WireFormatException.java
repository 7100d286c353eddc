package dev.tshoot.transcript.wire;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * A line that is JSON but not a line of transcript format version 2. The message names the line,
 * what is wrong with it, and what to do.
 */
public final class WireFormatException extends JsonProcessingException {

    private final long line;

    public WireFormatException(long line, String message) {
        super(message);
        this.line = line;
    }

    /** The 1-based line number in the file, or 0 when the line was read on its own. */
    public long line() {
        return line;
    }
}
