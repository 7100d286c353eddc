package dev.tshoot.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.tshoot.playbook.BoundedFiles;
import dev.tshoot.playbook.Ed25519Keys;
import dev.tshoot.playbook.LocatedYaml;
import dev.tshoot.playbook.PlaybookCatalog;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.playbook.Provenance;
import dev.tshoot.playbook.SignatureFile;
import dev.tshoot.playbook.Signatures;
import dev.tshoot.playbook.TrustedKeys;
import dev.tshoot.text.SafeText;

/**
 * {@code playbook keygen}, {@code playbook sign} and {@code playbook verify-signature}: make a signing
 * key, sign a playbook (its {@code .sig} beside it), and check a playbook's signature against the
 * user's trusted keys. Exit 0 done (verify: signed by a key you trust), 1 verify found no trusted
 * signature, 2 bad input.
 */
public final class SignPlaybooks {

    /** At most this many bytes of a private key file are read. */
    public static final int MAX_KEY_BYTES = 16 * 1024;

    /** How a signing command ended. */
    public sealed interface Result {
        /** Handles each way a signing command can end; the compiler checks that none is forgotten. */
        interface Visitor<R> {
            R refused(Refused r);

            R notLoaded(NotLoaded n);

            R keyGenerated(KeyGenerated k);

            R signed(Signed s);

            R verified(Verified v);
        }

        <R> R accept(Visitor<R> v);

        int exitStatus();
    }

    /** Nothing was done: {@code message} says why and what to do. */
    public record Refused(String message) implements Result {
        public <R> R accept(Visitor<R> v) { return v.refused(this); }

        public int exitStatus() { return ExitStatus.BAD_INPUT; }
    }

    /** The playbook to sign cannot be used (not found, or it has findings). */
    public record NotLoaded(PlaybookLoad load) implements Result {
        public <R> R accept(Visitor<R> v) { return v.notLoaded(this); }

        public int exitStatus() { return load.exitStatus(); }
    }

    /** A key pair was made: the private key file, the public line's file, the id and the trusted-keys line. */
    public record KeyGenerated(Path privateKey, Path publicLine, String keyId, String trustedLine, boolean ownerOnly)
            implements Result {
        public <R> R accept(Visitor<R> v) { return v.keyGenerated(this); }

        public int exitStatus() { return ExitStatus.OK; }
    }

    /** A playbook was signed ({@code unchanged}: its signature file already held exactly this signature). */
    public record Signed(Path playbook, Path signatureFile, SignatureFile signature, boolean unchanged, String trustedLine,
            List<String> warnings) implements Result {
        public Signed {
            warnings = List.copyOf(warnings);
        }

        public <R> R accept(Visitor<R> v) { return v.signed(this); }

        public int exitStatus() { return ExitStatus.OK; }
    }

    /** What a playbook's signature shows. */
    public record Verified(Path playbook, Provenance provenance) implements Result {
        public <R> R accept(Visitor<R> v) { return v.verified(this); }

        public int exitStatus() { return provenance.trusted() ? ExitStatus.OK : ExitStatus.FINDINGS; }
    }

    private SignPlaybooks() {}

