package dev.tshoot.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tshoot.playbook.Suggest;
import dev.tshoot.text.SafeText;

/**
 * Parses a command's words against its {@link CommandSpec}, the same way for both front ends:
 * {@code --name value}, {@code --name=value}, {@code -x value}, flags ({@code --yes},
 * {@code --yes=false}), {@code --} ends the options, {@code --help} or {@code -h} anywhere asks
 * for help. A misspelt option, a missing value, an option given twice and an extra argument are
 * refused with a message that says what to type instead; nothing is silently ignored.
 *
 * <p>A text command ({@code note}, {@code match}) takes the rest of the line as typed: its options
 * may stand only at the start, its flags also at the end.
 */
public final class ArgParser {

    private ArgParser() { }

    /** A refused command line: the message says what was wrong and what to type. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    /** The words after the command name: each with its place in the raw text (for text commands). */
    public record Words(List<String> words, List<int[]> spans, String raw) {

        /** Words as the operating system's shell split them (one-shot use). */
        public static Words of(List<String> argv) {
            StringBuilder raw = new StringBuilder();
            List<int[]> spans = new ArrayList<>();
            for (String w : argv) {
                if (raw.length() > 0) {
                    raw.append(' ');
                }
                spans.add(new int[] {raw.length(), raw.length() + w.length()});
                raw.append(w);
            }
            return new Words(List.copyOf(argv), spans, raw.toString());
        }

        /** Words as typed at the REPL: split at blanks, with "double" and 'single' quotes. */
        public static Words split(String raw) throws UsageException {
            List<String> words = new ArrayList<>();
            List<int[]> spans = new ArrayList<>();
            int i = 0;
            int n = raw.length();
            while (i < n) {
                while (i < n && Character.isWhitespace(raw.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                int start = i;
                StringBuilder w = new StringBuilder();
                while (i < n && !Character.isWhitespace(raw.charAt(i))) {
                    char c = raw.charAt(i);
                    if (c == '"' || c == '\'') {
                        int close = i + 1;
                        StringBuilder q = new StringBuilder();
                        while (close < n && raw.charAt(close) != c) {
                            if (c == '"' && raw.charAt(close) == '\\' && close + 1 < n
                                    && (raw.charAt(close + 1) == '"' || raw.charAt(close + 1) == '\\')) {
                                close++;
                            }
                            q.append(raw.charAt(close));
                            close++;
                        }
                        if (close >= n) {
                            throw new UsageException("The quote " + c + " at column " + (i + 1)
                                    + " is not closed. Close it, or put the text in the other kind of quotes.");
                        }
                        w.append(q);
                        i = close + 1;
                    } else {
                        w.append(c);
                        i++;
                    }
                }
                words.add(w.toString());
                spans.add(new int[] {start, i});
            }
            return new Words(words, spans, raw);
        }

        /** For a text command: a quote left open is part of the text, so split at blanks only. */
        public static Words lenient(String raw) {
            try {
                return split(raw);
            } catch (UsageException e) {
                List<String> words = new ArrayList<>();
                List<int[]> spans = new ArrayList<>();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\S+").matcher(raw);
                while (m.find()) {
                    words.add(m.group());
                    spans.add(new int[] {m.start(), m.end()});
                }
                return new Words(words, spans, raw);
            }
        }
    }

    public static Args parse(CommandSpec spec, Words in) throws UsageException {
        return spec.freeText() ? parseText(spec, in) : parseWords(spec, in.words());
    }

    private static Args parseWords(CommandSpec spec, List<String> words) throws UsageException {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        boolean help = false;
        boolean optionsEnded = false;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (optionsEnded || !isOption(w)) {
                positional.add(w);
                continue;
            }
            if (w.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (w.equals("--help") || w.equals("-h")) {
                help = true;
                continue;
            }
            i = option(spec, words, i, options);
        }
        if (!help) {
            checkArity(spec, positional);
        }
        return new Args(positional, options, null, help);
    }

    private static Args parseText(CommandSpec spec, Words in) throws UsageException {
        List<String> words = in.words();
        Map<String, String> options = new LinkedHashMap<>();
        int from = 0;
        while (from < words.size() && isOption(words.get(from)) && !words.get(from).equals("--")
                && known(spec, words.get(from))) {
            from = option(spec, words, from, options) + 1;
        }
        if (from < words.size() && words.get(from).equals("--")) {
            from++;
        }
        int to = words.size();
        while (to > from && isOption(words.get(to - 1)) && known(spec, words.get(to - 1))
                && flagNamed(spec, words.get(to - 1))) {
            option(spec, words, to - 1, options);
            to--;
        }
        String text = from >= to ? "" : in.raw().substring(in.spans().get(from)[0], in.spans().get(to - 1)[1]);
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") && to - from == 1) {
            text = words.get(from); // one quoted word: its text without the quotes
        }
        boolean help = text.equals("--help") || text.equals("-h");
        return new Args(List.of(), options, help ? "" : text, help);
    }

