package dev.tshoot.playbook;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one classifier of shells and interpreters: programs that run their arguments (or a file an
 * argument names) as code. Lint uses it to find answers that would reach such a program as code;
 * consent uses it to say why a command can never be taken as read-only.
 *
 * <p>The program is found after the wrappers that start another program ({@code env} with its
 * options and {@code NAME=value} settings, {@code busybox <applet>}, {@code sudo}, {@code doas},
 * {@code nice}, {@code nohup}, {@code timeout}, {@code setsid}, {@code stdbuf}), with any folder
 * and {@code .exe} removed and the name lower-cased ({@code /bin/sh}, {@code CMD.EXE} and
 * {@code python3.12} are all found). Code-taking flags are recognised in every spelling the
 * programs accept: clustered short options ({@code sh -xc}, {@code bash -lc}, {@code perl -ne}),
 * separate ones ({@code sh -e -c}), PowerShell's abbreviations ({@code -c}, {@code -Com},
 * {@code -e}, {@code -EncodedCommand}, {@code /Command}) and cmd's {@code /c}, {@code /k},
 * {@code /r}, glued or not ({@code cmd.exe /d /s /c}).
 */
public final class Interpreters {

    /** How a family's options are spelled. */
    private enum Style { POSIX, POWERSHELL, CMD }

    /**
     * A family of interpreters. {@code codeLetters}: short options (clustered or not) whose value is
     * code; {@code valueLetters}: short options that take the rest of the cluster (or the next
     * argument) as a plain value; {@code codeOptions}: long options that take code or a file of code.
     */
    private record Family(String runs, Style style, String codeLetters, String valueLetters, Set<String> codeOptions) {}

    private static final Family SHELL = new Family("runs any command", Style.POSIX, "c", "oO",
            Set.of("--command", "--init-command", "--rcfile", "--init-file"));
    private static final Family FISH = new Family("runs any command", Style.POSIX, "cC", "",
            Set.of("--command", "--init-command"));
    private static final Family PYTHON = new Family("runs any code", Style.POSIX, "cm", "WXQ", Set.of());
    private static final Family PERL = new Family("runs any code", Style.POSIX, "eEMm", "Iil0xCdDV", Set.of());
    private static final Family RUBY = new Family("runs any code", Style.POSIX, "er", "IECFKTWx0i",
            Set.of("--require"));
    private static final Family NODE = new Family("runs any code", Style.POSIX, "epr", "",
            Set.of("--eval", "--print", "--require", "--import", "--loader", "--experimental-loader"));
    private static final Family PHP = new Family("runs any code", Style.POSIX, "rBREF", "dfzc", Set.of());
    private static final Family SCRIPT = new Family("runs any code", Style.POSIX, "el", "", Set.of("--source"));
    private static final Family POWERSHELL = new Family("runs any command", Style.POWERSHELL, "", "", Set.of());
    private static final Family CMD = new Family("runs any command", Style.CMD, "", "", Set.of());

    private static final Map<String, Family> PROGRAMS = Map.ofEntries(
            Map.entry("sh", SHELL), Map.entry("bash", SHELL), Map.entry("dash", SHELL), Map.entry("zsh", SHELL),
            Map.entry("ksh", SHELL), Map.entry("mksh", SHELL), Map.entry("ash", SHELL), Map.entry("hush", SHELL),
            Map.entry("csh", SHELL), Map.entry("tcsh", SHELL), Map.entry("rbash", SHELL), Map.entry("fish", FISH),
            Map.entry("python", PYTHON), Map.entry("python2", PYTHON), Map.entry("python3", PYTHON),
            Map.entry("pypy", PYTHON), Map.entry("pypy3", PYTHON), Map.entry("py", PYTHON),
            Map.entry("perl", PERL), Map.entry("ruby", RUBY), Map.entry("node", NODE), Map.entry("nodejs", NODE),
            Map.entry("deno", NODE), Map.entry("bun", NODE), Map.entry("php", PHP), Map.entry("lua", SCRIPT),
            Map.entry("luajit", SCRIPT), Map.entry("rscript", SCRIPT), Map.entry("osascript", SCRIPT),
            Map.entry("tclsh", SCRIPT), Map.entry("wish", SCRIPT), Map.entry("awk", SCRIPT),
            Map.entry("gawk", SCRIPT), Map.entry("mawk", SCRIPT), Map.entry("nawk", SCRIPT),
            Map.entry("cscript", SCRIPT), Map.entry("wscript", SCRIPT), Map.entry("mshta", SCRIPT),
            Map.entry("powershell", POWERSHELL), Map.entry("powershell_ise", POWERSHELL), Map.entry("pwsh", POWERSHELL),
            Map.entry("cmd", CMD));

