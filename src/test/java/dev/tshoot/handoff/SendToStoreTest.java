package dev.tshoot.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import dev.tshoot.app.SendCase;

/**
 * {@code send} against a real S3 store (S3Proxy on loopback, its own JVM): with credentials from the
 * default AWS chain (here its system-property link) and with a pre-signed URL; read back, SHA-256
 * and seal checked; an expired URL and an unreachable store each leave the bundle intact.
 */
class SendToStoreTest {

    static S3Store store;
    @TempDir static Path work;

    @BeforeAll
    static void startStore() throws Exception {
        store = S3Store.start(Files.createDirectories(work.resolve("server")));
        System.setProperty("aws.accessKeyId", S3Store.IDENTITY);
        System.setProperty("aws.secretAccessKey", S3Store.CREDENTIAL);
    }

    @AfterAll
    static void stopStore() throws Exception {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (store != null) {
            store.close();
        }
    }

    record Run(int status, String out) {}

    static Run send(SendCase.Request r) {
        StringWriter text = new StringWriter();
        int status = new SendCase(work, work, new Sender()).run(r, new PrintWriter(text));
        return new Run(status, text.toString());
    }

    static Path transcript(String name) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name));
        return Files.copy(Path.of("src/test/resources/transcripts/001_walk_resolved.jsonl"), dir.resolve("001_walk_resolved.jsonl"));
    }

    static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(prefix + " missing in\n" + out))
                .substring(prefix.length()).strip();
    }

    @Test
    void aTranscriptGoesToABucketWithCredentialsAndReadsBackWithItsShaAndSeal() throws Exception {
        Path t = transcript("bucket");
        Run r = send(new SendCase.Request(t.toString(), null, S3Store.BUCKET, "tickets/4711", store.endpoint.toString(), "us-east-1"));
        assertThat(r.status()).as(r.out()).isZero();
        Path bundle = t.resolveSibling("001_walk_resolved.zip");
        assertThat(bundle).exists();
        String sha = Digests.sha256(bundle);
        assertThat(line(r.out(), "SHA-256:")).isEqualTo(sha);
        String caseId = line(r.out(), "Case id:");
        String seal = line(r.out(), "Seal:");
        String key = "tickets/4711/" + caseId + "-" + sha.substring(0, 12) + ".zip";
        try (S3Client s3 = store.client()) {
            ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(S3Store.BUCKET).key(key));
            assertThat(got.asByteArray()).isEqualTo(Files.readAllBytes(bundle));
            assertThat(got.response().metadata()).containsEntry(CaseFacts.META_SHA256, sha)
                    .containsEntry(CaseFacts.META_SEAL, seal).containsEntry(CaseFacts.META_CASE, caseId);
        }
        assertThat(r.out()).contains("Sent " + bundle).contains("The bundle stays at " + bundle);
    }

    @Test
    void aBundleGoesToAPresignedUrlWithoutCredentials() throws Exception {
        Path t = transcript("presigned");
        String key = "upload-" + System.nanoTime() + ".zip";
        String url;
        try (var p = store.presigner()) {
            url = p.presignPutObject(b -> b.signatureDuration(Duration.ofMinutes(5)).putObjectRequest(o -> o.bucket(S3Store.BUCKET).key(key)))
                    .url().toString();
        }
        Run r = send(new SendCase.Request(t.toString(), url, null, null, null, null));
        assertThat(r.status()).as(r.out()).isZero();
        Path bundle = t.resolveSibling("001_walk_resolved.zip");
        try (S3Client s3 = store.client()) {
            ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(S3Store.BUCKET).key(key));
            assertThat(got.asByteArray()).isEqualTo(Files.readAllBytes(bundle));
            assertThat(got.response().metadata()).containsEntry(CaseFacts.META_SHA256, Digests.sha256(bundle));
        }
        assertThat(r.out()).doesNotContain("X-Amz-Signature");
    }

    @Test
    void anExpiredPresignedUrlSaysSoAndKeepsTheBundle() throws Exception {
        Path t = transcript("expired");
        String url;
        try (var p = store.presigner()) {
            url = p.presignPutObject(b -> b.signatureDuration(Duration.ofSeconds(1)).putObjectRequest(o -> o.bucket(S3Store.BUCKET).key("late.zip")))
                    .url().toString();
        }
        Thread.sleep(2500); // the URL's lifetime passes; this waits for the store's clock, it measures nothing
        Run r = send(new SendCase.Request(t.toString(), url, null, null, null, null));
        assertThat(r.status()).as(r.out()).isEqualTo(SendCase.NOT_SENT);
        assertThat(r.out()).contains("Not sent: ").contains("expired").contains("Ask support for a new pre-signed URL")
                .contains("Nothing is lost: the bundle is kept at").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(t.resolveSibling("001_walk_resolved.zip")).exists();
    }

    @Test
    void anUnreachableStoreSaysSoAndKeepsTheBundle() throws Exception {
        Path t = transcript("offline");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Run r = send(new SendCase.Request(t.toString(), null, S3Store.BUCKET, null, "http://127.0.0.1:" + port, "us-east-1"));
        assertThat(r.status()).as(r.out()).isEqualTo(SendCase.NOT_SENT);
        assertThat(r.out()).contains("Cannot reach").contains("Check the network connection").doesNotContain("\tat ");
        assertThat(t.resolveSibling("001_walk_resolved.zip")).exists();
    }

    @Test
    void aLargeBundleGoesUpInPartsAndTheStoresChecksumIsChecked() throws Exception {
        Path dir = Files.createDirectories(work.resolve("large"));
        Path bundle = dir.resolve("large.zip");
        byte[] noise = new byte[11 << 20];
        new Random(15).nextBytes(noise);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bundle))) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write("{\"format\":\"tshoot-export-bundle\",\"sessionId\":\"big-case\",\"integrity\":{\"seal\":\"ABCD-EF01\"}}".getBytes());
            zip.putNextEntry(new ZipEntry("host-facts.json"));
            zip.write(noise);
        }
        Run r = send(new SendCase.Request(bundle.toString(), null, S3Store.BUCKET, null, store.endpoint.toString(), "us-east-1"));
        assertThat(r.status()).as(r.out()).isZero();
        assertThat(r.out()).contains(", 2 parts)").contains("Store checksum: ETag ").contains("-2 matches");
        assertThat(BucketSender.statePath(bundle)).doesNotExist();
        String sha = Digests.sha256(bundle);
        try (S3Client s3 = store.client()) {
            byte[] got = s3.getObjectAsBytes(b -> b.bucket(S3Store.BUCKET).key("big-case-" + sha.substring(0, 12) + ".zip")).asByteArray();
            assertThat(got).isEqualTo(Files.readAllBytes(bundle));
        }
    }

    @Test
    void aFileThatIsNoBundleIsRefused() throws Exception {
        Path f = Files.writeString(work.resolve("not-a-bundle.zip"), "hello");
        Run r = send(new SendCase.Request(f.toString(), null, S3Store.BUCKET, null, store.endpoint.toString(), "us-east-1"));
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).contains("not-a-bundle.zip: it is not a tshoot export bundle (no manifest.json). Make one with 'export <transcript> --format bundle'.");
    }
}
