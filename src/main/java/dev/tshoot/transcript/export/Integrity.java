package dev.tshoot.transcript.export;

import dev.tshoot.transcript.TranscriptVerifier;

/**
 * The hash-chain verdict as every export shows it. {@code brokenSeq} and {@code line} locate the
 * first broken event (BROKEN) or the cut-off line (TORN TAIL); both are null when the chain is intact.
 * {@code sealCode}: the seal of the chain's head when the transcript ends with its session-ended
 * line (null otherwise); {@code sealChecked}: that the head was checked against the seal code
 * shown at the end of the session. Only a checked seal lets an export say that no line was changed,
 * inserted or removed.
 */
public record Integrity(TranscriptVerifier.Status status, long events, Long brokenSeq, Long line, String message,
        String sealCode, boolean sealChecked) {

    public static Integrity of(TranscriptVerifier.Result r) {
        boolean located = r.status() == TranscriptVerifier.Status.BROKEN || r.status() == TranscriptVerifier.Status.TORN_TAIL;
        return new Integrity(r.status(), r.events(), located ? r.brokenSeq() : null, located ? r.line() : null,
                r.message(), r.sealCode(), r.seal() == TranscriptVerifier.SealCheck.MATCHED);
    }

    /** OK, SEALED, TORN TAIL, BROKEN, SEAL MISMATCH or UNREADABLE. */
    public String label() {
        return status == TranscriptVerifier.Status.OK && sealChecked ? "SEALED" : status.name().replace('_', ' ');
    }

    /** A short css/class-friendly word: ok, torn, broken, unreadable. */
    public String css() {
        return switch (status) {
            case OK -> "ok";
            case TORN_TAIL -> "torn";
            case BROKEN, SEAL_MISMATCH -> "broken";
            case UNREADABLE -> "unreadable";
        };
    }

    /** The headline: "hash chain consistent", "TORN TAIL at line 9", "BROKEN at event 4 (line 5)". */
    public String headline() {
        return switch (status) {
            case OK -> sealChecked ? "OK: hash chain intact and sealed (" + events + " events)"
                    : "OK: hash chain consistent (" + events + " events)";
            case TORN_TAIL -> "TORN TAIL at line " + line + ": " + events + " events verified, the last line is cut off";
            case BROKEN -> "BROKEN at event " + brokenSeq + " (line " + line + ")";
            case SEAL_MISMATCH -> "SEAL MISMATCH: this is not the transcript that was sealed";
            case UNREADABLE -> "UNREADABLE: the hash chain could not be checked";
        };
    }

    /** True when event {@code seq} lies after the first broken event, so the chain does not vouch for it. */
    public boolean unverified(long seq) {
        return status == TranscriptVerifier.Status.BROKEN && brokenSeq != null && seq >= brokenSeq;
    }

    /** What an escalation engineer should make of it: what the chain shows, and what it cannot. */
    public String advice() {
        return switch (status) {
            case OK -> sealChecked ? TranscriptVerifier.SEALED : TranscriptVerifier.UNSEALED + (sealCode != null
                    ? " Seal of this file: " + sealCode + "; it must equal the code shown when the session ended"
                            + " (transcript verify --seal <code> checks it)."
                    : " The session was not closed, so this file has no seal.");
            case TORN_TAIL -> "The complete lines check out, but the last line was cut mid-way: a crash or a truncation,"
                    + " which the file cannot tell apart. What followed it is lost; ask for the original file.";
            case BROKEN -> "Events from " + brokenSeq + " on are not vouched for by the hash chain: treat them as"
                    + " possibly altered and ask for the original file.";
            case SEAL_MISMATCH -> "The chain's head is not the seal shown at the end of the session: treat every event"
                    + " as possibly altered or missing and ask for the original file.";
            case UNREADABLE -> "Ask for the original transcript file.";
        };
    }
}
