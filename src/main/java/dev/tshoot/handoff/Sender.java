package dev.tshoot.handoff;

import java.net.URI;

import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Sends a case bundle to a {@link Destination}. Bundles above {@link #PART_SIZE} go to a bucket in
 * parts. Content-MD5 on every request is the store's checksum check (it is the one AWS, MinIO, Ceph
 * and R2 all honour); the SDK's own trailing checksums are left off for the same reason.
 */
public final class Sender {

    /** 8 MiB: S3's parts must be at least 5 MiB, except the last. */
    public static final long PART_SIZE = 8L << 20;

    private final long partSize;
    private final PresignedSender.Sleeper sleeper;

    public Sender() {
        this(PART_SIZE, PresignedSender.Sleeper.REAL);
    }

    /** A smaller part size for tests (the store must accept it: S3Proxy does, AWS wants 5 MiB). */
    Sender(long partSize, PresignedSender.Sleeper sleeper) {
        this.partSize = partSize;
        this.sleeper = sleeper;
    }

    public Receipt send(Destination d, CaseFacts facts) throws SendFailure {
        if (d instanceof Destination.PresignedUrl u) {
            return new PresignedSender(sleeper).send(u, facts);
        }
        Destination.Bucket b = (Destination.Bucket) d;
        try (S3Client s3 = client(b)) {
            return new BucketSender(s3, partSize).send(b, facts);
        }
    }

    static S3Client client(Destination.Bucket b) throws SendFailure {
        Region region;
        if (b.region() != null && !b.region().isBlank()) {
            region = Region.of(b.region());
        } else {
            try {
                region = DefaultAwsRegionProviderChain.builder().build().getRegion();
            } catch (SdkClientException e) {
                if (b.endpoint() == null) {
                    throw new SendFailure("No AWS region for s3://" + b.bucket() + ": none given and none in the AWS configuration.",
                            "Give the bucket's region with --region (for example --region eu-west-1).");
                }
                region = Region.US_EAST_1; // a store other than AWS: the region only names the signature scope
            }
        }
        S3ClientBuilder builder = S3Client.builder().region(region).httpClient(UrlConnectionHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        URI endpoint = b.endpoint();
        if (endpoint != null) {
            builder.endpointOverride(endpoint).forcePathStyle(true); // MinIO, Ceph, S3Proxy: the bucket in the path
        }
        return builder.build();
    }
}
