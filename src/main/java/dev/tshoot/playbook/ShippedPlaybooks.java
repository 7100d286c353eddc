package dev.tshoot.playbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The playbooks that ship with tshoot, pinned by the SHA-256 of their bytes in this build
 * ({@value #RESOURCE}, checked against {@code playbooks/} by a test, in {@code sha256sum} format).
 * A playbook whose bytes hash to a pinned value is the shipped playbook, wherever it lies; one byte
 * changed and it is an unsigned playbook like any other. The pins are part of tshoot itself: no
 * playbook, signature file or user file can add one.
 */
public final class ShippedPlaybooks {

    /** The classpath resource holding the pins. */
    public static final String RESOURCE = "/dev/tshoot/playbook/shipped-playbooks.sha256";

    private static final Map<String, String> PINS = load();

    private ShippedPlaybooks() {}

    /** The shipped file name whose bytes hash to {@code sha256}, or null. */
    public static String named(String sha256) {
        return sha256 == null ? null : PINS.get(sha256);
    }

    /** Every pin: SHA-256 to file name, in the resource's order. */
    public static Map<String, String> pins() {
        return PINS;
    }

    /** Parses {@code sha256sum} lines ({@code <64 hex>  <name>}); anything else is a build error. */
    static Map<String, String> parse(String text) {
        Map<String, String> pins = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (!line.matches("[0-9a-f]{64}  [A-Za-z0-9._-]+\\.ya?ml")) {
                throw new IllegalStateException(RESOURCE + ": not a pin line: " + line);
            }
            pins.put(line.substring(0, 64), line.substring(66));
        }
        return Collections.unmodifiableMap(pins);
    }

    private static Map<String, String> load() {
        try (InputStream in = ShippedPlaybooks.class.getResourceAsStream(RESOURCE)) {
            return in == null ? Map.of() : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
