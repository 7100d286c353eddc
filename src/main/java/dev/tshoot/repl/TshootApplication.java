package dev.tshoot.repl;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import dev.tshoot.shell.ExitCode;

/**
 * The interactive shell: Spring Shell on JLine over the command catalog. {@link dev.tshoot.Main}
 * starts it for {@code tshoot} alone and for the invocations that need it; it exits with the status
 * of the command it was started for (0 after an interactive session).
 */
@SpringBootApplication
public class TshootApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(TshootApplication.class);
        var context = app.run(args);
        int code = context.getBean(ExitCode.class).get();
        context.close();
        System.exit(code);
    }
}
