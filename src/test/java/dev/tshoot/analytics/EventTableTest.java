package dev.tshoot.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.app.ShowStats;
import dev.tshoot.playbook.PlaybookCatalog;

/**
 * The events table: {@code --export-parquet} writes a dataset partitioned by playbook and date that
 * a separate DuckDB reads back with the documented schema and every event; {@code --sql} answers over
 * the same rows and cannot reach files; docs/stats.md lists exactly the columns of the table.
 */
class EventTableTest {

    @TempDir
    static Path dir;

    static Path transcripts;
    static long events;
    static long closed;

    @BeforeAll
    static void generate() throws Exception {
        transcripts = dir.resolve("t");
        new TranscriptGenerator(TranscriptGenerator.load(Path.of("playbooks")), true).write(transcripts, 60, 5);
        for (Path f : Stats.files(transcripts)) {
            List<String> lines = Files.readAllLines(f);
            events += lines.size() - 1;
            closed += lines.get(lines.size() - 1).contains("\"type\":\"session-ended\"") ? 1 : 0;
        }
    }

    record Run(String out, int exit) {}

    static Run run(String sql, String parquet, boolean json) {
        StringWriter sw = new StringWriter();
        int exit = new ShowStats(new PlaybookCatalog(Path.of("playbooks")))
                .run(new ShowStats.Request(transcripts.toString(), json, null, sql, parquet), new PrintWriter(sw));
        return new Run(sw.toString(), exit);
    }

    @Test
    void theParquetDatasetReadsBackWithTheDocumentedSchema() throws Exception {
        Path out = dir.resolve("pq");
        Run r = run(null, out.toString(), false);
        assertThat(r).isEqualTo(new Run("Wrote " + events + " events of " + Stats.files(transcripts).size() + " session(s) to "
                + out + " as Parquet, partitioned playbook=<id>/date=<yyyy-mm-dd>.\n", 0));
        try (Stream<Path> s = Files.walk(out)) {
            List<String> parts = s.filter(p -> p.toString().endsWith(".parquet")).map(p -> out.relativize(p).getParent().toString()).toList();
            assertThat(parts).isNotEmpty().allMatch(p -> p.matches("playbook=[a-z0-9-]+/date=\\d{4}-\\d{2}-\\d{2}"));
        }
        Class.forName("org.duckdb.DuckDBDriver");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            String from = "read_parquet('" + out + "/**/*.parquet', hive_partitioning = true, hive_types = {'date': DATE})";
            List<String> schema = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + from)) {
                while (rs.next()) {
                    schema.add(rs.getString("column_name") + " " + rs.getString("column_type"));
                }
            }
            List<String> documented = new ArrayList<>(EventTable.COLUMNS.stream().map(col -> col.name() + " " + col.type()).toList());
            // the partition keys come back last, from the folder names (DuckDB lists them by name)
            documented.removeIf(s -> s.startsWith("playbook ") || s.startsWith("date "));
            documented.add("date DATE");
            documented.add("playbook VARCHAR");
            assertThat(schema).isEqualTo(documented);
            try (ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT session), sum(CASE WHEN type = 'session-ended'"
                    + " THEN 1 ELSE 0 END) FROM " + from)) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(events);
                assertThat(rs.getLong(2)).isEqualTo(Stats.files(transcripts).size());
                assertThat(rs.getLong(3)).isEqualTo(closed);
            }
        }
        assertThat(run(null, out.toString(), false).out()).contains("is not empty");
    }

    @Test
    void sqlAnswersOverTheSameRowsAndCannotReachFiles() {
        assertThat(run("SELECT count(*) AS n FROM events WHERE type = 'session-ended'", null, false))
                .isEqualTo(new Run("n\n" + closed + "\n(1 row)\n", 0));
        assertThat(run("SELECT count(*) AS n FROM events", null, true)).isEqualTo(new Run("[ {\n  \"n\" : \"" + events + "\"\n} ]\n", 0));
        Run refused = run("SELECT * FROM read_csv('/etc/passwd')", null, false);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.out()).startsWith("The query failed: Permission Error: ").doesNotContain("root:");
        assertThat(run("SELECT nope FROM events", null, false).out()).contains("The table is 'events'; docs/stats.md lists its columns.");
    }

    @Test
    void theDocsListEveryColumn() throws Exception {
        String doc = Files.readString(Path.of("docs/stats.md"));
        for (EventTable.Column c : EventTable.COLUMNS) {
            assertThat(doc).contains("| `" + c.name() + "` | " + c.type() + " | " + c.meaning() + " |");
        }
    }
}