    /** Wrappers that start the program named by a later argument; the value is the options that take a value. */
    private static final Map<String, Set<String>> WRAPPERS = Map.of(
            "env", Set.of("-u", "--unset", "-C", "--chdir"),
            "sudo", Set.of("-u", "--user", "-g", "--group", "-C", "-D", "-h", "-p", "-r", "-t", "-U"),
            "doas", Set.of("-u", "-C"),
            "nice", Set.of("-n", "--adjustment"),
            "nohup", Set.of(),
            "setsid", Set.of(),
            "stdbuf", Set.of("-i", "-o", "-e"),
            "timeout", Set.of("-s", "--signal", "-k", "--kill-after"),
            "busybox", Set.of());

    private Interpreters() {}

    /**
     * A shell or interpreter found in an argument list: its name as written (without folder),
     * {@code index}: where it stands, {@code via}: the wrappers before it, and what it does.
     */
    public record Found(String name, int index, List<String> via, String runs) {
        /** "sh runs any command", "sh (started by env) runs any command". */
        public String why() {
            return name + (via.isEmpty() ? "" : " (started by " + String.join(", ", via) + ")") + " " + runs;
        }
    }

    /** The shell or interpreter this argument list starts, or null when it starts none. */
    public static Found find(List<String> argv) {
        int p = programIndex(argv);
        if (p < 0) {
            return new Found(base(argv.get(0)), 0, List.of(), "-S splits a string into any command");
        }
        if (p >= argv.size()) {
            return null;
        }
        Family fam = PROGRAMS.get(program(argv.get(p)));
        if (fam == null) {
            return null;
        }
        List<String> via = new java.util.ArrayList<>();
        for (int i = 0; i < p; ) {
            via.add(base(argv.get(i)));
            i = wrapped(argv, i, program(argv.get(i)), WRAPPERS.get(program(argv.get(i))));
        }
        return new Found(base(argv.get(p)), p, List.copyOf(via), fam.runs());
    }

    /** Where the program stands after the wrappers (argv's size when a wrapper names none; -1 for env -S). */
    private static int programIndex(List<String> argv) {
        int i = 0;
        while (i < argv.size()) {
            Set<String> valued = WRAPPERS.get(program(argv.get(i)));
            if (valued == null) {
                return i;
            }
            i = wrapped(argv, i, program(argv.get(i)), valued);
            if (i < 0) {
                return -1;
            }
        }
        return i;
    }

    /** The index of the program a wrapper starts, or -1 when the wrapper takes a whole command line as text. */
    private static int wrapped(List<String> argv, int at, String wrapper, Set<String> valued) {
        int i = at + 1;
        if (wrapper.equals("timeout")) {
            // options, then the duration, then the program
            while (i < argv.size() && argv.get(i).startsWith("-")) {
                i += valued.contains(argv.get(i)) ? 2 : 1;
            }
            return i + 1;
        }
        while (i < argv.size()) {
            String a = argv.get(i);
            if (wrapper.equals("env") && (a.equals("-S") || a.startsWith("--split-string") || a.startsWith("-S"))) {
                return -1;
            }
            if (a.equals("--")) {
                return i + 1;
            }
            if (a.startsWith("-") && a.length() > 1) {
                i += valued.contains(a) ? 2 : 1;
            } else if (wrapper.equals("env") && a.indexOf('=') > 0) {
                i++;
            } else {
                return i;
            }
        }
        return i;
    }

