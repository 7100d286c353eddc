package dev.tshoot.handoff;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Many files between a bucket and a local folder, for {@code stats s3://…}: the transcripts under a
 * prefix copied into a folder, and a Parquet dataset copied up under a prefix. Object names are
 * someone else's: a local file is named by its number and the last part of its name, with every
 * character outside {@code [A-Za-z0-9._-]} made {@code _}, so no name can climb out of the folder.
 * Both directions are bounded (objects and bytes); going over a bound stops with what to do.
 */
public final class BucketFiles {

    /** What was copied down. */
    public record Fetched(int objects, long bytes, int skipped) {}

    private BucketFiles() {}

    /**
     * Copies every object under {@code b}'s prefix whose name ends in {@code .jsonl} into {@code into}
     * (which must be empty); at most {@code maxObjects} objects and {@code maxBytes} bytes.
     */
    public static Fetched fetch(Destination.Bucket b, Path into, int maxObjects, long maxBytes) throws SendFailure {
        String where = "s3://" + b.bucket() + "/" + (b.prefix() == null ? "" : b.prefix());
        try (S3Client s3 = Sender.client(b)) {
            ListObjectsV2Request list = ListObjectsV2Request.builder().bucket(b.bucket())
                    .prefix(b.prefix() == null || b.prefix().isEmpty() ? null : b.prefix().endsWith("/") ? b.prefix() : b.prefix() + "/")
                    .build();
            List<S3Object> wanted = new ArrayList<>();
            long bytes = 0;
            int skipped = 0;
            for (S3Object o : s3.listObjectsV2Paginator(list).contents()) {
                if (!o.key().endsWith(".jsonl")) {
                    skipped++;
                    continue;
                }
                wanted.add(o);
                bytes += o.size() == null ? 0 : o.size();
                if (wanted.size() > maxObjects || bytes > maxBytes) {
                    throw new SendFailure(where + " holds more than " + maxObjects + " transcripts or " + (maxBytes >> 20)
                            + " MiB; stats stops rather than fill this disk.",
                            "Name a narrower prefix (a month, a playbook), or copy the objects yourself (aws s3 sync) and run stats on that folder.");
                }
            }
            int n = 0;
            for (S3Object o : wanted) {
                Path file = into.resolve(String.format("%06d_%s", ++n, localName(o.key())));
                try (InputStream in = s3.getObject(GetObjectRequest.builder().bucket(b.bucket()).key(o.key()).build());
                        OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                    long max = o.size() == null ? maxBytes : o.size();
                    if (in.transferTo(new Bounded(out, max)) > max) {
                        throw new SendFailure(o.key() + " grew while it was copied.", "Run stats again.");
                    }
                }
            }
            return new Fetched(wanted.size(), bytes, skipped);
        } catch (SdkException e) {
            throw failure(e, where, "reading");
        } catch (IOException e) {
            throw new SendFailure("Could not copy " + where + " into " + into + ": " + e.getMessage() + ".",
                    "Free some disk space, or copy the objects yourself (aws s3 sync) and run stats on that folder.");
        }
    }

    /** Copies every file under {@code dir} to {@code b}'s prefix, keeping the relative path as the object name; the number copied. */
    public static int put(Path dir, Destination.Bucket b) throws SendFailure {
        String where = "s3://" + b.bucket() + "/" + (b.prefix() == null ? "" : b.prefix());
        String prefix = b.prefix() == null || b.prefix().isEmpty() ? "" : b.prefix().endsWith("/") ? b.prefix() : b.prefix() + "/";
        try (S3Client s3 = Sender.client(b); Stream<Path> files = Files.walk(dir)) {
            int n = 0;
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String key = prefix + dir.relativize(f).toString().replace('\\', '/');
                s3.putObject(PutObjectRequest.builder().bucket(b.bucket()).key(key).build(), RequestBody.fromFile(f));
                n++;
            }
            return n;
        } catch (SdkException e) {
            throw failure(e, where, "writing to");
        } catch (IOException e) {
            throw new SendFailure("Could not read " + dir + ": " + e.getMessage() + ".", "Check the folder and run again.");
        }
    }

    /** What went wrong with the store, in words, and what to do. */
    static SendFailure failure(SdkException e, String where, String doing) {
        String again = "Run the same command again once that is fixed.";
        if (e instanceof software.amazon.awssdk.services.s3.model.S3Exception s) {
            String code = s.awsErrorDetails() == null ? "" : String.valueOf(s.awsErrorDetails().errorCode());
            String said = " (HTTP " + s.statusCode() + (code.isEmpty() || code.equals("null") ? "" : " " + code) + ")";
            if (code.equals("NoSuchBucket")) {
                return new SendFailure("There is no bucket at " + where + said + ".", "Check the bucket name (and --endpoint for a store other than AWS). " + again);
            }
            if (s.statusCode() == 301 || code.equals("AuthorizationHeaderMalformed") || code.equals("PermanentRedirect")) {
                return new SendFailure("The bucket is not in the region the request was signed for" + said + ".",
                        "Give the bucket's region with --region (for example --region eu-west-1). " + again);
            }
            if (s.statusCode() == 403) {
                return new SendFailure("The store refused the credentials for " + where + said + ".",
                        "Check that the AWS profile or AWS_ACCESS_KEY_ID in use may " + (doing.equals("reading") ? "list and read" : "write") + " there. " + again);
            }
            return new SendFailure("The store failed while " + doing + " " + where + said + ".", "Wait a moment. " + again);
        }
        String m = String.valueOf(e.getMessage());
        if (m.contains("credentials") || m.contains("Credentials")) {
            return new SendFailure("No AWS credentials for " + where + ": the default chain (environment, ~/.aws, instance role) found none.",
                    "Set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY. " + again);
        }
        return new SendFailure("Cannot reach " + where + " (" + m + ").", "Check the network connection and --endpoint. " + again);
    }

    /** The last part of an object name, safe as a file name on every platform. */
    static String localName(String key) {
        String last = key.substring(key.lastIndexOf('/') + 1);
        String safe = last.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
        return safe.length() > 120 ? safe.substring(safe.length() - 120) : safe;
    }

    /** Stops writing past {@code max} bytes (and counts what it was offered). */
    private static final class Bounded extends OutputStream {
        private final OutputStream out;
        private final long max;
        private long written;

        Bounded(OutputStream out, long max) {
            this.out = out;
            this.max = max;
        }

        @Override public void write(int b) throws IOException {
            if (++written <= max) {
                out.write(b);
            }
        }

        @Override public void write(byte[] b, int off, int len) throws IOException {
            long room = Math.max(0, max - written);
            written += len;
            if (room > 0) {
                out.write(b, off, (int) Math.min(room, len));
            }
        }
    }
}
