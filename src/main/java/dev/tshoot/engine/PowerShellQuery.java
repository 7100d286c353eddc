package dev.tshoot.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PowerShell scripts tshoot takes as read-only: one pipeline of known cmdlets with known
 * parameters, whose values are plain words, numbers or single-quoted strings. The first stage
 * reads ({@code Get-CimInstance}, {@code Get-WindowsOptionalFeature}, {@code Get-Service}), the
 * others only filter and format ({@code Where-Object} with an operator, {@code Select-Object},
 * {@code Sort-Object}, {@code Format-List}, {@code Format-Table}). Nothing else is accepted: no
 * variable, sub-expression, script block, call operator, statement separator, redirection,
 * double-quoted string or escape ({@code $ ( ) { } @ & ; ` " < > #} and every other character
 * outside letters, digits, space, {@code , . ' | * _ -}).
 */
final class PowerShellQuery {

    /** Cmdlet (lower case) to the parameters it may take, for the first stage. */
    private static final Map<String, Set<String>> READERS = Map.of(
            "get-ciminstance", Set.of("-classname"),
            "get-windowsoptionalfeature", Set.of("-online", "-featurename"),
            "get-service", Set.of("-name", "-erroraction"));

    /** Cmdlet (lower case) to the parameters it may take, for the later stages. */
    private static final Map<String, Set<String>> FILTERS = Map.of(
            "where-object", Set.of("-property", "-value", "-eq", "-ne", "-in", "-notin", "-like", "-notlike",
                    "-contains", "-notcontains", "-gt", "-ge", "-lt", "-le"),
            "select-object", Set.of("-property", "-first", "-last", "-unique", "-expandproperty"),
            "sort-object", Set.of("-property", "-descending", "-unique"),
            "format-list", Set.of("-property"),
            "format-table", Set.of("-property", "-autosize"));

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9 ,.'|*_-]*");
    private static final Pattern TOKEN = Pattern.compile("\\s*('[A-Za-z0-9 ._*-]*'|[A-Za-z0-9_.*-]+|,)\\s*");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.*][A-Za-z0-9_.*-]*");

    private PowerShellQuery() {}

    /** Null when {@code script} is a read-only query; otherwise what makes it not one. */
    static String problem(String script) {
        if (script.isBlank()) {
            return "the script is empty";
        }
        Matcher bad = ALLOWED.matcher(script);
        if (!bad.matches()) {
            for (char ch : script.toCharArray()) {
                if (!ALLOWED.matcher(String.valueOf(ch)).matches()) {
                    return "the script uses " + describe(ch) + ", which a read-only query does not need";
                }
            }
        }
        List<String> stages = List.of(script.split("\\|", -1));
        for (int s = 0; s < stages.size(); s++) {
            List<String> tokens = tokens(stages.get(s));
            if (tokens == null || tokens.isEmpty()) {
                return "stage " + (s + 1) + " of the pipeline is not a plain cmdlet call";
            }
            String cmdlet = tokens.get(0).toLowerCase(Locale.ROOT);
            Set<String> params = (s == 0 ? READERS : FILTERS).get(cmdlet);
            if (params == null) {
                return "it runs " + tokens.get(0) + ", which is not one of the read-only cmdlets tshoot knows"
                        + " (first " + String.join(", ", sorted(READERS.keySet())) + "; then "
                        + String.join(", ", sorted(FILTERS.keySet())) + ")";
            }
            for (String t : tokens.subList(1, tokens.size())) {
                if (t.startsWith("-") && !params.contains(t.toLowerCase(Locale.ROOT))) {
                    return tokens.get(0) + " is given " + t + ", which tshoot does not take as read-only";
                }
                if (!t.startsWith("-") && !t.equals(",") && !t.startsWith("'") && !WORD.matcher(t).matches()) {
                    return "'" + t + "' is not a plain value";
                }
            }
        }
        return null;
    }

    private static List<String> tokens(String stage) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(stage);
        int at = 0;
        while (at < stage.length()) {
            if (!m.find(at) || m.start() != at) {
                return stage.substring(at).isBlank() ? out : null;
            }
            out.add(m.group(1));
            at = m.end();
        }
        return out;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    private static String describe(char ch) {
        return ch < 0x20 || ch > 0x7e ? String.format("U+%04X", (int) ch) : "'" + ch + "'";
    }
}
