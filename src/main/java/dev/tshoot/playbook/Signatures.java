package dev.tshoot.playbook;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Checks a playbook's detached signature ({@link SignatureFile}) against the keys the user trusts,
 * and makes one. The check is made on the SHA-256 of the bytes the playbook was loaded from (which
 * {@link Playbook#sha256()} pins), so a file swapped after it was loaded cannot borrow the
 * signature of the file that was.
 */
public final class Signatures {

    private Signatures() {}

    /** The provenance of a loaded playbook: its signature file beside {@link Playbook#file()}. */
    public static Provenance check(Playbook pb, TrustedKeys keys) {
        if (pb.file() == null || pb.file().isBlank()) {
            return Provenance.unsigned(pb.sha256());
        }
        Path file;
        try {
            file = Path.of(pb.file());
        } catch (InvalidPathException e) {
            return Provenance.unsigned(pb.sha256());
        }
        return check(file, pb.sha256(), keys);
    }

    /**
     * The provenance of the playbook at {@code playbook} whose bytes hash to {@code sha256}: SHIPPED
     * when they are exactly a shipped playbook's ({@link ShippedPlaybooks}); UNSIGNED
     * without a signature file; MALFORMED when it cannot be read or parsed; ALTERED when it signs
     * other bytes or its signature does not verify; NOT_TRUSTED when its key is not in {@code keys}
     * (the signature cannot then be checked at all); SIGNED otherwise, named as {@code keys} names the key.
     */
    public static Provenance check(Path playbook, String sha256, TrustedKeys keys) {
        String shipped = ShippedPlaybooks.named(sha256);
        if (shipped != null) {
            return Provenance.shipped(sha256, shipped);
        }
        Path sigPath = SignatureFile.beside(playbook);
        SignatureFile sig;
        try {
            byte[] bytes = SignatureFile.read(sigPath);
            if (bytes == null) {
                return Provenance.unsigned(sha256);
            }
            sig = SignatureFile.parse(sigPath.toString(), bytes);
        } catch (SignatureFile.Malformed m) {
            return Provenance.malformed(sha256, m.format());
        }
        if (!sig.sha256().equals(sha256)) {
            return Provenance.altered(sha256, sig.keyId(), "the signature is of a file with another SHA-256");
        }
        TrustedKeys.Key key = keys.find(sig.keyId());
        if (key == null) {
            return Provenance.notTrusted(sha256, sig.signer(), sig.keyId());
        }
        if (!Ed25519Keys.verify(key.key(), SignatureFile.message(sha256), sig.signature())) {
            return Provenance.altered(sha256, sig.keyId(), "the signature does not verify with key " + sig.keyId());
        }
        return Provenance.signed(sha256, key.name(), key.keyId());
    }

    /** The signature of the playbook bytes hashing to {@code sha256}, by {@code key}, labelled {@code signer}. */
    public static SignatureFile sign(String sha256, Ed25519Keys.Private key, String signer) {
        return new SignatureFile(Ed25519Keys.keyId(key.publicKey()), signer, sha256,
                Ed25519Keys.sign(key.key(), SignatureFile.message(sha256)));
    }
}
