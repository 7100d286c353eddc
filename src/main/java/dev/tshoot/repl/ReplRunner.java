package dev.tshoot.repl;

import java.io.PrintWriter;
import java.util.Arrays;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.ShellRunner;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;

import dev.tshoot.shell.ArgParser;
import dev.tshoot.shell.Catalog;
import dev.tshoot.shell.Console;
import dev.tshoot.shell.ExitCode;

/**
 * The shell's run: {@code tshoot} alone opens the REPL; {@code tshoot <command …>} that needs the
 * shell (see {@link dev.tshoot.Main}) runs that one command with the shell's terminal and exits with
 * its status. No stack trace reaches the user.
 *
 * <p>Works around two Spring Shell 4.0.1 behaviours: with the interactive mode enabled it ignores
 * the program arguments and opens the prompt (spring-projects/spring-shell#1278, "Executing a shell
 * command non-interactively is no longer possible if interactive mode is enabled in version
 * 4.0.0", closed as intended), and its non-interactive runner exits 0 whatever the command did
 * (#1339, "Exit code is always 0 for non-interactive runner"); the status comes from
 * {@link ExitCode}. {@link CtrlCTolerantInput} is the third workaround here.
 */
@Configuration(proxyBeanMethods = false)
public class ReplRunner {

    @Bean
    ApplicationRunner springShellApplicationRunner(ObjectProvider<org.jline.reader.LineReader> reader,
            ObjectProvider<org.springframework.shell.jline.PromptProvider> prompt, CommandParser parser,
            CommandRegistry registry, Catalog catalog, ExitCode exit, ObjectProvider<dev.tshoot.shell.SessionHolder> holder,
            ObjectProvider<dev.tshoot.shell.Prompter> prompter, ObjectProvider<dev.tshoot.shell.Wiring> wiring) {
        return args -> {
            // the text layer lays playbook text out at the terminal's width (80 on a dumb terminal or when not known)
            Console.width(() -> {
                org.jline.terminal.Terminal t = reader.getObject().getTerminal();
                return org.jline.terminal.Terminal.TYPE_DUMB.equals(t.getType())
                        || org.jline.terminal.Terminal.TYPE_DUMB_COLOR.equals(t.getType()) ? 0 : t.getWidth();
            });
            String[] a = args.getSourceArgs();
            if (a.length == 0) {
                // keep what users type verbatim: no history expansion eating backslashes and '!'
                reader.getObject().setOpt(org.jline.reader.LineReader.Option.DISABLE_EVENT_EXPANSION);
                // after a crash or a restart a playbook asked for: the unfinished session is offered
                String offer = dev.tshoot.app.ResumeTranscript.offer(
                        new dev.tshoot.app.TranscriptFiles(wiring.getObject().paths().transcripts()));
                if (offer != null) {
                    var w = reader.getObject().getTerminal().writer();
                    w.println(Console.dim(dev.tshoot.text.SafeText.line(offer)));
                    w.flush();
                }
                ShellRunner repl = new org.springframework.shell.jline.JLineShellRunner(
                        new CtrlCTolerantInput(reader.getObject(), prompt.getObject(),
                                () -> leaving(holder.getObject(), prompter.getObject())), parser, registry);
                repl.run(a);
                exit.set(ExitCode.OK); // leaving the shell is a success, whatever the last command said
                return;
            }
            PrintWriter out = CatalogCommand.reflowed(new PrintWriter(System.out, true), reader.getObject().getTerminal());
            exit.set(runOnce(a, catalog, out));
            out.flush();
        };
    }

    /**
     * At {@code exit} or {@code quit}: true to leave. A paused session (no outcome yet) is closed by
     * leaving, so the user is asked first and told how to come back to it.
     */
    static boolean leaving(dev.tshoot.shell.SessionHolder holder, dev.tshoot.shell.Prompter prompter) {
        if (!holder.paused()) {
            return true;
        }
        String reply = prompter.select("A session is paused at '" + holder.session().current().id() + "'. Leave tshoot?",
                java.util.List.of(new dev.tshoot.shell.Prompter.Item("leave", "Leave: the session is closed as interrupted,"
                        + " and 'tshoot resume' continues it later"), new dev.tshoot.shell.Prompter.Item("stay", "Stay")));
        return reply == null || "leave".equals(reply);
    }

    /** One command given as program arguments, run with the shell's terminal: its exit status. */
    static int runOnce(String[] argv, Catalog catalog, PrintWriter out) {
        var found = catalog.find(Arrays.asList(argv));
        if (found.isEmpty()) {
            out.println(catalog.unknown(Arrays.asList(argv)));
            out.flush();
            return ExitCode.BAD_INPUT;
        }
        return catalog.execute(found.get().spec(), ArgParser.Words.of(found.get().rest()), out);
    }

    /**
     * Ctrl-C at the prompt clears the line instead of leaving the shell (and closing the session);
     * Ctrl-D or {@code exit} leaves. In Spring Shell 4.0.1 JLine's
     * {@code UserInterruptException} from the input provider ends the REPL. No upstream issue found for 4.x as of December
     * 2026; the same request for 2.x was spring-projects/spring-shell#110 (fixed there).
     */
    static final class CtrlCTolerantInput extends org.springframework.shell.jline.JLineInputProvider {
        private final java.util.function.BooleanSupplier leave;

        /** {@code leave}: asked at {@code exit} or {@code quit}; false keeps the shell running. */
        CtrlCTolerantInput(org.jline.reader.LineReader reader, org.springframework.shell.jline.PromptProvider prompt,
                java.util.function.BooleanSupplier leave) {
            super(reader);
            setPromptProvider(prompt);
            this.leave = leave;
        }

        @Override
        public String readInput() {
            while (true) {
                try {
                    String line = super.readInput();
                    String word = line == null ? "" : line.strip();
                    if ((word.equals("exit") || word.equals("quit")) && !leave.getAsBoolean()) {
                        continue;
                    }
                    return line;
                } catch (org.jline.reader.UserInterruptException e) {
                    getLineReader().getTerminal().writer().println(Console.dim("(Ctrl-C clears the line; 'exit' or Ctrl-D leaves tshoot)"));
                }
            }
        }
    }
}
