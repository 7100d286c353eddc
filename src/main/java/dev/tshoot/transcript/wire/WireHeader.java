package dev.tshoot.transcript.wire;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Line 0 of a version-2 transcript as written: which tshoot wrote it, which playbook (pinned by
 * id and SHA-256 of the file) and on which host. {@code seq}, {@code type}, {@code prev} and
 * {@code hash} are the line's envelope, written by {@link WireCodec}.
 */
public record WireHeader(
        @JsonProperty(value = "format", required = true) String format,
        @JsonProperty(value = "formatVersion", required = true) int formatVersion,
        @JsonProperty(value = "tshootVersion", required = true) String tshootVersion,
        @JsonProperty(value = "sessionId", required = true) String sessionId,
        @JsonProperty(value = "startedAt", required = true) Instant startedAt,
        @JsonProperty(value = "playbook", required = true) Playbook playbook,
        @JsonProperty(value = "host", required = true) Host host,
        @JsonProperty("resumes") Resumes resumes) {

    /** A header of a session started afresh. */
    public WireHeader(String format, int formatVersion, String tshootVersion, String sessionId, Instant startedAt,
            Playbook playbook, Host host) {
        this(format, formatVersion, tshootVersion, sessionId, startedAt, playbook, host, null);
    }

    /**
     * The earlier transcript this session was resumed from ({@code tshoot resume}): absent in a session
     * started afresh. {@code hash} is the hash of the earlier file's last verified line.
     */
    public record Resumes(
            @JsonProperty(value = "sessionId", required = true) String sessionId,
            @JsonProperty(value = "file", required = true) String file,
            @JsonProperty(value = "hash", required = true) String hash,
            @JsonProperty(value = "events", required = true) long events,
            @JsonProperty(value = "node", required = true) String node) {}

    /** The playbook the session walked. */
    public record Playbook(
            @JsonProperty(value = "id", required = true) String id,
            @JsonProperty("version") String version,
            @JsonProperty("title") String title,
            @JsonProperty(value = "sha256", required = true) String sha256,
            @JsonProperty("file") String file,
            @JsonProperty("signature") Signature signature) {}

    /**
     * Who signed the playbook, as tshoot checked it when the session started (optional: transcripts
     * written before tshoot checked signatures have none).
     */
    public record Signature(
            @JsonProperty(value = "status", required = true) SignatureStatus status,
            @JsonProperty("signer") String signer,
            @JsonProperty("key") String key,
            @JsonProperty("detail") String detail) {}

    /** A short summary of the machine the session ran on; a value that could not be read is left out. */
    public record Host(
            @JsonProperty("os") String os,
            @JsonProperty("osVersion") String osVersion,
            @JsonProperty("arch") String arch,
            @JsonProperty("hostname") String hostname,
            @JsonProperty("user") String user) {}
}
