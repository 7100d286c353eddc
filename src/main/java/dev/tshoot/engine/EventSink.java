package dev.tshoot.engine;

/** Receives each event as it happens; the transcript writer persists it before returning. */
@FunctionalInterface
public interface EventSink {
    void accept(SessionEvent event);

    EventSink NONE = e -> { };
}
