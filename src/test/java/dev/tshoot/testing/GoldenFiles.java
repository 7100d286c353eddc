package dev.tshoot.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The switch that rewrites committed expected-output files (golden exports, fixture transcripts).
 *
 * <p>{@code -D<property>=true} (for example {@code -Dgolden.update=true}) makes a test write its
 * files anew instead of comparing with them, and then fail, so that an update run can never pass
 * for a real one: review the diff, commit it, and run the tests again without the switch. With the
 * environment variable {@code CI=true} the switch refuses to write anything and fails, saying to run
 * it locally: a build server never rewrites what it is meant to check.
 */
public final class GoldenFiles {

    private final String property;
    private final String rerun;
    private final Map<String, String> env;
    private final boolean update;

    /**
     * @param property the system property that turns updating on
     * @param rerun the command that updates, for the messages (e.g. {@code mvn test -Dtest=GoldenExportTest -Dgolden.update=true})
     */
    public GoldenFiles(String property, String rerun) {
        this(property, rerun, System.getenv(), Boolean.getBoolean(property));
    }

    GoldenFiles(String property, String rerun, Map<String, String> env, boolean update) {
        this.property = property;
        this.rerun = rerun;
        this.env = Map.copyOf(env);
        this.update = update;
    }

    /** Whether this run rewrites the files instead of comparing with them. */
    public boolean updating() {
        return update;
    }

    /**
     * Writes the files of an update run and fails; under {@code CI=true} fails without writing.
     * Call it only when {@link #updating()}.
     */
    public void writeAndFail(Map<Path, byte[]> files) throws IOException {
        if (!update) {
            throw new IllegalStateException("-D" + property + "=true is not set: compare with the files instead");
        }
        if ("true".equalsIgnoreCase(env.getOrDefault("CI", ""))) {
            throw new AssertionError("-D" + property + "=true rewrites committed expected files, and CI=true is set: nothing"
                    + " was written. Run it locally (" + rerun + "), review the diff and commit it.");
        }
        StringBuilder written = new StringBuilder();
        for (Map.Entry<Path, byte[]> f : files.entrySet()) {
            Path parent = f.getKey().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(f.getKey(), f.getValue());
            written.append("\n  ").append(f.getKey());
        }
        throw new AssertionError("-D" + property + "=true wrote " + files.size() + " file(s):" + written
                + "\nThis run fails on purpose: review the diff (git diff), commit it, and run the tests again without -D"
                + property + ".");
    }

    /** {@link #writeAndFail(Map)} for one file. */
    public void writeAndFail(Path file, byte[] content) throws IOException {
        writeAndFail(Map.of(file, content));
    }
}
