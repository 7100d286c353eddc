package dev.tshoot.playbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.tshoot.text.SafeText;

/**
 * A playbook's detached signature, the file {@code <playbook file>.sig} beside it:
 * <pre>
 * tshoot-playbook-signature: 1
 * key: 0123456789abcdef
 * signer: Acme Support
 * sha256: &lt;64 hex digits: the SHA-256 of the playbook file's bytes&gt;
 * signature: &lt;base64 of the 64-byte Ed25519 signature of {@link #message}&gt;
 * </pre>
 * The signature covers the domain-separated message {@code "tshoot playbook signature v1\n" + sha256 +
 * "\n"}, so it cannot be taken for a signature of anything else. The {@code signer} line is a label
 * only: tshoot names a trusted signer by the name the user's trusted-keys gives the key. There is no
 * field for a public key: a signature file (like a playbook) can never make tshoot trust a key.
 */
public record SignatureFile(String keyId, String signer, String sha256, byte[] signature) {

    /** At most this many bytes of a signature file are read; a longer one is refused. */
    public static final int MAX_BYTES = 4096;
    public static final String VERSION_FIELD = "tshoot-playbook-signature";
    public static final String VERSION = "1";
    private static final List<String> FIELDS = List.of(VERSION_FIELD, "key", "signer", "sha256", "signature");
    private static final Pattern LINE = Pattern.compile("([a-z0-9-]+):[ \t]*(.*)");
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** A signature file that cannot be used: where ({@code line} 0: the whole file) and which field. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        private final String file;
        private final int line;
        private final String field;

        public Malformed(String file, int line, String field, String message) {
            super(message);
            this.file = file;
            this.line = line;
            this.field = field;
        }

        public int line() { return line; }

        public String field() { return field; }

        /** {@code file.sig:4: field 'sha256': message}. */
        public String format() {
            return file + (line > 0 ? ":" + line : "") + ": " + (field == null ? "" : "field '" + field + "': ")
                    + getMessage();
        }
    }

    public SignatureFile {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() { return signature.clone(); }

    /** The bytes an Ed25519 signature of a playbook covers: the domain, the format version and its SHA-256. */
    public static byte[] message(String sha256) {
        return ("tshoot playbook signature v1\n" + sha256 + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Where a playbook's signature is: the same path with {@code .sig} added. */
    public static Path beside(Path playbook) {
        return playbook.resolveSibling(playbook.getFileName() + ".sig");
    }

    /** The file's text, as {@code playbook sign} writes it. */
    public String text() {
        return VERSION_FIELD + ": " + VERSION + "\nkey: " + keyId + "\nsigner: " + signer + "\nsha256: " + sha256
                + "\nsignature: " + Base64.getEncoder().encodeToString(signature) + "\n";
    }

    /**
     * Reads a signature file without following a symbolic link, without opening anything but a regular
     * file, and at most {@link #MAX_BYTES} bytes; null when there is no such file (the playbook is
     * unsigned).
     */
    public static byte[] read(Path sig) throws Malformed {
        String name = sig.toString();
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(sig, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new Malformed(name, 0, null, "it cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (a.isSymbolicLink()) {
            throw new Malformed(name, 0, null, "it is a symbolic link; tshoot reads a signature only from a regular"
                    + " file beside the playbook");
        }
        if (!a.isRegularFile()) {
            throw new Malformed(name, 0, null, "it is not a regular file (a folder, device, FIFO or socket); tshoot"
                    + " reads a signature only from a regular file");
        }
        if (a.size() > MAX_BYTES) {
            throw tooLarge(name);
        }
        try (SeekableByteChannel ch = Files.newByteChannel(sig, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
                InputStream in = Channels.newInputStream(ch)) {
            byte[] b = in.readNBytes(MAX_BYTES + 1); // it may have grown since it was measured
            if (b.length > MAX_BYTES) {
                throw tooLarge(name);
            }
            return b;
        } catch (AccessDeniedException e) {
            throw new Malformed(name, 0, null, "permission denied");
        } catch (IOException e) {
            throw new Malformed(name, 0, null, "it cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Malformed tooLarge(String name) {
        return new Malformed(name, 0, null, "it is larger than " + MAX_BYTES + " bytes, the most a signature file may be");
    }

    /** Parses a signature file's bytes ({@code source} names it in messages); never echoes a bad value. */
    public static SignatureFile parse(String source, byte[] bytes) throws Malformed {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Malformed(source, 0, null, "it is not UTF-8 text");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        String[] all = text.split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            String l = all[i].endsWith("\r") ? all[i].substring(0, all[i].length() - 1) : all[i];
            int n = i + 1;
            if (l.isBlank()) {
                continue;
            }
            var m = LINE.matcher(l);
            if (!m.matches()) {
                throw new Malformed(source, n, null, "not a 'field: value' line");
            }
            String field = m.group(1);
            if (values.isEmpty() && !field.equals(VERSION_FIELD)) {
                throw new Malformed(source, n, field, "the file must start with '" + VERSION_FIELD + ": " + VERSION + "'");
            }
            if (!FIELDS.contains(field)) {
                throw new Malformed(source, n, field, "not a field of a signature file (they are "
                        + String.join(", ", FIELDS) + "; a signature never carries a key)");
            }
            if (values.containsKey(field)) {
                throw new Malformed(source, n, field, "given twice (first on line " + lines.get(field) + ")");
            }
            values.put(field, m.group(2).strip());
            lines.put(field, n);
        }
        if (values.isEmpty()) {
            throw new Malformed(source, 0, null, "the file is empty");
        }
        if (!VERSION.equals(values.get(VERSION_FIELD))) {
            throw new Malformed(source, lines.get(VERSION_FIELD), VERSION_FIELD,
                    "this tshoot reads signature format " + VERSION + " only");
        }
        for (String f : FIELDS) {
            if (!values.containsKey(f)) {
                throw new Malformed(source, 0, f, "missing");
            }
        }
        String key = values.get("key");
        if (!KEY_ID.matcher(key).matches()) {
            throw new Malformed(source, lines.get("key"), "key", "not a key id (16 lower-case hex digits)");
        }
        String signer = values.get("signer");
        if (signer.isEmpty() || signer.length() > 100 || signer.chars().anyMatch(c -> SafeText.unsafe((char) c))) {
            throw new Malformed(source, lines.get("signer"), "signer", "a name of 1 to 100 printable characters is expected");
        }
        String sha = values.get("sha256");
        if (!SHA256.matcher(sha).matches()) {
            throw new Malformed(source, lines.get("sha256"), "sha256", "not a SHA-256 (64 lower-case hex digits)");
        }
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(values.get("signature"));
        } catch (IllegalArgumentException e) {
            throw new Malformed(source, lines.get("signature"), "signature", "not base64");
        }
        if (sig.length != 64) {
            throw new Malformed(source, lines.get("signature"), "signature", "an Ed25519 signature has 64 bytes, this one "
                    + sig.length);
        }
        return new SignatureFile(key, signer, sha, sig);
    }
}
