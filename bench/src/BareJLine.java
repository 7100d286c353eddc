import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The bare JLine 3 baseline, no Spring: a system terminal and a LineReader, as tshoot builds them.
 * With an argument it runs that one command and exits (the one-shot baseline); without, it shows
 * the prompt "bare> " and reads commands until "exit" (the time-to-prompt baseline).
 */
public class BareJLine {
    public static void main(String[] args) throws Exception {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
            if (args.length > 0) {
                run(terminal, String.join(" ", args));
                return;
            }
            while (true) {
                String line;
                try {
                    line = reader.readLine("bare> ");
                } catch (org.jline.reader.EndOfFileException | org.jline.reader.UserInterruptException e) {
                    return;
                }
                if (line.strip().equals("exit")) {
                    return;
                }
                run(terminal, line);
            }
        }
    }

    private static void run(Terminal terminal, String command) {
        terminal.writer().println("ran: " + command);
        terminal.writer().flush();
    }
}
