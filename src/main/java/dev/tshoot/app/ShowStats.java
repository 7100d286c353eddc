package dev.tshoot.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import dev.tshoot.analytics.Stats;
import dev.tshoot.analytics.StatsHtml;
import dev.tshoot.analytics.StatsJson;
import dev.tshoot.analytics.StatsReport;
import dev.tshoot.analytics.StatsText;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookCatalog;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.handoff.Destination;
import dev.tshoot.handoff.BucketFiles;
import dev.tshoot.handoff.SendFailure;
import dev.tshoot.text.SafeText;

/**
 * {@code stats <folder>}: every transcript under a folder, verified, and the figures per playbook id
 * and version as a table, as JSON ({@code --json}) or as an HTML report with the traffic map
 * ({@code --html <file>}, with the table on the terminal); with {@code --sql} or
 * {@code --export-parquet}, the events table instead ({@link EventQuery}). Exit 0 every file verified, 1 some were
 * left out (listed), 2 bad input.
 */
public final class ShowStats {

    /** The rows each text table shows ({@code --json} and the HTML have more). */
    public static final int TOP = 10;

    /**
     * {@code sql}: a query over the events table instead of the report; {@code parquet}: a folder (or
     * {@code s3://bucket/prefix}) to write the dataset to; {@code endpoint} and {@code region}: the
     * store for {@code s3://} (null: AWS and the AWS configuration's region).
     */
    public record Request(String folder, boolean json, String html, String sql, String parquet, String endpoint, String region) {
        public Request(String folder, boolean json, String html, String sql, String parquet) {
            this(folder, json, html, sql, parquet, null, null);
        }

        public Request(String folder, boolean json, String html) {
            this(folder, json, html, null, null);
        }
    }

    /** The most {@code stats s3://…} copies down. */
    static final int MAX_OBJECTS = 200_000;
    static final long MAX_BYTES = 8L << 30;

    private final PlaybookCatalog playbooks;

    public ShowStats(PlaybookCatalog playbooks) {
        this.playbooks = playbooks;
    }

    public int run(Request req, PrintWriter out) {
        try {
            return execute(req, out);
        } finally {
            out.flush();
        }
    }

    private int execute(Request req, PrintWriter out) {
        if (req.folder() != null && req.folder().startsWith("s3://")) {
            Path local;
            try {
                local = fetch(req, out);
            } catch (SendFailure f) {
                out.println(f.getMessage());
                out.println(f.advice());
                return ExitStatus.BAD_INPUT;
            } catch (IllegalArgumentException | IOException e) {
                out.println(e.getMessage());
                return ExitStatus.BAD_INPUT;
            }
            if (local == null) {
                return ExitStatus.BAD_INPUT;
            }
            req = new Request(local.toString(), req.json(), req.html(), req.sql(), req.parquet(), req.endpoint(), req.region());
        }
        String problem = folderProblem(req.folder());
        if (problem != null) {
            out.println(problem);
            return ExitStatus.BAD_INPUT;
        }
        Path folder = Path.of(req.folder());
        Path html = req.html() == null ? null : Path.of(req.html());
        if (html != null && Files.isDirectory(html)) {
            out.println("--html " + html + " is a folder; give the name of the HTML file to write, such as " + html.resolve("stats.html") + ".");
            return ExitStatus.BAD_INPUT;
        }
        if (req.sql() != null || req.parquet() != null) {
            return new EventQuery(out).run(folder, req);
        }
        StatsReport r;
        try {
            r = Stats.over(folder);
        } catch (java.io.UncheckedIOException e) {
            out.println("Could not read the folder " + folder + ": " + e.getCause().getMessage() + ".");
            return ExitStatus.BAD_INPUT;
        }
        if (r.files() == 0) {
            out.println("No transcripts (*.jsonl) under " + folder + ". Point stats at the folder that holds them"
                    + " (the transcripts folder by default: 'version' shows where it is).");
            return ExitStatus.BAD_INPUT;
        }
        if (html != null) {
            try {
                write(html, StatsHtml.render(r, lookup()));
            } catch (IOException e) {
                out.println("Could not write " + html + ": " + e.getMessage() + ". Choose a file in a folder you can write.");
                return ExitStatus.BAD_INPUT;
            }
        }
        out.print(req.json() ? StatsJson.render(r) + "\n" : StatsText.render(r, TOP));
        if (html != null && !req.json()) {
            out.println("\nHTML report with the traffic map: " + html);
        }
        return r.exitStatus();
    }

    /** Why {@code folder} cannot be read, or null. */
    static String folderProblem(String folder) {
        if (folder == null || folder.isBlank()) {
            return "Name the folder of transcripts: stats <folder>.";
        }
        Path p = Path.of(folder);
        if (!Files.exists(p)) {
            return "No folder " + folder + ". Name the folder that holds the transcripts.";
        }
        if (!Files.isDirectory(p)) {
            return folder + " is a file, not a folder; 'transcript verify " + folder + "' reads one transcript.";
        }
        return null;
    }

    /** {@code bucket} and {@code prefix} of an {@code s3://bucket/prefix} address, as a destination. */
    static Destination.Bucket bucket(String url, Request req) {
        String rest = url.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isEmpty() || !bucket.matches("[a-z0-9][a-z0-9.-]{1,62}")) {
            throw new IllegalArgumentException("'" + SafeText.line(url) + "' names no bucket; write s3://<bucket>/<prefix>.");
        }
        java.net.URI endpoint = null;
        if (req.endpoint() != null) {
            try {
                endpoint = java.net.URI.create(req.endpoint());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--endpoint '" + SafeText.line(req.endpoint())
                        + "' is not an address such as https://minio.example:9000.");
            }
        }
        return new Destination.Bucket(bucket, prefix, endpoint, req.region());
    }

    /** Copies the transcripts under an {@code s3://} address into a new folder (kept, and named), or null. */
    private static Path fetch(Request req, PrintWriter out) throws SendFailure, IOException {
        Destination.Bucket b = bucket(req.folder(), req);
        Path local = Files.createTempDirectory("tshoot-stats-");
        BucketFiles.Fetched f = BucketFiles.fetch(b, local, MAX_OBJECTS, MAX_BYTES);
        if (f.objects() == 0) {
            out.println("No transcripts (*.jsonl) under " + req.folder() + (f.skipped() > 0 ? " (" + f.skipped()
                    + " other object(s) there)" : "") + ". Name the prefix the transcripts were sent under.");
            Files.deleteIfExists(local);
            return null;
        }
        if (!req.json()) {
            out.println("Copied " + f.objects() + " transcript(s) (" + (f.bytes() >> 10) + " KiB) from " + req.folder() + " into "
                    + local + " (kept: the report names files there).");
        }
        return local;
    }

    /** The playbooks folder's playbook of an id (loaded once), or null. */
    private Function<String, Playbook> lookup() {
        Map<String, Playbook> cache = new HashMap<>();
        return id -> cache.computeIfAbsent(id, k -> {
            Path f = playbooks.resolve(k);
            if (f == null) {
                return null;
            }
            PlaybookLoader.Result lr = playbooks.load(f);
            return lr.playbook();
        });
    }

    /** Written next to the target first, then moved over it, so a failed write leaves no half report. */
    static void write(Path target, String text) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".stats", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
