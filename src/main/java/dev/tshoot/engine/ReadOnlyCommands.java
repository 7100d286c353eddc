package dev.tshoot.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.tshoot.playbook.Interpreters;
import dev.tshoot.playbook.OsFamily;

/**
 * tshoot's list of read-only commands: the only commands that may run without asking, under
 * {@code --yes} or after "Always run read-only commands". Each entry is an OS and an exact
 * argument list, where a few placeholders stand for checked values:
 * <ul>
 *   <li>{@code <kernel-path>}: a path under {@code /sys/} or {@code /proc/} made of plain names (no
 *       {@code .} or {@code ..}, no empty segment), outside per-process folders ({@code /proc/<pid>},
 *       {@code self}, {@code thread-self}, which link to the whole file system), and none of the
 *       files whose reading consumes or exposes data ({@code kmsg}, {@code kcore}, {@code kpage*},
 *       {@code sysrq-trigger}, {@code /sys/kernel/debug}, {@code /sys/kernel/tracing}); written
 *       {@code <kernel-path>...} it takes one or more;</li>
 *   <li>{@code <sysctl-name>}: a dotted kernel variable name such as {@code kern.hv_support} (never
 *       {@code name=value}, which sets it);</li>
 *   <li>{@code <powershell-query>}: one read-only pipeline ({@link PowerShellQuery}).</li>
 * </ul>
 * On Windows the program's name matches without {@code .exe} and every word matches ignoring
 * case, as Windows and PowerShell do. The list is extended only by the user's own configuration
 * ({@link #with}); a playbook cannot add to it, and its {@code mutating: true} only makes a
 * command ask.
 */
public final class ReadOnlyCommands {

    /**
     * Whether a command may run without asking, and why (shown in the consent prompt). {@code declared}:
     * read-only on the word of a playbook signed by a key the user trusts, not by the list.
     */
    public record Verdict(boolean readOnly, String reason, boolean declared) {
        /** For requests built outside a walk: never taken as read-only. */
        public static final Verdict UNCHECKED = new Verdict(false, "it was not checked against tshoot's read-only list");

        /** For a command the playbook marks {@code mutating: true}. */
        public static final Verdict MUTATING = new Verdict(false, "the playbook marks it as changing the system (mutating: true)");

        /** tshoot's own verdict (the list's): {@code declared} is false. */
        public Verdict(boolean readOnly, String reason) {
            this(readOnly, reason, false);
        }

        /**
         * The verdict for a command that is not on the list, not marked mutating, in a playbook that
         * {@code provenance} shows is signed by a key the user trusts: read-only as the playbook declares.
         */
        public static Verdict declaredBy(String playbookId, dev.tshoot.playbook.Provenance provenance) {
            return new Verdict(true, "declared read-only by " + playbookId + ", " + (provenance.status()
                    == dev.tshoot.playbook.Provenance.Status.SHIPPED ? "a playbook shipped with tshoot, unchanged"
                    : "signed by " + provenance.signer() + " (key " + provenance.keyId() + ")"), true);
        }
    }

    /** One entry: the OS families, the argument list (with placeholders), and where it comes from. */
    public record Shape(Set<OsFamily> os, List<String> argv, String origin) {
        public Shape {
            os = Set.copyOf(os);
            argv = List.copyOf(argv);
        }

        /** The entry as it reads: {@code ls -l /dev/kvm}. */
        public String text() { return String.join(" ", argv); }
    }

    static final String KERNEL_PATH = "<kernel-path>";
    static final String KERNEL_PATHS = "<kernel-path>...";
    static final String SYSCTL_NAME = "<sysctl-name>";
    static final String POWERSHELL_QUERY = "<powershell-query>";
    private static final Set<String> PLACEHOLDERS = Set.of(KERNEL_PATH, KERNEL_PATHS, SYSCTL_NAME, POWERSHELL_QUERY);

