package dev.tshoot.shell;

import java.util.List;
import java.util.Map;

/**
 * A parsed invocation: positional words, options by long name (flags map to {@code "true"}), the
 * free text of a text command, and whether help was asked for.
 */
public record Args(List<String> positional, Map<String, String> options, String text, boolean help) {

    public Args {
        positional = List.copyOf(positional);
        options = Map.copyOf(options);
    }

    /** The {@code i}-th positional word, or null. */
    public String arg(int i) {
        return i < positional.size() ? positional.get(i) : null;
    }

    public boolean flag(String longName) {
        return "true".equals(options.get(longName));
    }

    /** An option's value, or null when it was not given. */
    public String value(String longName) {
        return options.get(longName);
    }
}
