package dev.tshoot.playbook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The Ed25519 keys that sign playbooks, with the JDK's own provider ({@code java.security}, no other
 * library). Public keys are written as the base64 of their X.509 encoding (what
 * {@code openssl pkey -pubout} prints between its PEM lines) and read in that form or as the 32 raw
 * bytes; a key's id is the first 16 hex digits of the SHA-256 of the raw 32 bytes. Private keys are
 * PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), as {@code openssl genpkey -algorithm ed25519}
 * writes them; text before the PEM block is explanation, of which a {@code signer: <name>} line names
 * the signer.
 */
public final class Ed25519Keys {

    /** The JDK's name of the algorithm. */
    public static final String ALGORITHM = "Ed25519";

    /** The DER prefix of an X.509 SubjectPublicKeyInfo holding an Ed25519 key (32 raw bytes follow). */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    /** A private key read from its file, with the public key it belongs to and the signer it names (may be null). */
    public record Private(PrivateKey key, PublicKey publicKey, String signer) {}

    private Ed25519Keys() {}

    /** A new key pair from the system's strong random source. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no " + ALGORITHM + " (it is part of every JDK since 15)", e);
        }
    }

    /** The 32 raw bytes of a public key. */
    public static byte[] raw(PublicKey k) {
        byte[] der = k.getEncoded();
        if (der.length != X509_PREFIX.length + 32 || !Arrays.equals(der, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(der, X509_PREFIX.length, der.length);
    }

    /** The key's id: the first 16 hex digits of the SHA-256 of its 32 raw bytes. */
    public static String keyId(PublicKey k) {
        return PlaybookLoader.sha256(raw(k)).substring(0, 16);
    }

    /** The public key as a trusted-keys file writes it: base64 of its X.509 encoding. */
    public static String encode(PublicKey k) {
        return Base64.getEncoder().encodeToString(k.getEncoded());
    }

    /**
     * A public key from base64 of its X.509 encoding or of its 32 raw bytes; null with {@code why}
     * filled when the text is neither.
     */
    public static PublicKey decodePublic(String base64, StringBuilder why) {
        byte[] b;
        try {
            b = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            why.append("the key is not valid base64");
            return null;
        }
        byte[] der;
        if (b.length == 32) {
            der = new byte[X509_PREFIX.length + 32];
            System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
            System.arraycopy(b, 0, der, X509_PREFIX.length, 32);
        } else if (b.length == X509_PREFIX.length + 32 && Arrays.equals(b, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            der = b;
        } else {
            why.append("the key is neither the 32 bytes of an Ed25519 public key nor its 44-byte X.509 form (it has ")
                    .append(b.length).append(" bytes)");
            return null;
        }
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            why.append("the key is not a usable Ed25519 public key");
            return null;
        }
    }

    /** Signs {@code message}. */
    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed: " + e.getMessage(), e);
        }
    }

    /** True when {@code signature} is {@code key}'s signature of {@code message}; false for anything else. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** The private key file's text: a line naming the signer, then the PKCS#8 PEM block. */
    public static String privatePem(PrivateKey key, String signer) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return "tshoot playbook signing key (keep it private; 'playbook sign --key <this file>' uses it)\n"
                + "signer: " + signer + "\n" + BEGIN + "\n" + b64 + "\n" + END + "\n";
    }

    /**
     * Reads a private key file's text. Throws {@link IllegalArgumentException} saying what is wrong
     * (never echoing the key) when it holds no usable Ed25519 private key.
     */
    public static Private readPrivate(String text) {
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        if (b < 0 || e < b) {
            throw new IllegalArgumentException("it holds no '" + BEGIN + "' block (an Ed25519 key in PKCS#8 PEM, as"
                    + " 'playbook keygen' or 'openssl genpkey -algorithm ed25519' writes it)");
        }
        String signer = null;
        for (String line : text.substring(0, b).split("\n")) {
            if (line.strip().startsWith("signer:")) {
                signer = line.strip().substring("signer:".length()).strip();
            }
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(b + BEGIN.length(), e).strip());
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("its PEM block is not valid base64");
        }
        PrivateKey key;
        try {
            key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("its PEM block is not an Ed25519 private key (PKCS#8)");
        }
        PublicKey pub = derivePublic(key);
        return new Private(key, pub, signer == null || signer.isEmpty() ? null : signer);
    }

    /**
     * The public key of a private key. The JDK does not expose the derivation, so the key pair is made
     * again from the private key's 32-byte seed (the generator draws exactly that seed from its random
     * source); the result is then checked by signing and verifying, so a JDK that drew differently
     * fails here instead of producing a wrong key id.
     */
    static PublicKey derivePublic(PrivateKey key) {
        byte[] seed = key instanceof EdECPrivateKey ed ? ed.getBytes().orElse(null) : null;
        if (seed == null || seed.length != 32) {
            throw new IllegalArgumentException("the private key's 32-byte seed cannot be read");
        }
        PublicKey pub;
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(ALGORITHM);
            g.initialize(NamedParameterSpec.ED25519, new Seed(seed));
            pub = g.generateKeyPair().getPublic();
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("this Java has no " + ALGORITHM, ex);
        }
        byte[] probe = "tshoot key check".getBytes(StandardCharsets.US_ASCII);
        if (!verify(pub, probe, sign(key, probe))) {
            throw new IllegalStateException("the public key of this private key could not be derived on this Java");
        }
        return pub;
    }

    /** A "random" source that hands out one fixed seed: used only to re-derive a key pair. */
    private static final class Seed extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] seed;

        Seed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("unexpected draw of " + bytes.length + " bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }
}
