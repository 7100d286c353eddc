package dev.tshoot.repl;

import java.util.List;

import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.jline.CommandCompleter;
import org.springframework.shell.jline.PromptProvider;
import org.springframework.shell.jline.tui.component.flow.ComponentFlow;

import dev.tshoot.shell.Catalog;
import dev.tshoot.shell.ExitCode;
import dev.tshoot.shell.Prompter;
import dev.tshoot.shell.SessionHolder;
import dev.tshoot.shell.Wiring;

/**
 * Puts the command catalog into Spring Shell: the same {@link Wiring} the one-shot front end uses,
 * given the shell's terminal, line reader and menus; every command of the catalog registered as a
 * Spring Shell command; tshoot's parser, completer and prompt.
 */
@Configuration(proxyBeanMethods = false)
public class ReplConfiguration {

    @Bean(destroyMethod = "close")
    Wiring wiring(ObjectProvider<Terminal> terminal, ObjectProvider<LineReader> reader, ObjectProvider<Prompter> prompter) {
        return Wiring.standard(new Wiring.Terminals(terminal::getObject, reader::getObject, prompter::getObject));
    }

    @Bean
    Catalog catalog(Wiring wiring) {
        return wiring.catalog(true);
    }

    @Bean
    ExitCode exitCode(Wiring wiring) {
        return wiring.exit();
    }

    @Bean
    SessionHolder sessionHolder(Wiring wiring) {
        return wiring.holder();
    }

    @Bean
    Prompter prompter(ObjectProvider<Terminal> terminal, ObjectProvider<ComponentFlow.Builder> flows,
            ObjectProvider<LineReader> reader) {
        return new TerminalPrompter(terminal, flows, reader);
    }

    /**
     * The catalog's commands, in place of Spring Shell's registry of annotated methods and command
     * beans (Spring Shell's own commands are not registered; {@code clear} is a catalog command).
     * {@code CommandRegistryCustomizer} would be the documented hook, but nothing in Spring Shell
     * 4.0.1 calls it.
     */
    @Bean
    CommandRegistry commandRegistry(Catalog catalog, ObjectProvider<Terminal> terminal) {
        java.util.Set<org.springframework.shell.core.command.Command> commands = new java.util.LinkedHashSet<>();
        catalog.commands().forEach(c -> commands.add(new CatalogCommand(c, catalog, terminal::getObject)));
        commands.add(CatalogCommand.unknown(catalog));
        return new CommandRegistry(commands);
    }

    @Bean
    CommandParser commandParser(Catalog catalog) {
        return new CatalogParser(catalog);
    }

    @Bean
    CommandCompleter commandCompleter(CommandRegistry registry, Catalog catalog, Wiring wiring) {
        return new ArgumentCompleter(registry, catalog, wiring);
    }

    @Bean
    PromptProvider tshootPromptProvider(SessionHolder holder) {
        return () -> {
            if (holder.active()) {
                String full = "tshoot[" + holder.session().playbook().id() + ":" + holder.session().current().id() + "]> ";
                // on a narrow terminal the prompt leaves room to type: the node only, then only as much as fits
                int room = dev.tshoot.shell.Console.width() - 24;
                String node = holder.session().current().id();
                String shown = full.length() <= room ? full : "tshoot[" + (node.length() + 10 <= room ? node
                        : node.substring(0, Math.max(1, room - 11)) + "\u2026") + "]> ";
                return new AttributedString(shown, AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN));
            }
            return new AttributedString("tshoot> ", AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN));
        };
    }

}
