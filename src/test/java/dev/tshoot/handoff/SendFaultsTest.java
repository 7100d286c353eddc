package dev.tshoot.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import dev.tshoot.app.SendCase;
import dev.tshoot.handoff.FaultProxy.Fault;

/**
 * {@code send} through a {@link FaultProxy} in front of S3Proxy: each fault leaves the bundle as it
 * was (same SHA-256), says what failed and what to do, exits {@link SendCase#NOT_SENT} without a
 * stack trace; once the fault is gone a second run resumes the multipart upload (the parts already
 * held are not sent again) and the object read back is the bundle, with its SHA-256 and seal.
 */
class SendFaultsTest {

    static S3Store store;
    static FaultProxy proxy;
    @TempDir static Path work;
    static final AtomicInteger cases = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        store = S3Store.start(Files.createDirectories(work.resolve("server")));
        proxy = new FaultProxy(store.endpoint);
        System.setProperty("aws.accessKeyId", S3Store.IDENTITY);
        System.setProperty("aws.secretAccessKey", S3Store.CREDENTIAL);
    }

    @AfterAll
    static void stop() throws Exception {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (proxy != null) {
            proxy.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @BeforeEach
    void heal() {
        proxy.heal();
        proxy.requests.clear();
    }

    record Run(int status, String out) {}

    static Run send(String file) {
        StringWriter text = new StringWriter();
        int status = new SendCase(work, work, new Sender())
                .run(new SendCase.Request(file, null, S3Store.BUCKET, null, proxy.endpoint().toString(), "us-east-1"), new PrintWriter(text));
        return new Run(status, text.toString());
    }

    /** A bundle of two parts (8 MiB + 3 MiB) whose manifest names a case and a seal. */
    static Path bigBundle() throws Exception {
        int n = cases.incrementAndGet();
        Path bundle = Files.createDirectories(work.resolve("case" + n)).resolve("big.zip");
        byte[] noise = new byte[11 << 20];
        new Random(n).nextBytes(noise);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bundle))) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(("{\"format\":\"tshoot-export-bundle\",\"sessionId\":\"fault-" + n + "\",\"integrity\":{\"seal\":\"SEAL-000" + n + "\"}}").getBytes());
            zip.putNextEntry(new ZipEntry("host-facts.json"));
            zip.write(noise);
        }
        return bundle;
    }

    static void assertNotSent(Run r, Path bundle, String sha, String... says) throws Exception {
        assertThat(r.status()).as(r.out()).isEqualTo(SendCase.NOT_SENT);
        assertThat(r.out()).contains("Not sent: ").contains("Nothing is lost: the bundle is kept at " + bundle)
                .doesNotContain("Exception").doesNotContain("\tat ");
        for (String s : says) {
            assertThat(r.out()).contains(s);
        }
        assertThat(Digests.sha256(bundle)).isEqualTo(sha);
    }

    /** The second run: resumes (part 1 not sent again), and the store holds the bundle with its SHA-256 and seal. */
    static void assertResumes(Path bundle, String sha) throws Exception {
        proxy.heal();
        long part1 = proxy.count("partNumber=1&");
        Run r = send(bundle.toString());
        assertThat(r.status()).as(r.out()).isZero();
        assertThat(proxy.count("partNumber=1&")).as("part 1 is not sent again").isEqualTo(part1);
        assertThat(BucketSender.statePath(bundle)).doesNotExist();
        int n = Integer.parseInt(bundle.getParent().getFileName().toString().substring(4));
        try (S3Client s3 = store.client()) {
            ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(S3Store.BUCKET).key("fault-" + n + "-" + sha.substring(0, 12) + ".zip"));
            assertThat(Digests.hex(java.security.MessageDigest.getInstance("SHA-256").digest(got.asByteArray()))).isEqualTo(sha);
            assertThat(got.response().metadata()).containsEntry(CaseFacts.META_SHA256, sha).containsEntry(CaseFacts.META_SEAL, "SEAL-000" + n);
        }
    }

    @Test
    void theConnectionDroppedInMidPartIsResumedWithoutResendingPartOne() throws Exception {
        Path bundle = bigBundle();
        String sha = Digests.sha256(bundle);
        proxy.rule(line -> line.contains("partNumber=2&") ? new Fault.DropMidBody() : FaultProxy.FORWARD);
        Run r = send(bundle.toString());
        assertNotSent(r, bundle, sha, "broke during the upload", "Run the same 'send' again");
        assertThat(BucketSender.statePath(bundle)).exists();
        assertThat(proxy.count("partNumber=1&")).isEqualTo(1);
        assertResumes(bundle, sha);
    }

    @Test
    void slowDownIsRetriedWithBackOffAndThenSucceeds() throws Exception {
        Path bundle = bigBundle();
        AtomicInteger refused = new AtomicInteger();
        proxy.rule(line -> line.contains("partNumber=2&") && refused.getAndIncrement() < 2
                ? new Fault.Answer(503, "SlowDown", "Please reduce your request rate.") : FaultProxy.FORWARD);
        Run r = send(bundle.toString());
        assertThat(r.status()).as(r.out()).isZero();
        assertThat(proxy.count("partNumber=2&")).isEqualTo(3);
    }

    @Test
    void aStoreThatAnswers503ForeverIsGivenUpWithAClearMessage() throws Exception {
        sendsWithAFaultOnPart2ThenResumes(new Fault.Answer(503, "ServiceUnavailable", "Try again later."), "failed the upload", "also on retry", "HTTP 503 ServiceUnavailable", "Wait a few minutes and run 'send' again");
    }

    @Test
    void aFullDiskOnTheStoreSaysSo() throws Exception {
        sendsWithAFaultOnPart2ThenResumes(new Fault.Answer(507, "InsufficientStorage", "Not enough space on the server."), "The store has no room for the bundle", "HTTP 507 InsufficientStorage", "Tell support their store is full");
    }

    @Test
    void anEntityTooLargeSaysSo() throws Exception {
        sendsWithAFaultOnPart2ThenResumes(new Fault.Answer(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size."), "The store has no room for the bundle", "EntityTooLarge");
    }

    @Test
    void aWrongChecksumFromTheStoreIsCaught() throws Exception {
        sendsWithAFaultOnPart2ThenResumes(new Fault.WrongEtag("0123456789abcdef0123456789abcdef"), "reports a checksum (ETag 0123456789abcdef0123456789abcdef) that is not the MD5 of the bytes sent", "Run the same 'send' again");
    }

    /** Part 2 meets {@code fault}: not sent, with {@code expected} in the message and the bundle intact; healed, a second run resumes. */
    private void sendsWithAFaultOnPart2ThenResumes(Fault fault, String... expected) throws Exception {
        Path bundle = bigBundle();
        String sha = Digests.sha256(bundle);
        proxy.rule(line -> line.contains("partNumber=2&") ? fault : FaultProxy.FORWARD);
        Run r = send(bundle.toString());
        assertNotSent(r, bundle, sha, expected);
        assertResumes(bundle, sha);
    }

    @Test
    void anExpiredPresignedUrlThroughTheProxySaysSo() throws Exception {
        Path bundle = bigBundle();
        String sha = Digests.sha256(bundle);
        String url;
        try (S3Presigner p = S3Presigner.builder().endpointOverride(proxy.endpoint()).region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(store.credentials())
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder().pathStyleAccessEnabled(true).build()).build()) {
            url = p.presignPutObject(b -> b.signatureDuration(Duration.ofMinutes(5)).putObjectRequest(o -> o.bucket(S3Store.BUCKET).key("late.zip")))
                    .url().toString();
        }
        proxy.rule(line -> new Fault.Answer(403, "AccessDenied", "Request has expired"));
        StringWriter text = new StringWriter();
        int status = new SendCase(work, work, new Sender()).run(new SendCase.Request(bundle.toString(), url, null, null, null, null), new PrintWriter(text));
        assertNotSent(new Run(status, text.toString()), bundle, sha, "expired", "Ask support for a new pre-signed URL");
        assertThat(text.toString()).doesNotContain("X-Amz-Signature");
        assertThat(proxy.count("PUT /cases/late.zip")).isEqualTo(1);
        proxy.heal();
        text = new StringWriter();
        status = new SendCase(work, work, new Sender()).run(new SendCase.Request(bundle.toString(), url, null, null, null, null), new PrintWriter(text));
        assertThat(status).as(text.toString()).isZero();
        try (S3Client s3 = store.client()) {
            byte[] got = s3.getObjectAsBytes(b -> b.bucket(S3Store.BUCKET).key("late.zip")).asByteArray();
            assertThat(Digests.hex(java.security.MessageDigest.getInstance("SHA-256").digest(got))).isEqualTo(sha);
        }
    }
}
