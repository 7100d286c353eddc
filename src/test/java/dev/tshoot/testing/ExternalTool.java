package dev.tshoot.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A program the tests run if it is installed (chromium, asciinema). Absent, its tests are skipped,
 * unless the named environment variable is 1 (CI sets it): then they fail and say how to install it.
 */
public final class ExternalTool {

    public record Result(int exit, String out, String err) {}

    private ExternalTool() {}

    /** The first of {@code names} on the PATH; skips (or fails when {@code requireVariable}=1) when none is. */
    public static Path require(String requireVariable, String aptPackage, String... names) {
        return require(System.getenv(), requireVariable, aptPackage, names);
    }

    static Path require(java.util.Map<String, String> env, String requireVariable, String aptPackage, String... names) {
        Optional<Path> found = find(names);
        if (found.isEmpty()) {
            String why = String.join(" or ", names) + " is not on the PATH (install it with: apt-get install -y " + aptPackage + ")";
            if ("1".equals(env.get(requireVariable))) {
                Assertions.fail(requireVariable + "=1 requires it, but " + why + ".");
            }
            Assumptions.abort("skipped: " + why + "; set " + requireVariable + "=1 to make this a failure.");
        }
        return found.get();
    }

    public static Optional<Path> find(String... names) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : names) {
            for (String d : path.split(File.pathSeparator)) {
                Path p = Path.of(d, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** Runs a command with no input, waiting at most {@code seconds}. */
    public static Result run(List<String> command, Path workDir, int seconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "out-", ".txt");
        Path err = Files.createTempFile(workDir, "err-", ".txt");
        Process p = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            Assertions.fail(String.join(" ", command) + " did not finish within " + seconds + " s; stderr: "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
