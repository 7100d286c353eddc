package dev.tshoot.engine;

/** Receives each event as it happens; the transcript writer persists it before returning. */
@FunctionalInterface
public interface EventSink {
    void accept(SessionEvent event);

    /**
     * A value the playbook marks secret (a {@code secret: true} text answer), told to the sink right
     * before the answer is recorded (as {@code [secret]}), so that a recording sink can also withhold
     * it wherever it appears later: command arguments and outputs, notes. Nothing by default.
     */
    default void secret(String value) {}

    EventSink NONE = e -> { };
}
