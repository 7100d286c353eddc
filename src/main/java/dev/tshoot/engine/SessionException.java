package dev.tshoot.engine;

/**
 * A request the session cannot honour right now (an answer that does not fit, back with nothing
 * to undo, goto to an unknown node). The message says what went wrong and what to do instead.
 */
public class SessionException extends Exception {
    public SessionException(String message) {
        super(message);
    }
}
