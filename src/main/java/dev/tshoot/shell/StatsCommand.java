package dev.tshoot.shell;

import java.io.PrintWriter;

import dev.tshoot.app.ShowStats;
import dev.tshoot.playbook.PlaybookCatalog;

/**
 * {@code stats <folder> [--json] [--html <file>] [--sql <query>] [--export-parquet <dir>]}: the figures of many transcripts per playbook id
 * and version. Exit 0 every file verified, 1 some were left out (listed), 2 bad input.
 */
public class StatsCommand {

    private final PlaybookCatalog catalog;
    private final ExitCode exit;

    public StatsCommand(PlaybookCatalog catalog, ExitCode exit) {
        this.catalog = catalog;
        this.exit = exit;
    }

    void stats(PrintWriter out, ShowStats.Request request) {
        // the use case renders through the text layer (tables) or as JSON; nothing raw reaches the terminal
        exit.set(new ShowStats(catalog).run(request, out));
    }

    /** The commands this adapter runs, as both front ends know them. */
    static java.util.List<CommandSpec> commands(java.util.function.Supplier<StatsCommand> self) {
        return java.util.List.of(
                CommandSpec.command("stats", "Transcripts",
                        "Figures for playbook authors from many transcripts, each verified (exit 0 all verified, 1 some left out, 2 bad input)")
                        .arg("folder", "the folder of transcripts (sub-folders included), or s3://bucket/prefix")
                        .flag("json", "the whole report as JSON")
                        .option("html", 'H', "file", "also write an offline HTML report with the traffic map over the decision tree")
                        .option("sql", 'q', "query", "a SQL query over the events table (docs/stats.md) instead of the report")
                        .option("export-parquet", 'P', "dir", "write the events as Parquet, partitioned by playbook and date (a folder or s3://bucket/prefix)")
                        .option("endpoint", 'e', "url", "for s3://: the store's address when it is not AWS (MinIO, Ceph, R2)")
                        .option("region", 'r', "region", "for s3://: the bucket's region (default: from the AWS configuration)")
                        .run((a, out) -> self.get().stats(out, new ShowStats.Request(a.arg(0), a.flag("json"), a.value("html"),
                                a.value("sql"), a.value("export-parquet"), a.value("endpoint"), a.value("region")))));
    }
}
