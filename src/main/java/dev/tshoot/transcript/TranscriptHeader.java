package dev.tshoot.transcript;

import java.time.Instant;

/**
 * Line 0 of a transcript: which tshoot wrote it, which playbook (pinned by id, version and SHA-256
 * of the file) and on which host.
 */
public record TranscriptHeader(String format, int formatVersion, String tshootVersion, String sessionId,
        Instant startedAt, PlaybookRef playbook, Host host) {

    public static final String FORMAT = "tshoot-transcript";
    /** The version this tshoot writes (see docs/transcript-format.md). */
    public static final int FORMAT_VERSION = dev.tshoot.transcript.wire.WireCodec.VERSION;

    /** The versions this tshoot reads: version 1 (lenient, as it promised) and the current one (strict). */
    public static final java.util.List<Integer> READABLE_VERSIONS = java.util.List.of(TranscriptV1.VERSION, FORMAT_VERSION);

    /** "1 and 2": the readable versions, for messages. */
    public static String readableVersions() {
        return TranscriptV1.VERSION + " and " + FORMAT_VERSION;
    }

    /** The playbook the session walked. */
    public record PlaybookRef(String id, String version, String title, String sha256, String file) {}

    /** A short summary of the machine the session ran on. */
    public record Host(String os, String osVersion, String arch, String hostname, String user) {}
}
