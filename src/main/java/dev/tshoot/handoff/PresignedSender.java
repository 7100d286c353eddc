package dev.tshoot.handoff;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A bundle to a pre-signed PUT URL: one request (a pre-signed URL names one object and one method,
 * so there are no parts), with Content-MD5 so the store checks the bytes it received, and the case
 * facts as {@code x-amz-meta-*} headers. A 5xx or a broken connection is retried a few times; the
 * returned ETag must be the bundle's MD5.
 */
final class PresignedSender {

    static final int ATTEMPTS = 4;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    private final Sleeper sleeper;

    PresignedSender(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    Receipt send(Destination.PresignedUrl d, CaseFacts facts) throws SendFailure {
        String where = d.url().getScheme() + "://" + d.url().getAuthority() + d.url().getPath(); // no signature in messages
        byte[] md5;
        try {
            md5 = Digests.md5(facts.bundle());
        } catch (IOException e) {
            throw new SendFailure("Cannot read " + facts.bundle() + ": " + e.getMessage() + ".", "Check the file is there and readable.");
        }
        SendFailure last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpRequest.Builder req = HttpRequest.newBuilder(d.url()).timeout(Duration.ofMinutes(10))
                        .header("Content-MD5", Digests.base64(md5))
                        .header("Content-Type", "application/zip")
                        .PUT(HttpRequest.BodyPublishers.ofFile(facts.bundle()));
                for (Map.Entry<String, String> m : facts.metadata().entrySet()) {
                    req.header("x-amz-meta-" + m.getKey(), m.getValue());
                }
                HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() / 100 == 2) {
                    String etag = Digests.unquote(res.headers().firstValue("ETag").orElse(""));
                    if (!etag.isEmpty() && !etag.equalsIgnoreCase(Digests.hex(md5))) {
                        throw new SendFailure("The store at " + where + " reports a checksum (ETag " + etag + ") that is not the bundle's MD5 "
                                + Digests.hex(md5) + ": the object it holds is not this bundle.", Failures.RETRY);
                    }
                    return new Receipt(where, etag, 1, 0);
                }
                last = Failures.store(res.statusCode(), Failures.xml(res.body(), "Code"), Failures.xml(res.body(), "Message"), where);
                if (res.statusCode() < 500) {
                    throw last;
                }
            } catch (IOException e) {
                last = Failures.network(e, where);
                if (last == null) {
                    last = new SendFailure("The upload to " + where + " failed: " + e.getMessage() + ".", Failures.RETRY);
                }
                if (e instanceof java.net.ConnectException || e.getCause() instanceof java.nio.channels.UnresolvedAddressException) {
                    throw last;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SendFailure("The upload to " + where + " was interrupted.", Failures.RETRY);
            }
            sleeper.sleep(attempt);
        }
        throw last;
    }

    /** Back-off between attempts; tests pass one that does not wait. */
    interface Sleeper {
        void sleep(int attempt);

        Sleeper REAL = attempt -> {
            try {
                Thread.sleep(200L << attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
