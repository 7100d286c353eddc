package dev.tshoot.app;

import java.nio.file.Path;
import java.util.List;

import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookCatalog;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.playbook.Provenance;
import dev.tshoot.playbook.Signatures;
import dev.tshoot.playbook.TrustedKeys;

/** {@code playbook list}: one row per playbook file in the catalog's folder. */
public final class ListPlaybooks {

    /**
     * A playbook file: its id, version, title and who signed it, or (when invalid) the number of its
     * findings (and a null {@code provenance}).
     */
    public record Row(String id, String version, String title, int findings, Provenance provenance) {
        public Row(String id, String version, String title, int findings) {
            this(id, version, title, findings, null);
        }

        public boolean valid() { return findings == 0; }
    }

    /** The rows, and the status: {@link ExitStatus#FINDINGS} when the folder holds no playbook. */
    public record Listing(Path dir, List<Row> rows) {
        public Listing {
            rows = List.copyOf(rows);
        }

        public int exitStatus() { return rows.isEmpty() ? ExitStatus.FINDINGS : ExitStatus.OK; }
    }

    private ListPlaybooks() {}

    public static Listing list(PlaybookCatalog catalog) {
        return list(catalog, TrustedKeys.NONE);
    }

    /** The rows, each valid playbook's signature checked against {@code keys}. */
    public static Listing list(PlaybookCatalog catalog, TrustedKeys keys) {
        return new Listing(catalog.dir(), catalog.loadAll().stream().map(r -> row(r, keys)).toList());
    }

    private static Row row(PlaybookLoader.Result r, TrustedKeys keys) {
        if (r.valid()) {
            Playbook p = r.playbook();
            return new Row(p.id(), p.metadata().version(), p.metadata().title(), 0, Signatures.check(p, keys));
        }
        String file = r.findings().get(0).file();
        String id = Path.of(file).getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return new Row(id, "-", null, r.findings().size());
    }
}
