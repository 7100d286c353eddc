package dev.tshoot.engine;

import java.time.Clock;
import java.util.function.Supplier;

import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.Provenance;

/**
 * Starts sessions. The clock and the id source are injected so that tests and golden files are
 * deterministic.
 */
public final class SessionEngine {

    private final Clock clock;
    private final Supplier<String> ids;

    public SessionEngine(Clock clock, Supplier<String> ids) {
        this.clock = clock;
        this.ids = ids;
    }

    public Clock clock() { return clock; }

    /** A new session id (short, unique enough to tell sessions apart in file names). */
    public String newSessionId() { return ids.get(); }

    /** Starts a walk with no host access (probes unknown, commands not applicable) that asks before any command. */
    public Session start(String sessionId, Playbook playbook, EventSink sink) {
        return start(sessionId, playbook, sink, Diagnostics.NONE, ConsentPolicy.ASK_ALWAYS);
    }

    /** Starts a walk at the playbook's start node; events go to {@code sink} as they happen. */
    public Session start(String sessionId, Playbook playbook, EventSink sink, Diagnostics diagnostics,
            ConsentPolicy policy) {
        return start(sessionId, playbook, sink, diagnostics, policy, true);
    }

    /** As above; with {@code keepEvents} false the session hands events to the sink only (long replays). */
    public Session start(String sessionId, Playbook playbook, EventSink sink, Diagnostics diagnostics,
            ConsentPolicy policy, boolean keepEvents) {
        return start(sessionId, playbook, null, sink, diagnostics, policy, keepEvents);
    }

    /**
     * As above, with who signed the playbook ({@code provenance}, null: not checked, which counts as
     * unsigned). Only a trusted signature of exactly this playbook's bytes lets its own declaration that
     * a command does not change the system count (docs/security.md, "Signed playbooks").
     */
    public Session start(String sessionId, Playbook playbook, Provenance provenance, EventSink sink,
            Diagnostics diagnostics, ConsentPolicy policy, boolean keepEvents) {
        Session s = new Session(sessionId, playbook, provenance, clock, sink, diagnostics, policy, keepEvents);
        s.begin();
        return s;
    }
}
