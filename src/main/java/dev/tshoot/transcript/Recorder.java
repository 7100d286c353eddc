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
        TranscriptWriter w = writer(id, pb, provenance, null, warnings);
        Session s = engine.start(id, pb, provenance, w, diagnostics, policy, true);
        return new Recorded(s, w);
    }

    private TranscriptWriter writer(String id, Playbook pb, Provenance provenance, TranscriptHeader.Resumes resumes,
            Consumer<String> warnings) {
        TranscriptHeader header = new TranscriptHeader(TranscriptHeader.FORMAT, TranscriptHeader.FORMAT_VERSION,
                tshootVersion, id, engine.clock().instant(),
                new TranscriptHeader.PlaybookRef(pb.id(), pb.metadata().version(), pb.metadata().title(), pb.sha256(),
                        pb.file(), TranscriptHeader.Signature.of(provenance)),
                HostSummary.current(), resumes);
        redaction.warnings().forEach(warnings);
        return TranscriptWriter.create(dir, header, force, warnings, redaction.newRedactor(warnings));
    }

    /**
     * A session rebuilt from an earlier transcript, or why it cannot be: {@code report} is the
     * re-walk's; {@code recorded} is null when the session was not resumed, and {@code refusal} says why.
     */
    public record Resumed(Recorded recorded, ReplayVerifier.Report report, String refusal) {}

    /** What a resume cannot go on from: a recording that replays differently from the playbook at hand. */
    public static final String ENDS_HERE = "(the recording ends here)";

    /**
     * Rebuilds the session recorded in {@code earlier} on {@code pb} (its hash chain verified first;
     * the recorded answers replayed, the recorded results used in place of running anything) and goes
     * on recording into a new transcript whose header links back to the earlier one
     * ({@link TranscriptHeader.Resumes}). Refused when the chain is broken, or when the recording
     * does not replay on {@code pb} up to its last event.
     */
    public Resumed resume(Path earlier, Playbook pb, Provenance provenance, Consumer<String> warnings,
            dev.tshoot.engine.Diagnostics diagnostics, dev.tshoot.engine.ConsentPolicy policy)
            throws TranscriptReader.UnreadableException {
        String id = engine.newSessionId();
        Relay relay = new Relay(policy);
        // a session that was itself resumed is rebuilt from the start of its case: every transcript it goes on from, in turn
        java.util.List<Path> chain = TranscriptLinks.back(earlier);
        ReplayVerifier.Rebuilt r = new ReplayVerifier(engine).rebuild(chain, pb, (p, replayed, recorded, consents, h) -> {
            relay.rebuilding(replayed, recorded, consents);
            return engine.start(id, p, provenance, relay, relay, relay, true);
        });
        ReplayVerifier.Report rep = r.report();
        if (rep.tampered()) {
            return new Resumed(null, rep, "The transcript's hash chain is broken (" + rep.chain().message() + "), so"
                    + " its answers cannot be trusted to rebuild the session. Start afresh with 'start " + pb.id() + "'.");
        }
        ReplayVerifier.Divergence d = rep.divergence();
        if (r.session() == null || d != null && !ENDS_HERE.equals(d.recorded())) {
            return new Resumed(null, rep, d == null ? "The transcript holds no event to rebuild the session from."
                    : "The recorded session does not replay on this playbook: at '" + d.node() + "' it went to "
                    + d.recorded() + ", the playbook now goes to " + d.now() + " (" + d.why() + ").");
        }
        Session s = r.session();
        if (s.state() == Session.State.ENDED) {
            return new Resumed(null, rep, "The recorded session had already ended; nothing is left to resume.");
        }
        String head = rep.chain().head() != null ? rep.chain().head() : new TranscriptVerifier().verify(earlier).head();
        Path name = earlier.getFileName();
        TranscriptHeader.Resumes link = new TranscriptHeader.Resumes(rep.header().sessionId(),
                name == null ? earlier.toString() : name.toString(), head, rep.chain().events(), s.current().id());
        TranscriptWriter w = writer(id, pb, provenance, link, warnings);
        w.continuesAfter(s.events().size());
        relay.live(w, diagnostics);
        return new Resumed(new Recorded(s, w), rep, null);
    }
}
