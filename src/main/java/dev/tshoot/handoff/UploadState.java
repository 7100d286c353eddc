package dev.tshoot.handoff;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/** A multipart upload in progress, kept next to the bundle so a later run resumes it. */
record UploadState(String bucket, String key, String uploadId, String sha256, long partSize) {

    boolean matches(String bucket, String key, String sha256, long partSize) {
        return this.bucket.equals(bucket) && this.key.equals(key) && this.sha256.equals(sha256) && this.partSize == partSize;
    }

    /** The state in {@code file}, or null when there is none or it cannot be read (then the upload starts again). */
    static UploadState read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            return new UploadState(p.getProperty("bucket"), p.getProperty("key"), p.getProperty("uploadId"), p.getProperty("sha256"),
                    Long.parseLong(p.getProperty("partSize")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("bucket", bucket);
        p.setProperty("key", key);
        p.setProperty("uploadId", uploadId);
        p.setProperty("sha256", sha256);
        p.setProperty("partSize", Long.toString(partSize));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "tshoot send: a multipart upload in progress; 'send' resumes it");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
