package dev.tshoot.handoff;

import java.net.URI;

/** Where a case goes: a pre-signed URL support handed out, or a bucket reached with credentials. */
public sealed interface Destination {

    /** A pre-signed PUT URL: no credentials on this machine; one request, no parts. */
    record PresignedUrl(URI url) implements Destination {}

    /**
     * A bucket with credentials from the default AWS chain. {@code prefix}, {@code endpoint} and
     * {@code region} may be null (no prefix, AWS itself, the chain's region).
     */
    record Bucket(String bucket, String prefix, URI endpoint, String region) implements Destination {}
}
