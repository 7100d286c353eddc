package dev.tshoot.transcript;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A cheap host summary for the transcript header: no probes, no name lookups that could hang. */
public final class HostSummary {
    private HostSummary() {}

    public static TranscriptHeader.Host current() {
        return new TranscriptHeader.Host(System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), hostname(), System.getProperty("user.name"));
    }

    static String hostname() {
        String h = System.getenv("COMPUTERNAME");
        if (h == null || h.isBlank()) {
            h = System.getenv("HOSTNAME");
        }
        if (h == null || h.isBlank()) {
            try {
                Path p = Path.of("/proc/sys/kernel/hostname");
                if (Files.isReadable(p)) {
                    h = Files.readString(p).strip();
                }
            } catch (IOException ignored) {
                // fall through
            }
        }
        if (h == null || h.isBlank()) {
            try {
                h = java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                h = "unknown";
            }
        }
        return h;
    }
}
