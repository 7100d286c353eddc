package dev.tshoot.transcript;

import java.time.Instant;

/**
 * Line 0 of a transcript: which tshoot wrote it, which playbook (pinned by id, version and SHA-256
 * of the file) and on which host.
 */
public record TranscriptHeader(String format, int formatVersion, String tshootVersion, String sessionId,
        Instant startedAt, PlaybookRef playbook, Host host, Resumes resumes) {

    /** A header of a session that was started afresh (it resumes no earlier transcript). */
    public TranscriptHeader(String format, int formatVersion, String tshootVersion, String sessionId,
            Instant startedAt, PlaybookRef playbook, Host host) {
        this(format, formatVersion, tshootVersion, sessionId, startedAt, playbook, host, null);
    }

    /**
     * The earlier transcript a resumed session continues: its session id and file name (in the same
     * folder), the hash of its last verified line ({@code hash}: what links the two chains), how many
     * events of it were verified and rebuilt, and the node the session went on from.
     */
    public record Resumes(String sessionId, String file, String hash, long events, String node) {}

    public static final String FORMAT = "tshoot-transcript";
    /** The version this tshoot writes (see docs/transcript-format.md). */
    public static final int FORMAT_VERSION = dev.tshoot.transcript.wire.WireCodec.VERSION;

    /** The versions this tshoot reads: version 1 (lenient, as it promised) and the current one (strict). */
    public static final java.util.List<Integer> READABLE_VERSIONS = java.util.List.of(TranscriptV1.VERSION, FORMAT_VERSION);

    /** "1 and 2": the readable versions, for messages. */
    public static String readableVersions() {
        return TranscriptV1.VERSION + " and " + FORMAT_VERSION;
    }

    /**
     * The playbook the session walked; {@code signature} is who signed it as tshoot checked it when the
     * session started (null in transcripts written before tshoot checked signatures).
     */
    public record PlaybookRef(String id, String version, String title, String sha256, String file, Signature signature) {
        public PlaybookRef(String id, String version, String title, String sha256, String file) {
            this(id, version, title, sha256, file, null);
        }
    }

    /**
     * A playbook's provenance as recorded: {@code status} is signed, unsigned, not-trusted, altered or
     * malformed; {@code signer} the trusted name (signed) or the signature's claim (not-trusted);
     * {@code key} the key id the signature names; {@code detail} what was found (altered, malformed).
     */
    public record Signature(String status, String signer, String key, String detail) {
        public static final String SIGNED = "signed";
        public static final String SHIPPED = "shipped";
        public static final String UNSIGNED = "unsigned";
        public static final String NOT_TRUSTED = "not-trusted";
        public static final String ALTERED = "altered";
        public static final String MALFORMED = "malformed";

        /** The record of what tshoot found; null for null (not checked). */
        public static Signature of(dev.tshoot.playbook.Provenance p) {
            if (p == null) {
                return null;
            }
            String status = switch (p.status()) {
                case SIGNED -> SIGNED;
                case SHIPPED -> SHIPPED;
                case UNSIGNED -> UNSIGNED;
                case NOT_TRUSTED -> NOT_TRUSTED;
                case ALTERED -> ALTERED;
                case MALFORMED -> MALFORMED;
            };
            return new Signature(status, p.signer(), p.keyId(), p.detail());
        }

        /**
         * What exports say, e.g. "Signed by Acme Support (key 0123456789abcdef)" or "Unsigned by anyone: the
         * file changed after it was signed". Raw text: exports escape it for their format.
         */
        public String describe() {
            String d = detail == null ? "" : " (" + detail + ")";
            return switch (status) {
                case SIGNED -> "Signed by " + signer + " (key " + key + ")";
                case SHIPPED -> "Shipped with tshoot (" + signer + "), unchanged: its SHA-256 is pinned in the build";
                case UNSIGNED -> "Unsigned";
                case NOT_TRUSTED -> "Not signed by anyone the user trusts: key " + key
                        + (signer == null ? "" : " ('" + signer + "')") + " is not in their trusted-keys";
                case ALTERED -> "Unsigned by anyone: the file changed after it was signed" + d;
                case MALFORMED -> "Unsigned by anyone: its signature file cannot be used" + d;
                default -> "Unknown signature status '" + status + "'";
            };
        }
    }

    /** A short summary of the machine the session ran on. */
    public record Host(String os, String osVersion, String arch, String hostname, String user) {}
}
