package dev.tshoot.analytics;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The events table ({@link EventTable}) in an in-memory DuckDB database: filled from a folder of
 * transcripts (only sessions that verified), then queried with SQL or written as a Parquet dataset
 * partitioned by playbook and date. The only class that imports DuckDB.
 *
 * <p>A user's query runs after the database was locked down: it cannot read or write files,
 * load extensions or change the settings ({@code enable_external_access = false},
 * {@code lock_configuration = true}); the table is all it sees.
 */
public final class EventSql implements AutoCloseable {

    public static final String TABLE = "events";

    /** A query's answer: the column names and the rows, each cell a string (or null). */
    public record Answer(List<String> columns, List<List<String>> rows) {}

    private final DuckDBConnection db;
    private boolean locked;
    private long rows;

    public EventSql() throws SQLException {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            throw new SQLException("the DuckDB driver is not on the class path", e);
        }
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        this.db = c.unwrap(DuckDBConnection.class);
        try (Statement s = db.createStatement()) {
            s.execute(EventTable.createTable(TABLE));
        }
    }

    /** Reads the folder (as {@link Stats#over}) and appends every verified session's events; the report lists the rest. */
    public StatsReport load(Path folder) throws SQLException {
        SQLException[] failed = {null};
        StatsReport r;
        try (DuckDBAppender a = db.createAppender(DuckDBConnection.DEFAULT_SCHEMA, TABLE)) {
            r = Stats.over(folder, (h, events) -> {
                if (failed[0] != null) {
                    return;
                }
                try {
                    for (Object[] row : EventTable.rows(h, events)) {
                        append(a, row);
                        rows++;
                    }
                } catch (SQLException e) {
                    failed[0] = e;
                }
            });
            if (failed[0] != null) {
                throw failed[0];
            }
        }
        return r;
    }

    public long rows() { return rows; }

    private static void append(DuckDBAppender a, Object[] row) throws SQLException {
        a.beginRow();
        for (Object v : row) {
            if (v == null) {
                a.appendNull();
            } else if (v instanceof String s) {
                a.append(s);
            } else if (v instanceof Long l) {
                a.append((long) l);
            } else if (v instanceof Integer i) {
                a.append((int) i);
            } else if (v instanceof LocalDateTime t) {
                a.append(t);
            } else if (v instanceof LocalDate d) {
                a.append(d);
            } else {
                throw new IllegalStateException("no column type for " + v.getClass().getName());
            }
        }
        a.endRow();
    }

    /**
     * Writes the table as Parquet files under {@code dir}, Hive-style: {@code playbook=<id>/date=<yyyy-mm-dd>/…parquet}.
     * The folder must be empty or absent. Must come before {@link #query} (which locks file access away).
     */
    public void exportParquet(Path dir) throws SQLException {
        if (locked) {
            throw new IllegalStateException("the database is locked: export before querying");
        }
        try (Statement s = db.createStatement()) {
            s.execute("COPY " + TABLE + " TO '" + dir.toAbsolutePath().toString().replace("'", "''")
                    + "' (FORMAT PARQUET, PARTITION_BY (playbook, date), COMPRESSION ZSTD)");
        }
    }

    /** Runs the user's query over the table (and nothing else: see the class comment). */
    public Answer query(String sql) throws SQLException {
        lock();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnLabel(i));
            }
            List<List<String>> out = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>(columns.size());
                for (int i = 1; i <= columns.size(); i++) {
                    Object v = rs.getObject(i);
                    row.add(v == null ? null : v.toString());
                }
                out.add(row);
            }
            return new Answer(List.copyOf(columns), out);
        }
    }

    private void lock() throws SQLException {
        if (!locked) {
            try (Statement s = db.createStatement()) {
                s.execute("SET enable_external_access = false");
                s.execute("SET autoinstall_known_extensions = false");
                s.execute("SET autoload_known_extensions = false");
                s.execute("SET lock_configuration = true");
            }
            locked = true;
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