    /**
     * True when argument {@code i} reaches a shell or interpreter as code: it follows a code-taking
     * flag, or stands where the program reads its script (the first argument that is no option,
     * for PowerShell every argument unless {@code -File} names the script before it), or it is the
     * interpreter itself.
     */
    public static boolean reachesAsCode(List<String> argv, int i) {
        int p = programIndex(argv);
        if (p < 0 || i == p) {
            // env -S takes a whole command line; an answer in the program's place chooses the program
            return true;
        }
        if (i < p || p >= argv.size()) {
            return false;
        }
        Family fam = PROGRAMS.get(program(argv.get(p)));
        if (fam == null) {
            return false;
        }
        List<String> args = argv.subList(p + 1, i);
        return switch (fam.style()) {
            case POSIX -> posix(fam, args);
            case POWERSHELL -> powershell(args);
            case CMD -> true;
        };
    }

    /** Before the argument: a code flag, or nothing but options (the argument is then the script). */
    private static boolean posix(Family fam, List<String> before) {
        boolean skipValue = false;
        for (String a : before) {
            if (skipValue) {
                skipValue = false;
                continue;
            }
            String l = a.toLowerCase(Locale.ROOT);
            if (a.equals("--") || a.equals("-")) {
                return false;
            }
            if (a.startsWith("--")) {
                String name = l.contains("=") ? l.substring(0, l.indexOf('=')) : l;
                if (fam.codeOptions().contains(name)) {
                    return true;
                }
                continue;
            }
            if ((a.startsWith("-") || a.startsWith("+")) && a.length() > 1) {
                for (int k = 1; k < a.length(); k++) {
                    char ch = a.charAt(k);
                    if (fam.codeLetters().indexOf(ch) >= 0) {
                        return true;
                    }
                    if (fam.valueLetters().indexOf(ch) >= 0) {
                        skipValue = k == a.length() - 1;
                        break;
                    }
                }
                continue;
            }
            // a script file came first: later arguments are its arguments
            return false;
        }
        return true;
    }

    /** Windows PowerShell runs its arguments as a command unless -File names a script first. */
    private static boolean powershell(List<String> before) {
        for (int k = 0; k < before.size(); k++) {
            String a = before.get(k).toLowerCase(Locale.ROOT).replaceFirst("^(--|-|/)", "-");
            if (!a.startsWith("-") || a.length() < 2) {
                return true;
            }
            if (isPrefix(a, "-command", 2) || isPrefix(a, "-encodedcommand", 2) || a.equals("-ec")
                    || isPrefix(a, "-commandwithargs", 9) || a.equals("-cwa")) {
                return true;
            }
            if (POWERSHELL_VALUED.stream().anyMatch(v -> isPrefix(a, v, 3)) || a.equals("-ep") || a.equals("-wd")) {
                k++;
                continue;
            }
            if (isPrefix(a, "-file", 2)) {
                // the script file is code; the arguments after it are its arguments
                return k == before.size() - 1;
            }
        }
        return true;
    }

    /** PowerShell options that take a plain value (abbreviated to three letters or more). */
    private static final List<String> POWERSHELL_VALUED = List.of("-executionpolicy", "-windowstyle", "-version",
            "-inputformat", "-outputformat", "-configurationname", "-psconsolefile", "-workingdirectory", "-settingsfile");

    private static boolean isPrefix(String a, String full, int min) {
        return a.length() >= min && full.startsWith(a);
    }

    /** The program's name: no folder, no {@code .exe}, lower case, no version ({@code python3.12} is python3). */
    static String program(String arg) {
        String n = base(arg).toLowerCase(Locale.ROOT);
        if (n.endsWith(".exe") || n.endsWith(".com")) {
            n = n.substring(0, n.length() - 4);
        }
        return n.replaceFirst("^(python[23]?|pypy3?|perl|ruby|php|lua|tclsh|wish)[0-9.]+$", "$1")
                .replaceFirst("^(python[23]?|pypy3?|perl|ruby|php|lua)[0-9]*\\.[0-9.]+$", "$1");
    }

    private static String base(String arg) {
        return arg.replaceAll(".*[/\\\\]", "");
    }
}
