package dev.tshoot.transcript;

import java.nio.file.Path;
import java.util.function.Consumer;

import dev.tshoot.engine.Session;
import dev.tshoot.engine.SessionEngine;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.Provenance;
import dev.tshoot.transcript.redact.RedactionRules;

/**
 * Starts sessions that are recorded to a transcript from their first event, redacted with the
 * given rules (the defaults unless told otherwise).
 */
public final class Recorder {

    private final SessionEngine engine;
    private final Path dir;
    private final String tshootVersion;
    private final boolean force;
    private final RedactionRules redaction;

    public Recorder(SessionEngine engine, Path dir, String tshootVersion, boolean force) {
        this(engine, dir, tshootVersion, force, RedactionRules.defaults());
    }

    /**
     * Records with these redaction rules. Problems met loading them ({@link RedactionRules#warnings()})
     * are told to each session's warnings when it starts; the session goes on with the rules that loaded.
     */
    public Recorder(SessionEngine engine, Path dir, String tshootVersion, boolean force, RedactionRules redaction) {
        this.engine = engine;
        this.dir = dir;
        this.tshootVersion = tshootVersion;
        this.force = force;
        this.redaction = redaction;
    }

    public Path dir() { return dir; }

    public RedactionRules redaction() { return redaction; }

    /** A session and the writer recording it. */
    public record Recorded(Session session, TranscriptWriter writer) {}

    public Recorded start(Playbook pb, Consumer<String> warnings) {
        return start(pb, warnings, dev.tshoot.engine.Diagnostics.NONE, dev.tshoot.engine.ConsentPolicy.ASK_ALWAYS);
    }

    public Recorded start(Playbook pb, Consumer<String> warnings, dev.tshoot.engine.Diagnostics diagnostics,
            dev.tshoot.engine.ConsentPolicy policy) {
        return start(pb, null, warnings, diagnostics, policy);
    }

    /**
     * Starts a recorded session of {@code pb}, whose signature tshoot found to be {@code provenance}
     * (null: not checked). The same value goes into the header and to the engine, so the transcript
     * says exactly what consent was based on.
     */
    public Recorded start(Playbook pb, Provenance provenance, Consumer<String> warnings,
            dev.tshoot.engine.Diagnostics diagnostics, dev.tshoot.engine.ConsentPolicy policy) {
        String id = engine.newSessionId();
        TranscriptHeader header = new TranscriptHeader(TranscriptHeader.FORMAT, TranscriptHeader.FORMAT_VERSION,
                tshootVersion, id, engine.clock().instant(),
                new TranscriptHeader.PlaybookRef(pb.id(), pb.metadata().version(), pb.metadata().title(), pb.sha256(),
                        pb.file(), TranscriptHeader.Signature.of(provenance)),
                HostSummary.current());
        redaction.warnings().forEach(warnings);
        TranscriptWriter w = TranscriptWriter.create(dir, header, force, warnings, redaction.newRedactor(warnings));
        Session s = engine.start(id, pb, provenance, w, diagnostics, policy, true);
        return new Recorded(s, w);
    }
}
