package dev.tshoot.shell;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Help text, drawn from the command descriptions, identical in the REPL and in one-shot use:
 * {@code help} lists the commands by group, {@code help <command>} and {@code <command> --help}
 * show one command's synopsis, arguments and options.
 */
public final class Help {

    private Help() { }

    /** The one-line usage: {@code run <playbook> [--answers <file>] [--yes]}. */
    public static String synopsis(CommandSpec c) {
        StringBuilder sb = new StringBuilder(c.name());
        for (CommandSpec.Param p : c.params()) {
            sb.append(' ').append(switch (p.arity()) {
                case ONE -> "<" + p.name() + ">";
                case MANY -> "[<" + p.name() + ">...]";
                case TEXT -> "<" + p.name() + "...>";
            });
        }
        for (CommandSpec.Opt o : c.options()) {
            sb.append(" [--").append(o.longName()).append(o.flag() ? "" : " <" + o.valueName() + ">").append(']');
        }
        return sb.toString();
    }

    public static void command(PrintWriter out, CommandSpec c) {
        out.println("Usage: " + synopsis(c));
        out.println();
        out.println(c.description());
        List<String[]> rows = new ArrayList<>();
        for (CommandSpec.Param p : c.params()) {
            rows.add(new String[] {"<" + p.name() + ">", p.description()});
        }
        if (!rows.isEmpty()) {
            out.println();
            out.println("Arguments:");
            table(out, rows);
        }
        rows.clear();
        for (CommandSpec.Opt o : c.options()) {
            String name = (o.shortName() != 0 ? "-" + o.shortName() + ", " : "    ") + "--" + o.longName()
                    + (o.flag() ? "" : " <" + o.valueName() + ">");
            rows.add(new String[] {name, o.description()});
        }
        rows.add(new String[] {"-h, --help", "show this help"});
        out.println();
        out.println("Options:");
        table(out, rows);
        out.flush();
    }

    /** Every command by group, and the shell's own words. */
    public static void all(PrintWriter out, String version, List<CommandSpec> commands, boolean repl) {
        out.println("tshoot " + version + ": an interactive troubleshooting shell.");
        out.println(repl ? "Type a command; Tab completes, Ctrl-C clears the line, 'exit' or Ctrl-D leaves."
                : "Usage: tshoot                 open the interactive shell\n"
                + "       tshoot <command ...>   run one command and exit with its status");
        Map<String, List<String[]>> groups = new LinkedHashMap<>();
        for (CommandSpec c : commands) {
            groups.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(new String[] {c.name(), c.description()});
        }
        groups.computeIfAbsent("Shell", g -> new ArrayList<>()).addAll(List.of(
                new String[] {"clear", "clear the screen (interactive shell only)"},
                new String[] {"exit, quit", "leave tshoot (interactive shell only)"}));
        groups.forEach((g, rows) -> {
            out.println();
            out.println(g + ":");
            table(out, rows);
        });
        out.println();
        out.println("'help <command>' or '<command> --help' shows a command's arguments and options.");
        out.flush();
    }

    private static void table(PrintWriter out, List<String[]> rows) {
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        for (String[] r : rows) {
            out.println("  " + r[0] + " ".repeat(width - r[0].length() + 2) + r[1]);
        }
    }
}
