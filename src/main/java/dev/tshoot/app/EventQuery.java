package dev.tshoot.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tshoot.analytics.EventSql;
import dev.tshoot.analytics.StatsReport;
import dev.tshoot.text.Columns;
import dev.tshoot.text.SafeText;
import dev.tshoot.handoff.Destination;
import dev.tshoot.handoff.BucketFiles;
import dev.tshoot.handoff.SendFailure;

/**
 * {@code stats <folder> --export-parquet <dir>} and {@code --sql "<query>"}: the events of every
 * verified session as the table {@code events} (docs/stats.md), written as a Parquet dataset
 * partitioned by playbook and date, and/or queried (the answer as a table through the text layer,
 * or {@code --json}). Files left out are counted on the last line. Exit 0, 1 when files were left
 * out, 2 bad input (a query DuckDB refuses, a folder in the way).
 */
final class EventQuery {

    private final PrintWriter out;

    EventQuery(PrintWriter out) {
        this.out = out;
    }

    int run(Path folder, ShowStats.Request req) {
        Path parquet = null;
        Destination.Bucket upload = null;
        if (req.parquet() != null) {
            if (req.parquet().startsWith("s3://")) {
                try {
                    upload = ShowStats.bucket(req.parquet(), req);
                    parquet = java.nio.file.Files.createTempDirectory("tshoot-parquet-").resolve("dataset");
                } catch (IllegalArgumentException | java.io.IOException e) {
                    out.println(e.getMessage());
                    return ExitStatus.BAD_INPUT;
                }
            } else {
                parquet = Path.of(req.parquet());
            }
            String problem = notEmpty(parquet);
            if (problem != null) {
                out.println(problem);
                return ExitStatus.BAD_INPUT;
            }
        }
        if (req.sql() != null && req.sql().isBlank()) {
            out.println("--sql needs a query, such as: --sql \"SELECT type, count(*) FROM events GROUP BY type\".");
            return ExitStatus.BAD_INPUT;
        }
        try (EventSql db = new EventSql()) {
            StatsReport r = db.load(folder);
            if (r.files() == 0) {
                out.println("No transcripts (*.jsonl) under " + folder + ". Point stats at the folder that holds them.");
                return ExitStatus.BAD_INPUT;
            }
            if (parquet != null) {
                db.exportParquet(parquet);
                String to = parquet.toString();
                if (upload != null) {
                    try {
                        int n = BucketFiles.put(parquet, upload);
                        to = req.parquet() + " (" + n + " file(s))";
                    } catch (SendFailure f) {
                        out.println(f.getMessage() + " The dataset is kept at " + parquet + ".");
                        out.println(f.advice());
                        return ExitStatus.BAD_INPUT;
                    }
                }
                out.println("Wrote " + db.rows() + " events of " + r.sessions() + " session(s) to " + to
                        + " as Parquet, partitioned playbook=<id>/date=<yyyy-mm-dd>.");
            }
            if (req.sql() != null) {
                EventSql.Answer a;
                try {
                    a = db.query(req.sql());
                } catch (SQLException e) {
                    out.println("The query failed: " + SafeText.line(e.getMessage()) + ". The table is '" + EventSql.TABLE
                            + "'; docs/stats.md lists its columns.");
                    return ExitStatus.BAD_INPUT;
                }
                out.print(req.json() ? json(a) : table(a));
            }
            if (!r.broken().isEmpty()) {
                out.println("(" + r.broken().size() + " file(s) left out: they did not verify; 'stats " + folder
                        + "' lists them.)");
            }
            return r.exitStatus();
        } catch (SQLException e) {
            out.println("The events table could not be made: " + SafeText.line(e.getMessage()) + ".");
            return ExitStatus.BAD_INPUT;
        } catch (java.io.UncheckedIOException e) {
            out.println("Could not read the folder " + folder + ": " + e.getCause().getMessage() + ".");
            return ExitStatus.BAD_INPUT;
        }
    }

    private static String notEmpty(Path dir) {
        if (!Files.exists(dir)) {
            return null;
        }
        if (!Files.isDirectory(dir)) {
            return "--export-parquet " + dir + " is a file; name a new or empty folder.";
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent() ? "--export-parquet " + dir + " is not empty; name a new or empty folder"
                    + " (nothing in it is overwritten)." : null;
        } catch (IOException e) {
            return "Cannot read " + dir + ": " + e.getMessage() + ".";
        }
    }

    private static String table(EventSql.Answer a) {
        Columns c = new Columns(a.columns().toArray(String[]::new));
        for (List<String> row : a.rows()) {
            c.row(row.stream().map(v -> v == null ? "NULL" : v).toArray());
        }
        return c.render("") + "(" + a.rows().size() + " row" + (a.rows().size() == 1 ? "" : "s") + ")\n";
    }

    private static String json(EventSql.Answer a) {
        ObjectMapper m = new ObjectMapper();
        ArrayNode rows = m.createArrayNode();
        for (List<String> row : a.rows()) {
            ObjectNode o = rows.addObject();
            for (int i = 0; i < a.columns().size(); i++) {
                o.put(a.columns().get(i), row.get(i));
            }
        }
        return rows.toPrettyString() + "\n";
    }
}
