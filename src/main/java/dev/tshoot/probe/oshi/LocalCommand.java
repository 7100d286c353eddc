package dev.tshoot.probe.oshi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.tshoot.probe.Read;

/**
 * Runs one short, read-only command without a shell and returns its standard output, or unknown with
 * the reason. Standard error is discarded, standard input is empty, output is capped.
 * (Candidate to move onto the project's process runner once that exists.)
 */
final class LocalCommand {

    static final int MAX_OUTPUT_BYTES = 1 << 20;

    private LocalCommand() {
    }

    static Read run(Duration timeout, String... command) {
        if (command == null || command.length == 0) {
            return Read.unknown("no command given");
        }
        ProcessBuilder pb = new ProcessBuilder(List.of(command))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        Process process;
        try {
            process = pb.start();
        } catch (IOException | RuntimeException e) {
            return Read.unknown("could not start '" + command[0] + "': " + e.getMessage());
        }
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readCapped(process.getInputStream()));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return Read.unknown("'" + command[0] + "' timed out after " + timeout.toSeconds() + " s");
            }
            byte[] bytes = out.get(2, TimeUnit.SECONDS);
            int exit = process.exitValue();
            if (exit != 0) {
                return Read.unknown("'" + command[0] + "' exited with status " + exit);
            }
            return Read.of(new String(bytes, Charset.defaultCharset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return Read.unknown("interrupted while running '" + command[0] + "'");
        } catch (ExecutionException | TimeoutException e) {
            return Read.unknown("could not read the output of '" + command[0] + "': " + e.getMessage());
        }
    }

    private static byte[] readCapped(InputStream in) {
        try (in) {
            byte[] data = in.readNBytes(MAX_OUTPUT_BYTES);
            in.transferTo(OutputSink.INSTANCE);   // drain the rest so the process can exit
            return data;
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** Discards bytes. */
    private static final class OutputSink extends java.io.OutputStream {
        static final OutputSink INSTANCE = new OutputSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
