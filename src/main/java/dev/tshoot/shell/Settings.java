package dev.tshoot.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * tshoot's settings without a framework: a Java system property ({@code -Dtshoot.x=…}) wins, then
 * the defaults packaged in {@code application.properties}. Environment variables such as
 * TSHOOT_PLAYBOOKS are read where each setting documents them ({@link TshootPaths}).
 */
public final class Settings {

    private static final Properties DEFAULTS = load();

    private Settings() { }

    /** The value of {@code key}, or null. */
    public static String property(String key) {
        String v = System.getProperty(key);
        return v != null ? v : DEFAULTS.getProperty(key);
    }

    /** tshoot's version, as the build wrote it. */
    public static String version() {
        String v = property("tshoot.version");
        return v == null || v.startsWith("@") ? "dev" : v;
    }

    /** Whether transcript lines are forced to disk one by one ({@code tshoot.transcript.fsync}, default true). */
    public static boolean fsync() {
        return !"false".equalsIgnoreCase(property("tshoot.transcript.fsync"));
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read tshoot's packaged settings", e);
        }
        return p;
    }
}
