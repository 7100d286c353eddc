package dev.tshoot;

import java.io.PrintWriter;

import dev.tshoot.shell.OneShot;
import dev.tshoot.shell.Wiring;

/**
 * Entry point. {@code tshoot <command ...>} runs one command through the one-shot front end, which
 * starts no framework; {@code tshoot} alone, and the invocations that need the interactive shell
 * ({@code start}, a stepping {@code replay}, a {@code match} that offers to start), start the
 * Spring Shell REPL ({@link dev.tshoot.repl.TshootApplication}).
 */
public final class Main {

    private Main() { }

    public static void main(String[] args) {
        // -Dtshoot.frontend=spring runs one-shot commands through the shell's context instead (a
        // fallback, and the same-run baseline of bench/run startup)
        if (args.length > 0 && !"spring".equals(System.getProperty("tshoot.frontend"))) {
            Wiring wiring = Wiring.standard(Wiring.oneShotTerminals());
            PrintWriter out = new PrintWriter(System.out, true);
            int code = OneShot.run(args, wiring.catalog(false), out);
            if (code != OneShot.NEEDS_REPL) {
                out.flush();
                wiring.close();
                System.exit(code);
            }
        }
        dev.tshoot.repl.TshootApplication.main(args);
    }
}
