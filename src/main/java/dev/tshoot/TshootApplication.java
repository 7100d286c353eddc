package dev.tshoot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point: {@code tshoot} opens the REPL, {@code tshoot <command ...>} runs one command and exits with its status. */
@SpringBootApplication
public class TshootApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(TshootApplication.class);
        var context = app.run(args);
        int code = context.getBean(dev.tshoot.shell.ExitCode.class).get();
        context.close();
        System.exit(code);
    }
}
