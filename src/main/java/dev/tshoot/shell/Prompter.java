package dev.tshoot.shell;

import java.util.List;

/**
 * How a running session asks the user. Kept behind an interface so the session driver can be
 * tested with scripted replies, and so dumb terminals get a typed fallback.
 */
public interface Prompter {

    /** A menu entry: {@code key} is returned when chosen. */
    record Item(String key, String label) {}

    /** Shows a menu; returns the chosen key, or null when input ended. */
    String select(String title, List<Item> items);

    /** Asks for a line of text; returns it, or null when input ended. */
    String input(String title, boolean secret);
}
