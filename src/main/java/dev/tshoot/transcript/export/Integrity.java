package dev.tshoot.transcript.export;

import dev.tshoot.transcript.TranscriptVerifier;

/**
 * The hash-chain verdict as every export shows it. {@code brokenSeq} and {@code line} locate the
 * first broken event (BROKEN) or the cut-off line (TORN TAIL); both are null when the chain is intact.
 */
public record Integrity(TranscriptVerifier.Status status, long events, Long brokenSeq, Long line, String message) {

    public static Integrity of(TranscriptVerifier.Result r) {
        boolean located = r.status() == TranscriptVerifier.Status.BROKEN || r.status() == TranscriptVerifier.Status.TORN_TAIL;
        return new Integrity(r.status(), r.events(), located ? r.brokenSeq() : null, located ? r.line() : null,
                r.message());
    }

    /** OK, TORN TAIL, BROKEN or UNREADABLE. */
    public String label() {
        return status.name().replace('_', ' ');
    }

    /** A short css/class-friendly word: ok, torn, broken, unreadable. */
    public String css() {
        return switch (status) {
            case OK -> "ok";
            case TORN_TAIL -> "torn";
            case BROKEN -> "broken";
            case UNREADABLE -> "unreadable";
        };
    }

    /** The headline: "hash chain verified", "TORN TAIL at line 9", "BROKEN at event 4 (line 5)". */
    public String headline() {
        return switch (status) {
            case OK -> "OK: hash chain verified (" + events + " events)";
            case TORN_TAIL -> "TORN TAIL at line " + line + ": " + events + " events verified, the last line is cut off";
            case BROKEN -> "BROKEN at event " + brokenSeq + " (line " + line + ")";
            case UNREADABLE -> "UNREADABLE: the hash chain could not be checked";
        };
    }

    /** True when event {@code seq} lies after the first broken event, so the chain does not vouch for it. */
    public boolean unverified(long seq) {
        return status == TranscriptVerifier.Status.BROKEN && brokenSeq != null && seq >= brokenSeq;
    }

    /** What an escalation engineer should make of it. */
    public String advice() {
        return switch (status) {
            case OK -> "No line was changed, inserted or removed since it was written.";
            case TORN_TAIL -> "Every complete line checks out; the session was interrupted while a line was written"
                    + " (a crash, not tampering).";
            case BROKEN -> "Events from " + brokenSeq + " on are not vouched for by the hash chain: treat them as"
                    + " possibly altered and ask for the original file.";
            case UNREADABLE -> "Ask for the original transcript file.";
        };
    }
}
