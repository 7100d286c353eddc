package dev.tshoot.repl;

import java.util.List;

import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.ParsedInput;

import dev.tshoot.shell.ArgParser;
import dev.tshoot.shell.Catalog;

/**
 * Spring Shell's parser replaced by the catalog's: it finds the command by the longest name the
 * line starts with and hands the rest of the line, as typed, to {@link CatalogCommand}, which
 * parses it with {@link ArgParser} as the one-shot front end does. So Spring Shell's own option
 * parsing, with its 4.0.1 defects, is not used at all: bare boolean flags in sub-commands
 * (spring-projects/spring-shell#1304, #1309, #1331), free text split into options, misspelt
 * options ignored. A line naming no command goes to the hidden command that suggests one.
 */
final class CatalogParser implements CommandParser {

    private final Catalog catalog;

    CatalogParser(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public ParsedInput parse(String input) {
        String line = input.strip();
        List<String> words = List.of(line.split("\\s+"));
        var found = catalog.find(words);
        if (found.isEmpty()) {
            return ParsedInput.builder().commandName(CatalogCommand.UNKNOWN).addArgument(new CommandArgument(0, line)).build();
        }
        String name = found.get().spec().name();
        String rest = afterWords(line, words.size() - found.get().rest().size());
        return ParsedInput.builder().commandName(name).addArgument(new CommandArgument(0, rest)).build();
    }

    /** The line after its first {@code n} blank-separated words, as typed. */
    static String afterWords(String line, int n) {
        int i = 0;
        for (int w = 0; w < n; w++) {
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
        }
        return line.substring(i).strip();
    }
}
