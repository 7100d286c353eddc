package dev.tshoot.handoff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and MD5 of files and file ranges (MD5 only because S3's Content-MD5 and ETag use it). */
public final class Digests {

    private Digests() {}

    public static String sha256(Path file) throws IOException {
        MessageDigest d = digest("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** The bytes of {@code file} from {@code offset}, {@code length} of them. */
    static byte[] range(Path file, long offset, int length) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(length);
            while (b.hasRemaining()) {
                if (ch.read(b, offset + b.position()) < 0) {
                    throw new IOException(file + " became shorter while it was being sent");
                }
            }
            return b.array();
        }
    }

    static byte[] md5(byte[] data) {
        return digest("MD5").digest(data);
    }

    static byte[] md5(Path file) throws IOException {
        MessageDigest d = digest("MD5");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
        }
        return d.digest();
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static String base64(byte[] b) {
        return java.util.Base64.getEncoder().encodeToString(b);
    }

    /** An ETag without its quotes. */
    static String unquote(String etag) {
        return etag == null ? "" : etag.replace("\"", "").strip();
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
