package dev.tshoot.shell;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.shell.jline.PromptProvider;

import dev.tshoot.engine.SessionEngine;
import dev.tshoot.playbook.OsFamily;
import dev.tshoot.playbook.PlaybookCatalog;
import dev.tshoot.probe.HostDiagnostics;
import dev.tshoot.probe.ProbeRegistry;
import dev.tshoot.probe.oshi.OshiHostReader;
import dev.tshoot.probe.process.ProcessRunner;
import dev.tshoot.probe.process.SystemProcessRunner;
import dev.tshoot.transcript.Recorder;

/** Wires the core (catalog, engine, recorder) into the shell, plus prompt and completion. */
@Configuration(proxyBeanMethods = false)
public class ShellConfiguration {

    @Bean
    PlaybookCatalog playbookCatalog(TshootPaths paths) {
        // the probe names are constants: listing them does not touch oshi
        return new PlaybookCatalog(paths.playbooks(), java.util.Set.copyOf(ProbeRegistry.builtin().names()));
    }

    /** The real host: probes over oshi (made on the first probe, never at start-up), commands through the process runner. */
    @Bean
    HostDiagnostics hostDiagnostics() {
        ProcessRunner processes = new SystemProcessRunner();
        return new HostDiagnostics(ProbeRegistry.builtin(), processes, () -> new OshiHostReader(processes), OsFamily.current());
    }

    @Bean
    org.springframework.shell.core.command.CommandParser commandParser(
            org.springframework.shell.core.command.CommandRegistry registry) {
        return new FlagAwareCommandParser(registry);
    }

    @Bean
    org.springframework.shell.jline.CommandCompleter commandCompleter(
            org.springframework.shell.core.command.CommandRegistry registry) {
        return new ArgumentCompleter(registry);
    }

    @Bean
    SessionEngine sessionEngine() {
        SecureRandom random = new SecureRandom();
        return new SessionEngine(Clock.systemUTC(), () -> {
            byte[] b = new byte[4];
            random.nextBytes(b);
            return HexFormat.of().formatHex(b);
        });
    }

    @Bean
    Recorder recorder(SessionEngine engine, TshootPaths paths, @Value("${tshoot.version:dev}") String version,
            @Value("${tshoot.transcript.fsync:true}") boolean fsync) {
        return new Recorder(engine, paths.transcripts(), version, fsync,
                dev.tshoot.transcript.redact.RedactionRules.load(paths.redaction(), paths.redactionNamed()));
    }

    /** tshoot's read-only list with the user's consent file, read once at start-up. */
    @Bean
    dev.tshoot.app.ConsentFile.Loaded consentList(TshootPaths paths) {
        return dev.tshoot.app.ConsentFile.load(paths.consent(), paths.consentNamed());
    }

    @Bean
    PromptProvider tshootPromptProvider(SessionHolder holder) {
        return () -> {
            if (holder.active()) {
                return new AttributedString("tshoot[" + holder.session().playbook().id() + ":" + holder.session().current().id()
                        + "]> ", AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN));
            }
            return new AttributedString("tshoot> ", AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN));
        };
    }

    @Bean
    CompletionProvider playbookIdCompletion(PlaybookCatalog catalog) {
        return ctx -> proposals(catalog.ids(), ctx.currentWordUpToCursor());
    }

    @Bean
    CompletionProvider probeNameCompletion(HostDiagnostics diagnostics) {
        return ctx -> proposals(diagnostics.registry().names(), ctx.currentWordUpToCursor());
    }

    @Bean
    CompletionProvider nodeIdCompletion(SessionHolder holder) {
        return ctx -> holder.active()
                ? proposals(List.copyOf(holder.session().playbook().nodes().keySet()), ctx.currentWordUpToCursor())
                : List.of();
    }

    @Bean
    CompletionProvider transcriptCompletion(TranscriptCommands transcripts) {
        return ctx -> proposals(transcripts.files().stream().map(Object::toString).toList(), ctx.currentWordUpToCursor());
    }

    private static List<CompletionProposal> proposals(List<String> values, String prefix) {
        String p = prefix == null ? "" : prefix;
        return values.stream().filter(v -> v.startsWith(p)).map(CompletionProposal::new).toList();
    }
}
