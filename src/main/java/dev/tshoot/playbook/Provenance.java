package dev.tshoot.playbook;

/**
 * Who published a playbook, as tshoot checked it against the keys the user trusts
 * ({@link Signatures#check}). Only {@link Status#SIGNED} (a valid signature, by a key in the user's
 * trusted-keys, of exactly the bytes that were loaded) and {@link Status#SHIPPED} (exactly the bytes
 * of a playbook that ships with tshoot, pinned in this build) change anything: then the playbook's own
 * declaration that a command does not change the system counts (docs/security.md, "Signed playbooks").
 * Every other status behaves as an unsigned playbook.
 *
 * @param sha256 the SHA-256 of the playbook bytes that were checked (the loaded playbook's)
 * @param signer for SIGNED the name the user's trusted-keys gives the key; for NOT_TRUSTED the name the
 *               signature file claims (untrusted text); for SHIPPED the shipped file name; otherwise null
 * @param keyId  the key id the signature file names, or null
 * @param detail what exactly was found, for ALTERED and MALFORMED (may be null)
 */
public record Provenance(Status status, String sha256, String signer, String keyId, String detail) {

    /** The verdict on a playbook's signature. */
    public enum Status {
        /** A valid signature of these bytes by a key in the user's trusted-keys. */
        SIGNED,
        /** Exactly the bytes of a playbook that ships with tshoot ({@link ShippedPlaybooks}). */
        SHIPPED,
        /** No signature file beside the playbook. */
        UNSIGNED,
        /** A signature file names a key that is not in the user's trusted-keys (it cannot be checked). */
        NOT_TRUSTED,
        /** The signature does not match the file: changed after it was signed, or a signature of another file. */
        ALTERED,
        /** The signature file cannot be read or used. */
        MALFORMED
    }

    public Provenance {
        java.util.Objects.requireNonNull(status, "status");
    }

    public static Provenance signed(String sha256, String signer, String keyId) {
        return new Provenance(Status.SIGNED, sha256, signer, keyId, null);
    }

    public static Provenance shipped(String sha256, String fileName) {
        return new Provenance(Status.SHIPPED, sha256, fileName, null, null);
    }

    public static Provenance unsigned(String sha256) {
        return new Provenance(Status.UNSIGNED, sha256, null, null, null);
    }

    public static Provenance notTrusted(String sha256, String claimedSigner, String keyId) {
        return new Provenance(Status.NOT_TRUSTED, sha256, claimedSigner, keyId, null);
    }

    public static Provenance altered(String sha256, String keyId, String detail) {
        return new Provenance(Status.ALTERED, sha256, null, keyId, detail);
    }

    public static Provenance malformed(String sha256, String detail) {
        return new Provenance(Status.MALFORMED, sha256, null, null, detail);
    }

    /** True only for a valid signature by a key the user trusts, or a shipped playbook's exact bytes. */
    public boolean trusted() { return status == Status.SIGNED || status == Status.SHIPPED; }

    /** True when this is a trusted signature of exactly {@code pb}'s bytes. */
    public boolean vouchesFor(Playbook pb) {
        return trusted() && sha256 != null && pb != null && sha256.equals(pb.sha256());
    }

    /** One word or two, for lists: signed, unsigned, not trusted, altered, malformed. */
    public String label() {
        return switch (status) {
            case SIGNED -> "signed";
            case SHIPPED -> "shipped";
            case UNSIGNED -> "unsigned";
            case NOT_TRUSTED -> "not trusted";
            case ALTERED -> "ALTERED";
            case MALFORMED -> "malformed";
        };
    }

    /**
     * What the status means, in a sentence without its full stop, e.g. "signed by Acme Support (key
     * 0123456789abcdef)" or "unsigned by anyone: the file changed after it was signed". Raw text: the
     * signer's claim and the detail come from files, so show it through the text layer.
     */
    public String describe() {
        return switch (status) {
            case SIGNED -> "signed by " + signer + " (key " + keyId + ")";
            case SHIPPED -> "shipped with tshoot (" + signer + ", unchanged: its SHA-256 is pinned in this build)";
            case UNSIGNED -> "unsigned (no signature file beside it)";
            case NOT_TRUSTED -> "not signed by anyone you trust: its signature names key " + keyId
                    + (signer == null ? "" : " ('" + signer + "')") + ", which is not in your trusted-keys";
            case ALTERED -> "unsigned by anyone: the file changed after it was signed"
                    + (detail == null ? "" : " (" + detail + ")");
            case MALFORMED -> "unsigned by anyone: its signature file cannot be used"
                    + (detail == null ? "" : " (" + detail + ")");
        };
    }
}
