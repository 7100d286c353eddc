package dev.tshoot.handoff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * A bundle to a bucket with the SDK's client (credentials from the default AWS chain). Up to one
 * part size it is one PUT; above, a multipart upload whose id and part size are kept next to the
 * bundle ({@code <bundle>.upload}), so a run after a broken connection lists the parts the store
 * already holds, checks each against the local bytes' MD5 and sends only the rest. Every request
 * carries Content-MD5 (the store refuses bytes that do not match), every returned ETag is checked,
 * and the object is read back with HEAD: its size and SHA-256 metadata must be the bundle's.
 */
final class BucketSender {

    private final S3Client s3;
    private final long partSize;

    BucketSender(S3Client s3, long partSize) {
        this.s3 = s3;
        this.partSize = partSize;
    }

    Receipt send(Destination.Bucket d, CaseFacts facts) throws SendFailure {
        String key = (d.prefix() == null || d.prefix().isBlank() ? "" : d.prefix().replaceAll("/+$", "") + "/") + facts.objectName();
        String where = "s3://" + d.bucket() + "/" + key;
        try {
            Receipt r = facts.size() <= partSize ? single(d.bucket(), key, facts, where) : multipart(d.bucket(), key, facts, where);
            HeadObjectResponse head = s3.headObject(b -> b.bucket(d.bucket()).key(key));
            if (head.contentLength() != facts.size() || !facts.sha256().equals(head.metadata().get(CaseFacts.META_SHA256))) {
                throw new SendFailure("The object at " + where + " is not this bundle when read back (" + head.contentLength() + " bytes, SHA-256 "
                        + head.metadata().get(CaseFacts.META_SHA256) + ").", Failures.RETRY);
            }
            return r;
        } catch (S3Exception e) {
            throw Failures.store(e.statusCode(), e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode(),
                    e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage(), where);
        } catch (SdkClientException e) {
            SendFailure f = Failures.network(e, where);
            if (f != null) {
                throw f;
            }
            String m = String.valueOf(e.getMessage());
            if (m.contains("credentials") || m.contains("Credentials")) {
                throw new SendFailure("No AWS credentials for " + where + ": the default chain (environment, ~/.aws, instance role) found none.",
                        "Set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or send to the pre-signed URL support gave you: send <file> --url <url>.");
            }
            if (m.contains("region") || m.contains("Region")) {
                throw new SendFailure("No AWS region for " + where + ".", "Give one with --region (for example --region eu-west-1).");
            }
            throw new SendFailure("The upload to " + where + " failed: " + m, Failures.RETRY);
        } catch (SdkException e) {
            throw new SendFailure("The upload to " + where + " failed: " + e.getMessage(), Failures.RETRY);
        } catch (IOException e) {
            throw new SendFailure("Cannot read " + facts.bundle() + ": " + e.getMessage() + ".", "Check the file is there and readable.");
        }
    }

    private Receipt single(String bucket, String key, CaseFacts facts, String where) throws IOException, SendFailure {
        byte[] md5 = Digests.md5(facts.bundle());
        PutObjectResponse r = s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/zip").metadata(facts.metadata())
                .contentMD5(Digests.base64(md5)), RequestBody.fromFile(facts.bundle()));
        check(r.eTag(), Digests.hex(md5), where);
        return new Receipt(where, Digests.unquote(r.eTag()), 1, 0);
    }

    private Receipt multipart(String bucket, String key, CaseFacts facts, String where) throws IOException, SendFailure {
        Path statePath = statePath(facts.bundle());
        UploadState state = UploadState.read(statePath);
        Map<Integer, String> held = new HashMap<>();
        if (state != null && state.matches(bucket, key, facts.sha256(), partSize)) {
            String known = state.uploadId();
            try {
                for (Part p : s3.listPartsPaginator(b -> b.bucket(bucket).key(key).uploadId(known)).parts()) {
                    held.put(p.partNumber(), Digests.unquote(p.eTag()));
                }
            } catch (NoSuchUploadException e) {
                state = null; // the store forgot it (expired or aborted): start again
            }
        } else {
            state = null;
        }
        if (state == null) {
            held.clear();
            String id = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType("application/zip").metadata(facts.metadata())).uploadId();
            state = new UploadState(bucket, key, id, facts.sha256(), partSize);
            state.write(statePath);
        }
        String uploadId = state.uploadId();
        int count = (int) ((facts.size() + partSize - 1) / partSize);
        List<CompletedPart> parts = new ArrayList<>();
        List<byte[]> md5s = new ArrayList<>();
        int resumed = 0;
        for (int n = 1; n <= count; n++) {
            long offset = (n - 1) * partSize;
            byte[] data = Digests.range(facts.bundle(), offset, (int) Math.min(partSize, facts.size() - offset));
            byte[] md5 = Digests.md5(data);
            md5s.add(md5);
            String etag;
            if (Digests.hex(md5).equalsIgnoreCase(held.get(n))) {
                etag = held.get(n);
                resumed++;
            } else {
                final int part = n;
                UploadPartResponse r = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(part)
                        .contentLength((long) data.length).contentMD5(Digests.base64(md5)), RequestBody.fromBytes(data));
                check(r.eTag(), Digests.hex(md5), where + " (part " + n + ")");
                etag = Digests.unquote(r.eTag());
            }
            parts.add(CompletedPart.builder().partNumber(n).eTag(etag).build());
        }
        CompleteMultipartUploadResponse done = s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));
        String etag = Digests.unquote(done.eTag());
        byte[] all = new byte[16 * md5s.size()];
        for (int i = 0; i < md5s.size(); i++) {
            System.arraycopy(md5s.get(i), 0, all, 16 * i, 16);
        }
        String composite = Digests.hex(Digests.md5(all)) + "-" + count;
        if (etag.contains("-") ? !etag.equalsIgnoreCase(composite) : !etag.equalsIgnoreCase(Digests.hex(Digests.md5(facts.bundle())))) {
            throw new SendFailure("The store at " + where + " reports a checksum (ETag " + etag + ") that is not the one of the parts sent ("
                    + composite + ").", Failures.RETRY);
        }
        Files.deleteIfExists(statePath);
        return new Receipt(where, etag, count, resumed);
    }

    private static void check(String etag, String md5, String where) throws SendFailure {
        String e = Digests.unquote(etag);
        if (!e.equalsIgnoreCase(md5)) {
            throw new SendFailure("The store at " + where + " reports a checksum (ETag " + e + ") that is not the MD5 of the bytes sent ("
                    + md5 + ").", Failures.RETRY);
        }
    }

    /** Where a multipart upload's id is kept between runs. */
    static Path statePath(Path bundle) {
        return bundle.resolveSibling(bundle.getFileName() + ".upload");
    }
}
