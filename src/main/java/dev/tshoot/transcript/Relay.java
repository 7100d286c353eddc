package dev.tshoot.transcript;

import dev.tshoot.engine.ConsentPolicy;
import dev.tshoot.engine.Diagnostics;
import dev.tshoot.engine.EventSink;
import dev.tshoot.engine.ReadOnlyCommands;
import dev.tshoot.engine.SessionEvent;
import dev.tshoot.playbook.OsFamily;

/**
 * What a resumed session is plugged into: while its transcript is re-walked, the re-walk's sink,
 * the recorded results and the recorded consents; after {@link #live}, the new transcript, the
 * real host and the user. The read-only list is the live one throughout, so commands are classed
 * as they were when the session was recorded.
 */
final class Relay implements EventSink, Diagnostics, ConsentPolicy {

    private EventSink sink = EventSink.NONE;
    private Diagnostics diagnostics;
    private ConsentPolicy policy;
    private final ConsentPolicy livePolicy;

    Relay(ConsentPolicy livePolicy) {
        this.livePolicy = livePolicy;
        this.policy = livePolicy;
    }

    /** The re-walk's side. */
    void rebuilding(EventSink replayed, Diagnostics recorded, ConsentPolicy consents) {
        this.sink = replayed;
        this.diagnostics = recorded;
        this.policy = consents;
    }

    /** From here on: the new transcript, the host and the user's consent. */
    void live(EventSink writer, Diagnostics host) {
        this.sink = writer;
        this.diagnostics = host;
        this.policy = livePolicy;
    }

    @Override public void accept(SessionEvent event) { sink.accept(event); }

    @Override public void secret(String value) { sink.secret(value); }

    @Override public OsFamily osFamily() { return diagnostics.osFamily(); }

    @Override public ProbeData probe(String node, String name) { return diagnostics.probe(node, name); }

    @Override public CommandData run(CommandRequest request) { return diagnostics.run(request); }

    @Override public Decision decide(CommandRequest request) { return policy.decide(request); }

    @Override public ReadOnlyCommands readOnly() { return livePolicy.readOnly(); }
}