    private static boolean isOption(String w) {
        return w.startsWith("-") && w.length() > 1 && !Character.isDigit(w.charAt(1));
    }

    private static boolean known(CommandSpec spec, String w) {
        String name = w.startsWith("--") ? w.substring(2).split("=", 2)[0] : null;
        return name != null ? spec.option(name).isPresent() : w.length() == 2 && spec.option(w.charAt(1)).isPresent();
    }

    private static boolean flagNamed(CommandSpec spec, String w) {
        CommandSpec.Opt o = w.startsWith("--") ? spec.option(w.substring(2).split("=", 2)[0]).orElse(null)
                : spec.option(w.charAt(1)).orElse(null);
        return o != null && o.flag();
    }

    /** Reads the option at {@code i} (and its value) into {@code options}; returns the index of its last word. */
    private static int option(CommandSpec spec, List<String> words, int i, Map<String, String> options)
            throws UsageException {
        String w = words.get(i);
        String value = null;
        CommandSpec.Opt o;
        if (w.startsWith("--")) {
            String[] nv = w.substring(2).split("=", 2);
            o = spec.option(nv[0]).orElseThrow(() -> unknown(spec, "--" + nv[0]));
            value = nv.length == 2 ? nv[1] : null;
        } else if (w.length() == 2) {
            o = spec.option(w.charAt(1)).orElseThrow(() -> unknown(spec, w));
        } else {
            throw unknown(spec, w);
        }
        String shown = "--" + o.longName();
        if (options.containsKey(o.longName())) {
            throw new UsageException("Option '" + shown + "' is given twice for '" + spec.name() + "'. Give it once.");
        }
        if (o.flag()) {
            if (value != null && !value.equals("true") && !value.equals("false")) {
                throw new UsageException("Option '" + shown + "' is a flag: it takes no value (got '"
                        + SafeText.inline(value) + "'). Write " + shown + " alone.");
            }
            options.put(o.longName(), value == null ? "true" : value);
            return i;
        }
        if (value == null) {
            if (i + 1 >= words.size() || (isOption(words.get(i + 1)) && !words.get(i + 1).equals("-"))) {
                throw new UsageException("Option '" + shown + "' needs a value: " + shown + " <" + o.valueName() + ">.");
            }
            value = words.get(++i);
        }
        options.put(o.longName(), value);
        return i;
    }

    private static UsageException unknown(CommandSpec spec, String typed) {
        List<String> known = spec.options().stream().map(o -> "--" + o.longName()).toList();
        return new UsageException("Unknown option '" + SafeText.inline(typed) + "' for '" + spec.name() + "'."
                + Suggest.phrase(Suggest.closest(typed.startsWith("--") ? typed : "--" + typed.substring(1), known))
                + (known.isEmpty() ? " It takes no options." : " Its options: " + String.join(", ", known) + "."));
    }

    private static void checkArity(CommandSpec spec, List<String> positional) throws UsageException {
        boolean many = spec.params().stream().anyMatch(p -> p.arity() == CommandSpec.Arity.MANY);
        int max = spec.params().size();
        if (many || positional.size() <= max) {
            return;
        }
        String extra = SafeText.inline(positional.get(max));
        if (max == 0) {
            throw new UsageException("'" + spec.name() + "' takes no arguments (got '" + extra + "'). 'help "
                    + spec.name() + "' shows how to use it.");
        }
        throw new UsageException("'" + spec.name() + "' takes " + (max == 1 ? "one argument" : max + " arguments")
                + "; '" + extra + "' is one too many. Quote a value with spaces: \"like this\".");
    }
}
