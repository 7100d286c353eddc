package dev.tshoot.handoff;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A real S3 store for the tests: S3Proxy 2.6.0 over a filesystem folder, in its own JVM on the
 * loopback address (its Jetty and jclouds cannot share Spring Boot 4's class path). The class path
 * comes from src/test/s3proxy/pom.xml, resolved once by Maven into target/s3proxy.classpath.
 */
final class S3Store implements AutoCloseable {

    static final String IDENTITY = "tshoot-test-identity";
    static final String CREDENTIAL = "tshoot-test-credential";
    static final String BUCKET = "cases";

    final URI endpoint;
    final Path data;
    private final Process process;
    private final Path log;

    private S3Store(URI endpoint, Path data, Process process, Path log) {
        this.endpoint = endpoint;
        this.data = data;
        this.process = process;
        this.log = log;
    }

    static S3Store start(Path work) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path data = Files.createDirectories(work.resolve("store"));
        Files.createDirectories(data.resolve(BUCKET));
        Path props = work.resolve("s3proxy.properties");
        Files.writeString(props, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + IDENTITY,
                "s3proxy.credential=" + CREDENTIAL,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + data.toAbsolutePath(), ""));
        Path log = work.resolve("s3proxy.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", classPath(), "org.gaul.s3proxy.Main", "--properties", props.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("S3Proxy did not start:\n" + Files.readString(log));
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return new S3Store(URI.create("http://127.0.0.1:" + port), data, p, log);
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("S3Proxy did not listen on " + port + " within 60 s:\n" + Files.readString(log));
    }

    /** S3Proxy's class path, resolved by Maven from src/test/s3proxy/pom.xml on first use. */
    static synchronized String classPath() throws IOException, InterruptedException {
        Path out = Path.of("target/s3proxy.classpath").toAbsolutePath();
        if (!Files.isRegularFile(out) || Files.size(out) == 0) {
            String mvn = System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn";
            String said = "";
            // offline first (fast, no network); a clean machine downloads S3Proxy once
            for (List<String> mode : List.of(List.of("-o"), List.<String>of())) {
                List<String> cmd = new java.util.ArrayList<>(List.of(mvn, "-q", "-B"));
                cmd.addAll(mode);
                cmd.addAll(List.of("-f", "src/test/s3proxy/pom.xml", "dependency:build-classpath", "-Dmdep.outputFile=" + out));
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor() == 0 && Files.isRegularFile(out) && Files.size(out) > 0) {
                    break;
                }
            }
            if (!Files.isRegularFile(out) || Files.size(out) == 0) {
                throw new IllegalStateException("Could not resolve S3Proxy's class path (Maven Central unreachable?):\n" + said);
            }
        }
        return Files.readString(out).strip();
    }

    StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL));
    }

    S3Client client() {
        return S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(credentials())
                .requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(software.amazon.awssdk.core.checksums.ResponseChecksumValidation.WHEN_REQUIRED).build();
    }

    S3Presigner presigner() {
        return S3Presigner.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials())
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
