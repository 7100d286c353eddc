package dev.tshoot.shell;

import java.io.PrintWriter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

/** {@code version}: tshoot's version, the Java runtime and the folders in use. */
@Component
public class VersionCommand {

    private final String version;
    private final TshootPaths paths;

    public VersionCommand(@Value("${tshoot.version:dev}") String version, TshootPaths paths) {
        this.version = version;
        this.paths = paths;
    }

    @Command(name = "version", group = "Built-In Commands", description = "Show tshoot's version, Java and the folders in use")
    public void version(CommandContext ctx) {
        PrintWriter out = ctx.outputWriter();
        out.println("tshoot " + version);
        out.println("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ") on "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        out.println("Playbooks:   " + paths.playbooks().toAbsolutePath());
        out.println("Transcripts: " + paths.transcripts().toAbsolutePath());
        out.flush();
    }
}
