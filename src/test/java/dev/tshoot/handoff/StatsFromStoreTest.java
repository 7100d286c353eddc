package dev.tshoot.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.app.ShowStats;
import dev.tshoot.playbook.PlaybookCatalog;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code stats s3://bucket/prefix} and {@code --export-parquet s3://…} against a real S3 store
 * (S3Proxy on loopback): the same figures as {@code stats} on a folder holding the same files, a
 * hostile object name kept inside the local folder, and the Parquet dataset under the prefix.
 */
class StatsFromStoreTest {

    static S3Store store;
    @TempDir static Path work;

    @BeforeAll
    static void startStore() throws Exception {
        store = S3Store.start(Files.createDirectories(work.resolve("server")));
        System.setProperty("aws.accessKeyId", S3Store.IDENTITY);
        System.setProperty("aws.secretAccessKey", S3Store.CREDENTIAL);
        try (S3Client s3 = store.client()) {
            for (String[] o : new String[][] {{"cases/2026-12/001_walk_resolved.jsonl", "001_walk_resolved"},
                    {"cases/2026-12/002_checks_commands.jsonl", "002_checks_commands"},
                    {"cases/2026-12/..\\\\..\\\\escape.jsonl", "003_walk_navigation"},
                    {"cases/2026-12/005_torn.jsonl", "005_torn"}}) {
                s3.putObject(PutObjectRequest.builder().bucket(S3Store.BUCKET).key(o[0]).build(),
                        RequestBody.fromFile(Path.of("src/test/resources/transcripts/" + o[1] + ".jsonl")));
            }
            s3.putObject(PutObjectRequest.builder().bucket(S3Store.BUCKET).key("cases/2026-12/readme.txt").build(),
                    RequestBody.fromString("not a transcript"));
        }
    }

    @AfterAll
    static void stopStore() throws Exception {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (store != null) {
            store.close();
        }
    }

    static String[] stats(ShowStats.Request r) {
        StringWriter text = new StringWriter();
        int status = new ShowStats(new PlaybookCatalog(Path.of("src/test/resources/playbooks/valid"))).run(r, new PrintWriter(text));
        return new String[] {String.valueOf(status), text.toString()};
    }

    @Test
    void statsOfAPrefixEqualStatsOfAFolderWithTheSameFiles() throws Exception {
        String[] remote = stats(new ShowStats.Request("s3://" + S3Store.BUCKET + "/cases/2026-12", true, null, null, null,
                store.endpoint.toString(), "us-east-1"));
        Path local = Files.createDirectories(work.resolve("same"));
        for (String n : List.of("001_walk_resolved", "002_checks_commands", "003_walk_navigation", "005_torn")) {
            Files.copy(Path.of("src/test/resources/transcripts/" + n + ".jsonl"), local.resolve(n + ".jsonl"));
        }
        String[] here = stats(new ShowStats.Request(local.toString(), true, null));
        assertThat(remote[0]).as(remote[1]).isEqualTo(here[0]);
        // the figures are the same; only the file names differ (the copies are numbered)
        assertThat(figures(remote[1])).isEqualTo(figures(here[1]));
        assertThat(remote[1]).contains("\"files\" : 4,").contains("\"sessions\" : 4,").contains("_005_torn.jsonl");
        assertThat(remote[1]).contains("\"sessions\"");
        String[] table = stats(new ShowStats.Request("s3://" + S3Store.BUCKET + "/cases/2026-12", false, null, null, null,
                store.endpoint.toString(), "us-east-1"));
        assertThat(table[1]).startsWith("Copied 4 transcript(s) (").contains(" from s3://cases/cases/2026-12 into ");
        Path into = Path.of(table[1].lines().findFirst().orElseThrow().replaceFirst("^.* into (.*) \\(kept.*$", "$1"));
        // the object named ..\\..\\escape.jsonl was copied inside that folder, under a plain name, and nowhere else
        try (var files = Files.list(into)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).hasSize(4)
                    .anyMatch(n -> n.matches("\\d{6}_[A-Za-z0-9._-]*escape\\.jsonl") && !n.contains("\\"));
        }
        assertThat(into.getParent().resolve("escape.jsonl")).doesNotExist();
        assertThat(into.getParent().getParent().resolve("escape.jsonl")).doesNotExist();
    }

    @Test
    void theParquetDatasetGoesUnderThePrefixPartitionedByPlaybookAndDate() throws Exception {
        Path local = Files.createDirectories(work.resolve("pq-source"));
        Files.copy(Path.of("src/test/resources/transcripts/001_walk_resolved.jsonl"), local.resolve("001.jsonl"));
        String[] r = stats(new ShowStats.Request(local.toString(), false, null, null, "s3://" + S3Store.BUCKET + "/datasets/events",
                store.endpoint.toString(), "us-east-1"));
        assertThat(r[0]).as(r[1]).isEqualTo("0");
        assertThat(r[1]).contains("to s3://cases/datasets/events (");
        try (S3Client s3 = store.client()) {
            List<String> keys = s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(S3Store.BUCKET)
                    .prefix("datasets/events/").build()).contents().stream().map(S3Object::key).toList();
            List<String> files = keys.stream().filter(k -> !k.endsWith("/")).toList(); // S3Proxy lists its folders too
            assertThat(files).isNotEmpty().allMatch(k -> k.matches("datasets/events/playbook=[^/]+/date=\\d{4}-\\d{2}-\\d{2}/[^/]+\\.parquet"));
        }
    }

    @Test
    void aMissingBucketAndAnEmptyPrefixSaySoAndWhatToDo() {
        String[] none = stats(new ShowStats.Request("s3://no-such-bucket/x", false, null, null, null, store.endpoint.toString(), "us-east-1"));
        assertThat(none[0]).isEqualTo("2");
        assertThat(none[1]).contains("There is no bucket at s3://no-such-bucket/x").contains("Check the bucket name");
        String[] empty = stats(new ShowStats.Request("s3://" + S3Store.BUCKET + "/nothing-here", false, null, null, null,
                store.endpoint.toString(), "us-east-1"));
        assertThat(empty[0]).isEqualTo("2");
        assertThat(empty[1]).contains("No transcripts (*.jsonl) under s3://cases/nothing-here");
        assertThat(stats(new ShowStats.Request("s3:///x", false, null))[1]).contains("names no bucket");
    }

    @Test
    void anObjectNameBecomesASafeFileName() {
        assertThat(BucketFiles.localName("a/b/../../..\\..\\evil.jsonl")).isEqualTo(".._.._evil.jsonl".replaceFirst("^\\.+", "_"));
        assertThat(BucketFiles.localName("cases/CON:1 é.jsonl")).isEqualTo("CON_1__.jsonl");
    }

    /** The per-playbook figures of a JSON report. */
    static String figures(String json) {
        return json.substring(json.indexOf("\"playbooks\""));
    }
}