    /** Makes a key pair for {@code name} in {@code outDir}: {@code <slug>.key} (private, owner-only) and {@code <slug>.pub}. */
    public static Result keygen(String name, Path outDir) {
        if (name == null || name.isBlank()) {
            return new Refused("Name the signer: playbook keygen <name> [--out <folder>], e.g. playbook keygen \"Acme Support\".");
        }
        String n = name.strip();
        if (n.length() > 100 || n.chars().anyMatch(c -> SafeText.unsafe((char) c)) || n.startsWith("#")) {
            return new Refused("A signer's name is 1 to 100 printable characters and does not start with '#'.");
        }
        String slug = n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        Path key = outDir.resolve((slug.isEmpty() ? "signing-key" : slug) + ".key");
        Path pub = outDir.resolve((slug.isEmpty() ? "signing-key" : slug) + ".pub");
        try {
            Files.createDirectories(outDir);
            if (Files.exists(key, LinkOption.NOFOLLOW_LINKS) || Files.exists(pub, LinkOption.NOFOLLOW_LINKS)) {
                return new Refused((Files.exists(key, LinkOption.NOFOLLOW_LINKS) ? key : pub) + " exists; tshoot never"
                        + " overwrites a key. Choose another --out folder or name.");
            }
            var pair = Ed25519Keys.generate();
            boolean ownerOnly = OwnerOnly.create(key);
            Files.writeString(key, Ed25519Keys.privatePem(pair.getPrivate(), n), StandardCharsets.UTF_8);
            String line = TrustedKeys.line(n, pair.getPublic());
            Files.writeString(pub, line + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
            return new KeyGenerated(key, pub, Ed25519Keys.keyId(pair.getPublic()), line, ownerOnly);
        } catch (FileAlreadyExistsException e) {
            return new Refused(e.getFile() + " exists; tshoot never overwrites a key.");
        } catch (IOException e) {
            return new Refused("The key could not be written to " + outDir + ": " + e.getMessage());
        }
    }

    /** Signs the playbook {@code target} (id or file) with the private key in {@code keyFile}. */
    public static Result sign(PlaybookCatalog catalog, String target, String keyFile, boolean force) {
        if (keyFile == null || keyFile.isBlank()) {
            return new Refused("Name the private key: playbook sign <playbook> --key <private key file>"
                    + " ('playbook keygen <name>' makes one).");
        }
        PlaybookLoad load = PlaybookLoad.load(catalog, target);
        if (load.usable() == null) {
            return new NotLoaded(load);
        }
        Ed25519Keys.Private key;
        List<String> warnings = new ArrayList<>();
        Path kf = Path.of(keyFile);
        try {
            key = Ed25519Keys.readPrivate(new String(BoundedFiles.read(kf, MAX_KEY_BYTES, "private key file"),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Refused(e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new Refused(kf + " cannot be used as a signing key: " + e.getMessage() + ".");
        }
        if (OwnerOnly.readableByOthers(kf)) {
            warnings.add("the private key " + kf + " can be read by other users; run: chmod 600 " + kf);
        }
        String signer = key.signer() != null ? key.signer()
                : kf.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path file = Path.of(load.usable().file());
        Path sigPath = SignatureFile.beside(file);
        SignatureFile sig = Signatures.sign(load.usable().sha256(), key, signer);
        byte[] text = sig.text().getBytes(StandardCharsets.UTF_8);
        String line = TrustedKeys.line(signer, key.publicKey());
        try {
            if (Files.exists(sigPath, LinkOption.NOFOLLOW_LINKS)) {
                boolean regular = Files.isRegularFile(sigPath, LinkOption.NOFOLLOW_LINKS);
                if (regular && Files.size(sigPath) == text.length && Arrays.equals(Files.readAllBytes(sigPath), text)) {
                    return new Signed(file, sigPath, sig, true, line, warnings);
                }
                if (!force) {
                    return new Refused(sigPath + (regular ? " holds another signature" : " is not a regular file")
                            + "; pass --force to replace it.");
                }
            }
            Path tmp = Files.createTempFile(sigPath.toAbsolutePath().getParent(), ".tshoot-sig-", ".tmp");
            Files.write(tmp, text);
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(tmp, sigPath, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, sigPath, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            return new Refused("The signature could not be written to " + sigPath + ": " + e.getMessage());
        }
        return new Signed(file, sigPath, sig, false, line, warnings);
    }

    /** Checks the signature of {@code target} (id or file) against {@code keys}. */
    public static Result verify(PlaybookCatalog catalog, String target, TrustedKeys keys) {
        if (target == null || target.isBlank()) {
            return new Refused("Name a playbook: playbook verify-signature <id or file>.");
        }
        Path file = catalog.resolve(target);
        if (file == null) {
            return new Refused(catalog.notFoundMessage(target));
        }
        byte[] bytes;
        try {
            bytes = BoundedFiles.read(file, LocatedYaml.MAX_BYTES, "playbook");
        } catch (IOException e) {
            return new Refused(e.getMessage());
        }
        String notPlaybook = notAPlaybook(file, bytes);
        if (notPlaybook != null) {
            return new Refused(notPlaybook);
        }
        return new Verified(file, Signatures.check(file, PlaybookLoader.sha256(bytes), keys));
    }

    /**
     * Null when {@code bytes} read as a tshoot playbook (a YAML mapping with {@code apiVersion: tshoot/v1}
     * and {@code kind: Playbook}; lint findings do not matter, a signature covers bytes), else why not.
     */
    static String notAPlaybook(Path file, byte[] bytes) {
        LocatedYaml y = LocatedYaml.parse(file.toString(), bytes);
        com.fasterxml.jackson.databind.JsonNode root = y.fatal() ? null : y.root();
        if (root != null && root.isObject() && root.path("apiVersion").asText("").startsWith("tshoot/")
                && root.path("kind").asText("").equals("Playbook")) {
            return null;
        }
        return file + " is not a tshoot playbook (" + (root == null ? "it does not read as YAML"
                : !root.isObject() ? "it is not a YAML mapping" : "it has no 'apiVersion: tshoot/v1' and 'kind: Playbook'")
                + "), so it has no playbook signature to check. Name a playbook file or id (playbook list shows them).";
    }

    /** Files only their owner may read, where the file system has a notion of it. */
    static final class OwnerOnly {
        private OwnerOnly() {}

        /** Creates an empty file only its owner can read and write; false when the OS could not be told so. */
        static boolean create(Path file) throws IOException {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.util.EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
                return true;
            }
            Files.createFile(file);
            var acl = Files.getFileAttributeView(file, java.nio.file.attribute.AclFileAttributeView.class);
            if (acl == null) {
                return false;
            }
            var owner = acl.getOwner();
            acl.setAcl(List.of(java.nio.file.attribute.AclEntry.newBuilder()
                    .setType(java.nio.file.attribute.AclEntryType.ALLOW).setPrincipal(owner)
                    .setPermissions(java.util.EnumSet.allOf(java.nio.file.attribute.AclEntryPermission.class)).build()));
            return true;
        }

        static boolean readableByOthers(Path file) {
            try {
                var p = Files.getPosixFilePermissions(file);
                return p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ);
            } catch (UnsupportedOperationException | IOException e) {
                return false;
            }
        }
    }
}
