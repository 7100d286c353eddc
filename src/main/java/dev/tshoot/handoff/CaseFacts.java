package dev.tshoot.handoff;

import java.nio.file.Path;

/**
 * What goes with a bundle as object metadata and is printed for the ticket: the case id (the
 * session id), the seal code (null when the transcript was not sealed), the bundle's SHA-256 and
 * size, and the bundle file itself.
 */
public record CaseFacts(Path bundle, String caseId, String seal, String sha256, long size) {

    public static final String META_CASE = "tshoot-case-id";
    public static final String META_SEAL = "tshoot-seal";
    public static final String META_SHA256 = "tshoot-sha256";

    /** The object's name: the case id and the bundle's SHA-256 prefix, so two sends never clash. */
    public String objectName() {
        return safe(caseId) + "-" + sha256.substring(0, 12) + ".zip";
    }

    /** The metadata as the store keeps it (keys without {@code x-amz-meta-}). */
    public java.util.Map<String, String> metadata() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put(META_CASE, safe(caseId));
        m.put(META_SEAL, seal == null ? "unsealed" : seal);
        m.put(META_SHA256, sha256);
        return m;
    }

    static String safe(String s) {
        String t = s == null ? "" : s.replaceAll("[^A-Za-z0-9._-]", "_");
        return t.isEmpty() ? "case" : t.length() > 80 ? t.substring(0, 80) : t;
    }
}
