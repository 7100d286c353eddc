package dev.tshoot.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tshoot.handoff.CaseFacts;
import dev.tshoot.handoff.Destination;
import dev.tshoot.handoff.Digests;
import dev.tshoot.handoff.Receipt;
import dev.tshoot.handoff.SendFailure;
import dev.tshoot.handoff.Sender;
import dev.tshoot.transcript.TranscriptJson;
import dev.tshoot.transcript.TranscriptReader;
import dev.tshoot.transcript.export.BundleExporter;
import dev.tshoot.transcript.export.ExportFormat;
import dev.tshoot.transcript.export.ExportSource;
import dev.tshoot.transcript.export.Exporter;

/**
 * {@code send}: a transcript's export bundle (made next to it once, then reused) or a bundle
 * itself, to support's store. Prints the case id, seal and SHA-256 for the ticket. The bundle is
 * never removed: it stays where it is whether the upload is confirmed or not. Exit 0 sent,
 * 2 bad input, {@link #NOT_SENT} the store or the network failed.
 */
public final class SendCase {

    public static final int NOT_SENT = 6;

    /** What the user asked for: {@code file}, then exactly one of {@code url} and {@code bucket}. */
    public record Request(String file, String url, String bucket, String prefix, String endpoint, String region) {}

    private final Path transcriptsDir;
    private final Path playbooksDir;
    private final Sender sender;

    public SendCase(Path transcriptsDir, Path playbooksDir, Sender sender) {
        this.transcriptsDir = transcriptsDir;
        this.playbooksDir = playbooksDir;
        this.sender = sender;
    }

    public int run(Request req, PrintWriter out) {
        try {
            return execute(req, out);
        } finally {
            out.flush();
        }
    }

    private int execute(Request req, PrintWriter out) {
        if (req.file() == null || req.file().isBlank()) {
            return bad(out, "Name the case: send <transcript|bundle.zip> --url <pre-signed URL> (or --bucket <name>). 'transcript list' shows the transcripts.");
        }
        boolean hasUrl = req.url() != null && !req.url().isBlank();
        boolean hasBucket = req.bucket() != null && !req.bucket().isBlank();
        if (hasUrl == hasBucket) {
            return bad(out, hasUrl ? "Give either --url or --bucket, not both."
                    : "Say where to send it: --url <the pre-signed URL support gave you>, or --bucket <name> with AWS credentials.");
        }
        Destination dest;
        try {
            dest = hasUrl ? new Destination.PresignedUrl(http(req.url(), "--url"))
                    : new Destination.Bucket(req.bucket(), req.prefix(), req.endpoint() == null ? null : http(req.endpoint(), "--endpoint"), req.region());
        } catch (IllegalArgumentException e) {
            return bad(out, e.getMessage());
        }
        Path file = dev.tshoot.transcript.export.ExportJob.resolve(req.file(), transcriptsDir);
        if (file == null || !Files.isRegularFile(file)) {
            return bad(out, "No file '" + req.file() + "'. Name a transcript or an export bundle; 'transcript list' shows the transcripts.");
        }
        CaseFacts facts;
        try {
            facts = file.getFileName().toString().endsWith(".zip") ? fromBundle(file) : fromTranscript(file, out);
        } catch (IOException | TranscriptReader.UnreadableException e) {
            return bad(out, "Cannot send " + file + ": " + e.getMessage());
        }
        if (facts == null) {
            return ExitStatus.BAD_INPUT;
        }
        try {
            Receipt r = sender.send(dest, facts);
            out.println("Sent " + facts.bundle() + " (" + facts.size() + " bytes" + (r.parts() > 1 ? ", " + r.parts() + " parts"
                    + (r.partsResumed() > 0 ? ", " + r.partsResumed() + " already held by the store" : "") : "") + ") to " + r.location() + ".");
            out.println("Store checksum: ETag " + r.etag() + " matches the bytes sent.");
            printFacts(out, facts);
            out.println("Put these lines in the ticket. The bundle stays at " + facts.bundle() + ".");
            return ExitStatus.OK;
        } catch (SendFailure f) {
            out.println("Not sent: " + f.getMessage());
            out.println(f.advice());
            out.println("Nothing is lost: the bundle is kept at " + facts.bundle() + ".");
            printFacts(out, facts);
            return NOT_SENT;
        }
    }

    private static void printFacts(PrintWriter out, CaseFacts f) {
        out.println("Case id: " + f.caseId());
        out.println("Seal:    " + (f.seal() == null ? "(unsealed)" : f.seal()));
        out.println("SHA-256: " + f.sha256());
    }

    /**
     * The transcript's bundle next to it ({@code <name>.zip}): made once, reused by every later send
     * while the transcript has not changed since.
     */
    private CaseFacts fromTranscript(Path transcript, PrintWriter out) throws IOException, TranscriptReader.UnreadableException {
        String name = transcript.getFileName().toString().replaceFirst("\\.jsonl$", "");
        Path bundle = transcript.resolveSibling(name + ".zip");
        // a bundle older than its transcript misses what was recorded since: made again
        if (!Files.exists(bundle) || Files.getLastModifiedTime(transcript).compareTo(Files.getLastModifiedTime(bundle)) > 0) {
            ExportSource source = ExportSource.load(transcript, playbooksDir);
            byte[] bytes = new Exporter().export(source, ExportFormat.BUNDLE);
            Path tmp = Files.createTempFile(transcript.toAbsolutePath().getParent(), ".tshoot-send-", ".tmp");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, bundle, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            out.println("Bundle: " + bundle + " (the export bundle of " + transcript.getFileName() + "; integrity "
                    + source.integrity().headline() + ").");
        } else {
            out.println("Bundle: " + bundle + " (made by an earlier send or export; sent as it is).");
        }
        return fromBundle(bundle);
    }

    private static CaseFacts fromBundle(Path bundle) throws IOException {
        JsonNode manifest = null;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(bundle))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(BundleExporter.MANIFEST)) {
                    manifest = TranscriptJson.MAPPER.readTree(limited(zip));
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException("it is not a readable zip (" + e.getMessage() + "). Make a bundle with 'export <transcript> --format bundle'.");
        }
        if (manifest == null || !"tshoot-export-bundle".equals(manifest.path("format").asText())) {
            throw new IOException("it is not a tshoot export bundle (no manifest.json). Make one with 'export <transcript> --format bundle'.");
        }
        JsonNode seal = manifest.path("integrity").path("seal");
        return new CaseFacts(bundle, manifest.path("sessionId").asText("case"), seal.isTextual() ? seal.asText() : null,
                Digests.sha256(bundle), Files.size(bundle));
    }

    private static byte[] limited(InputStream in) throws IOException {
        byte[] b = in.readNBytes(1 << 20);
        if (in.read() >= 0) {
            throw new IOException("manifest.json is over 1 MiB");
        }
        return b;
    }

    private static URI http(String s, String option) {
        try {
            URI u = new URI(s);
            if (u.getHost() == null || !("https".equals(u.getScheme()) || "http".equals(u.getScheme()))) {
                throw new IllegalArgumentException(option + " must be an http(s) address with a host, for example https://bucket.s3.eu-west-1.amazonaws.com/...");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(option + " is not a valid address (" + e.getReason() + ").");
        }
    }

    private static int bad(PrintWriter out, String message) {
        out.println(message);
        return ExitStatus.BAD_INPUT;
    }
}
