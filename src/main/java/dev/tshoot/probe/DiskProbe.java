package dev.tshoot.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Local file systems with size and free space. */
public final class DiskProbe extends BuiltinProbe {

    public static final String NAME = "disks";

    /** fileSystems: list of {mount, type, totalBytes, freeBytes}; freeBytes is usable by unprivileged users. */
    public static final List<String> FACTS = List.of("fileSystems");

    public DiskProbe() {
        super(NAME, "Mounted local file systems: type, size and free space", FACTS);
    }

    /** Read-only images and memory-backed file systems: their free space says nothing about the disk. */
    private static final Set<String> IGNORED_TYPES = Set.of("squashfs", "iso9660", "udf", "tmpfs", "devtmpfs",
            "ramfs", "efivarfs", "overlay.ro", "cramfs", "erofs");
    static final long LOW_FREE_BYTES = 2L * 1024 * 1024 * 1024;

    @Override
    public ProbeResult run(HostReader host) {
        FactSheet f = new FactSheet();
        List<HardwareSnapshot.FileStore> stores = f.attempt(host::fileSystems);
        if (stores == null) {
            f.unknown("fileSystems", "file systems unavailable" + (f.lastFailure() == null ? "" : ": " + f.lastFailure()));
            return f.toResult(NAME);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (HardwareSnapshot.FileStore s : stores) {
            if (s == null) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mount", s.mount());
            m.put("type", s.type());
            m.put("totalBytes", s.totalBytes());
            m.put("freeBytes", s.freeBytes());
            out.add(m);
        }
        f.put("fileSystems", out);
        return f.toResult(NAME);
    }

    /** WARN for each real file system with less than 10% or less than 2 GiB free. */
    @Override
    public List<Verdict> verdicts(ProbeResult r) {
        List<Verdict> out = new ArrayList<>();
        if (!(r.fact("fileSystems") instanceof List<?> list)) {
            return out;
        }
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> fs)) {
                continue;
            }
            String type = String.valueOf(fs.get("type")).toLowerCase(Locale.ROOT);
            if (IGNORED_TYPES.contains(type) || !(fs.get("totalBytes") instanceof Number t)
                    || !(fs.get("freeBytes") instanceof Number fr)) {
                continue;
            }
            long total = t.longValue();
            long free = fr.longValue();
            if (total < 1024L * 1024 * 1024) {
                continue;
            }
            if (free * 10 < total || free < LOW_FREE_BYTES) {
                out.add(Verdict.warn("Low disk space on " + fs.get("mount"),
                        Sizes.human(free) + " free of " + Sizes.human(total)
                                + String.format(Locale.ROOT, " (%.0f%%)", 100.0 * free / total) + "."));
            }
        }
        return out;
    }
}
