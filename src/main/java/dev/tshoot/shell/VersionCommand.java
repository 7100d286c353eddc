package dev.tshoot.shell;

import java.io.PrintWriter;


/** {@code version}: tshoot's version, the Java runtime and the folders in use. */
public class VersionCommand {

    private final String version;
    private final TshootPaths paths;

    public VersionCommand(String version, TshootPaths paths) {
        this.version = version;
        this.paths = paths;
    }

    void version(PrintWriter out) {
        out.println("tshoot " + version);
        out.println("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ") on "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        out.println("Commands:    contained by " + dev.tshoot.probe.process.Subreaper.mode());
        out.println("Playbooks:   " + paths.playbooks().toAbsolutePath());
        out.println("Transcripts: " + paths.transcripts().toAbsolutePath());
        out.flush();
    }

    /** The commands this adapter runs, as both front ends know them. */
    static java.util.List<CommandSpec> commands(java.util.function.Supplier<VersionCommand> self) {
        return java.util.List.of(
                CommandSpec.command("version", "Shell",
                        "Show tshoot's version, Java and the folders in use")
                        .run((a, out) -> self.get().version(out)));
    }
}