    /** The built-in list: the read-only commands the shipped playbooks use, and a few close relatives. */
    private static final String BUILTIN = """
            linux   lscpu
            linux   lsmod
            linux   ls -l /dev/kvm
            linux   id
            linux   id -nG
            linux   groups
            linux   kvm-ok
            linux   cat <kernel-path>...
            linux   sysctl -n <sysctl-name>
            macos   sysctl -n <sysctl-name>
            macos   sysctl <sysctl-name>
            windows systeminfo
            windows wsl --status
            windows wsl --version
            windows wsl -l -v
            windows wsl --list --verbose
            windows powershell -NoProfile -NonInteractive -Command <powershell-query>
            windows powershell -NoProfile -Command <powershell-query>
            windows pwsh -NoProfile -NonInteractive -Command <powershell-query>
            windows pwsh -NoProfile -Command <powershell-query>
            """;

    private static final String BUILT_IN_ORIGIN = "built in";
    private static final ReadOnlyCommands BUILT_IN = new ReadOnlyCommands(parseBuiltin());

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_:+@,-][A-Za-z0-9_.:+@,-]*");
    private static final Pattern SYSCTL = Pattern.compile("[a-z][a-z0-9_]*(\\.[A-Za-z0-9_-]+)+");

    private final List<Shape> shapes;

    private ReadOnlyCommands(List<Shape> shapes) {
        this.shapes = List.copyOf(shapes);
    }

    /** The built-in list alone. */
    public static ReadOnlyCommands builtin() { return BUILT_IN; }

    /** This list and the user's own entries. */
    public ReadOnlyCommands with(List<Shape> more) {
        List<Shape> all = new ArrayList<>(shapes);
        all.addAll(more);
        return new ReadOnlyCommands(all);
    }

    public List<Shape> shapes() { return shapes; }

    /** Null when {@code argv} can be an entry (non-empty, placeholders known); otherwise what is wrong. */
    public static String problem(List<String> argv) {
        if (argv.isEmpty() || argv.get(0).isBlank()) {
            return "an entry needs a program";
        }
        if (PLACEHOLDERS.contains(argv.get(0))) {
            return "the program must be named literally, not by " + argv.get(0);
        }
        for (String a : argv) {
            if (a.startsWith("<") && a.endsWith(">") || a.endsWith(">...")) {
                if (!PLACEHOLDERS.contains(a)) {
                    return "unknown placeholder " + a + "; use one of " + String.join(", ", PLACEHOLDERS.stream().sorted().toList());
                }
            }
        }
        return null;
    }

    /**
     * Decides whether a command may run without asking: never when the playbook marks it
     * {@code mutating} or runs it through a shell, otherwise only when it is on the list.
     */
    public Verdict classify(OsFamily os, List<String> argv, boolean shell, boolean mutating) {
        if (mutating) {
            return Verdict.MUTATING;
        }
        String listed = "not on tshoot's read-only list: ";
        if (shell) {
            return new Verdict(false, listed + "shell: true runs it through "
                    + (os == OsFamily.WINDOWS ? "cmd /c, and cmd" : "sh -c, and sh") + " runs any command");
        }
        if (argv.isEmpty()) {
            return new Verdict(false, listed + "there is no command");
        }
        for (Shape s : shapes) {
            if (s.os().contains(os) && matches(os, s.argv(), argv) == null) {
                return new Verdict(true, (BUILT_IN_ORIGIN.equals(s.origin()) ? "on tshoot's read-only list ("
                        : "on the read-only list of your consent.yaml (") + s.text() + ", " + s.origin() + ")");
            }
        }
        String why = null;
        for (Shape s : shapes) {
            if (s.os().contains(os) && program(os, s.argv().get(0)).equals(program(os, argv.get(0)))) {
                String m = matches(os, s.argv(), argv);
                why = why == null && !"the arguments differ".equals(m) ? m : why;
            }
        }
        Interpreters.Found f = Interpreters.find(argv);
        if (f != null) {
            return new Verdict(false, listed + f.why() + (why != null ? ", and " + why : ""));
        }
        List<String> forms = shapes.stream().filter(s -> s.os().contains(os))
                .filter(s -> program(os, s.argv().get(0)).equals(program(os, argv.get(0)))).map(Shape::text).toList();
        if (!forms.isEmpty()) {
            return new Verdict(false, listed + base(argv.get(0)) + " is listed for " + os.id() + " only as: "
                    + String.join("; ", forms) + (why != null ? " (" + why + ")" : ""));
        }
        boolean elsewhere = shapes.stream().anyMatch(s -> s.os().contains(os)
                && program(os, s.argv().get(0)).equals(program(os, base(argv.get(0)))));
        if (elsewhere && !base(argv.get(0)).equals(argv.get(0))) {
            return new Verdict(false, listed + "it lists " + base(argv.get(0)) + " without a folder, and "
                    + argv.get(0) + " may be another program");
        }
        return new Verdict(false, listed + "tshoot does not know that " + base(argv.get(0)) + " only reads");
    }

    /** Null when {@code argv} fits {@code shape}; otherwise what differs. */
    private static String matches(OsFamily os, List<String> shape, List<String> argv) {
        if (!program(os, shape.get(0)).equals(program(os, argv.get(0))) || !samePath(shape.get(0), argv.get(0))) {
            return "the program differs";
        }
        int i = 1;
        for (int k = 1; k < shape.size(); k++) {
            String p = shape.get(k);
            if (p.equals(KERNEL_PATHS)) {
                if (i >= argv.size()) {
                    return "it names no path";
                }
                for (; i < argv.size(); i++) {
                    String bad = kernelPath(argv.get(i));
                    if (bad != null) {
                        return bad;
                    }
                }
                continue;
            }
            if (i >= argv.size()) {
                return "the arguments differ";
            }
            String a = argv.get(i++);
            String bad = switch (p) {
                case KERNEL_PATH -> kernelPath(a);
                case SYSCTL_NAME -> SYSCTL.matcher(a).matches() ? null
                        : "'" + a + "' is not a plain kernel variable name such as kern.hv_support";
                case POWERSHELL_QUERY -> PowerShellQuery.problem(a);
                default -> (os == OsFamily.WINDOWS ? p.equalsIgnoreCase(a) : p.equals(a)) ? null : "the arguments differ";
            };
            if (bad != null) {
                return bad;
            }
        }
        return i == argv.size() ? null : "the arguments differ";
    }

    /** Null for a path under /sys or /proc that only reads kernel state; otherwise why not. */
    static String kernelPath(String path) {
        String no = "'" + path + "' is not a plain /sys or /proc path";
        if (!path.startsWith("/sys/") && !path.startsWith("/proc/")) {
            return no;
        }
        String[] seg = path.substring(1).split("/", -1);
        for (String s : seg) {
            if (s.equals(".") || s.equals("..") || !SEGMENT.matcher(s).matches()) {
                return no + ": no '.', '..' or empty part, plain names only";
            }
        }
        String second = seg.length > 1 ? seg[1] : "";
        if (seg.length < 2 || seg[0].equals("proc") && (second.matches("[0-9]+") || second.equals("self")
                || second.equals("thread-self") || second.equals("kmsg") || second.equals("kcore")
                || second.startsWith("kpage") || second.equals("sysrq-trigger"))
                || seg[0].equals("sys") && second.equals("kernel") && seg.length > 2
                        && (seg[2].equals("debug") || seg[2].equals("tracing"))) {
            return "'" + path + "' is not a /sys or /proc path that only reads kernel state";
        }
        return null;
    }

    private static boolean samePath(String shapeProgram, String program) {
        // a bare name in the list matches only a bare name: a folder could hold another program
        return shapeProgram.contains("/") == program.contains("/") && shapeProgram.contains("\\") == program.contains("\\");
    }

    private static String program(OsFamily os, String p) {
        if (os != OsFamily.WINDOWS) {
            return p;
        }
        String l = p.toLowerCase(Locale.ROOT);
        return l.endsWith(".exe") ? l.substring(0, l.length() - 4) : l;
    }

    private static String base(String p) {
        return p.replaceAll(".*[/\\\\]", "");
    }

    private static List<Shape> parseBuiltin() {
        List<Shape> out = new ArrayList<>();
        for (String line : BUILTIN.strip().split("\n")) {
            String[] w = line.strip().split("\\s+");
            out.add(new Shape(EnumSet.of(OsFamily.valueOf(w[0].toUpperCase(Locale.ROOT))),
                    List.of(w).subList(1, w.length), BUILT_IN_ORIGIN));
        }
        return out;
    }
}
