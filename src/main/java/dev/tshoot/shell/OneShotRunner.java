package dev.tshoot.shell;

import java.io.PrintWriter;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.ShellRunner;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutionException;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandNotFoundException;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;

import dev.tshoot.playbook.Suggest;

/**
 * Dual mode for Spring Shell 4.0.1: {@code tshoot} alone opens the REPL; {@code tshoot <command …>}
 * runs that one command and exits with its real status. No stack trace reaches the user.
 *
 * <p>Works around two Spring Shell 4.0.1 behaviours: with the interactive mode enabled it ignores
 * the program arguments and opens the prompt (spring-projects/spring-shell#1278, "Executing a shell
 * command non-interactively is no longer possible if interactive mode is enabled in version
 * 4.0.0", closed as intended), and its non-interactive runner exits 0 whatever the command did
 * (#1339, "Exit code is always 0 for non-interactive runner"); the status comes from
 * {@link ExitCode}. {@link CtrlCTolerantInput} is the third workaround here.
 */
@Configuration(proxyBeanMethods = false)
public class OneShotRunner {

    @Bean
    ApplicationRunner springShellApplicationRunner(ObjectProvider<org.jline.reader.LineReader> reader,
            ObjectProvider<org.springframework.shell.jline.PromptProvider> prompt, CommandParser parser,
            CommandRegistry registry, ExitCode exit) {
        return args -> {
            String[] a = args.getSourceArgs();
            if (a.length == 0) {
                // keep what users type verbatim: no history expansion eating backslashes and '!'
                reader.getObject().setOpt(org.jline.reader.LineReader.Option.DISABLE_EVENT_EXPANSION);
                ShellRunner repl = new org.springframework.shell.jline.JLineShellRunner(
                        new CtrlCTolerantInput(reader.getObject(), prompt.getObject()), parser, registry);
                repl.run(a);
                exit.set(ExitCode.OK); // leaving the shell is a success, whatever the last command said
                return;
            }
            PrintWriter out = new PrintWriter(System.out, true);
            exit.set(runOnce(join(a), parser, registry, exit, out));
            out.flush();
        };
    }

    static int runOnce(String line, CommandParser parser, CommandRegistry registry, ExitCode exit, PrintWriter out) {
        exit.reset();
        ParsedInput input;
        try {
            input = parser.parse(line);
        } catch (RuntimeException e) {
            out.println("Cannot read the command line: " + e.getMessage() + ". 'tshoot help' lists the commands.");
            return ExitCode.BAD_INPUT;
        }
        try {
            ExitStatus status = new CommandExecutor(registry).execute(new CommandContext(input, registry, out, new InputReader() { }));
            if (status.code() != ExitStatus.OK.code()) {
                return Math.max(exit.get(), ExitCode.BAD_INPUT);
            }
            return exit.get();
        } catch (CommandNotFoundException e) {
            String name = e.getCommandName();
            out.println("Unknown command '" + name + "'." + Suggest.didYouMean(name, commandWords(registry, name))
                    + " 'tshoot help' lists the commands.");
            return ExitCode.BAD_INPUT;
        } catch (CommandExecutionException e) {
            Throwable c = e;
            while (c.getCause() != null) {
                c = c.getCause();
            }
            out.println("Cannot run '" + line + "': " + c.getMessage());
            return ExitCode.BAD_INPUT;
        }
    }

    /**
     * Ctrl-C at the prompt clears the line instead of leaving the shell (and closing the session);
     * Ctrl-D or {@code exit} leaves. In Spring Shell 4.0.1 JLine's
     * {@code UserInterruptException} from the input provider ends the REPL. No upstream issue found for 4.x as of December
     * 2026; the same request for 2.x was spring-projects/spring-shell#110 (fixed there).
     */
    static final class CtrlCTolerantInput extends org.springframework.shell.jline.JLineInputProvider {
        CtrlCTolerantInput(org.jline.reader.LineReader reader, org.springframework.shell.jline.PromptProvider prompt) {
            super(reader);
            setPromptProvider(prompt);
        }

        @Override
        public String readInput() {
            while (true) {
                try {
                    return super.readInput();
                } catch (org.jline.reader.UserInterruptException e) {
                    getLineReader().getTerminal().writer().println(Console.dim("(Ctrl-C clears the line; 'exit' or Ctrl-D leaves tshoot)"));
                }
            }
        }
    }

    /** Joins program arguments into one command line, quoting those with spaces so they stay one word. */
    static String join(String[] args) {
        StringBuilder sb = new StringBuilder();
        for (String s : args) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (s.isEmpty() || s.matches(".*\\s.*")) {
                sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                sb.append(s);
            }
        }
        return sb.toString();
    }

    /**
     * The command names cut to as many words as {@code typed} has, so a mistyped first word
     * ({@code playbok}) is compared with first words ({@code playbook}), not with whole names.
     */
    private static List<String> commandWords(CommandRegistry registry, String typed) {
        int words = typed.strip().split("\\s+").length;
        return registry.getCommands().stream().map(c -> c.getName().split(" "))
                .map(w -> String.join(" ", java.util.Arrays.asList(w).subList(0, Math.min(words, w.length))))
                .distinct().toList();
    }
}
