package dev.tshoot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The one-way rule of docs/architecture.md, checked on the compiled main classes:
 * {@code text}, then {@code playbook → engine → probe, transcript → app → shell → repl}. A forbidden
 * dependency anywhere fails this test with the class and the dependency that broke the rule. The
 * bytecode rules see every real dependency; {@link #noSourceFileImportsAcrossTheRule()} also reads the
 * {@code import} lines of the sources, so even an unused forbidden import (which leaves no trace in
 * bytecode) fails.
 */
class LayeringTest {

    static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tshoot");
    }

    @Test
    void textDependsOnNoOtherTshootPackage() {
        noClasses().that().resideInAPackage("dev.tshoot.text..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tshoot.playbook..", "dev.tshoot.engine..",
                        "dev.tshoot.probe..", "dev.tshoot.transcript..", "dev.tshoot.app..", "dev.tshoot.shell..", "dev.tshoot.repl..")
                .check(main);
    }

    @Test
    void playbookDependsOnlyOnText() {
        noClasses().that().resideInAPackage("dev.tshoot.playbook..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tshoot.engine..", "dev.tshoot.probe..",
                        "dev.tshoot.transcript..", "dev.tshoot.app..", "dev.tshoot.shell..", "dev.tshoot.repl..")
                .check(main);
    }

    @Test
    void engineKnowsNoFrameworkTerminalHostOrExpressionLanguage() {
        noClasses().that().resideInAPackage("dev.tshoot.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tshoot.probe..", "dev.tshoot.transcript..",
                        "dev.tshoot.app..", "dev.tshoot.shell..", "dev.tshoot.repl..", "org.springframework..", "org.jline..", "oshi..",
                        "com.fasterxml.jackson..")
                .check(main);
    }

    @Test
    void probeAndTranscriptDoNotDependOnEachOtherOrUp() {
        noClasses().that().resideInAPackage("dev.tshoot.probe..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tshoot.transcript..", "dev.tshoot.app..",
                        "dev.tshoot.shell..", "dev.tshoot.repl..", "org.springframework..", "org.jline..")
                .check(main);
        noClasses().that().resideInAPackage("dev.tshoot.transcript..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tshoot.probe..", "dev.tshoot.app..",
                        "dev.tshoot.shell..", "dev.tshoot.repl..", "org.springframework..")
                .check(main);
    }

    @Test
    void useCasesKnowNoShellNoSpringNoTerminal() {
        noClasses().that().resideInAPackage("dev.tshoot.app..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tshoot.shell..", "dev.tshoot.repl..",
                        "org.springframework..", "org.jline.reader..", "org.jline.terminal..")
                .check(main);
    }

    /** The commands and the one-shot front end start no framework: only the REPL package knows Spring. */
    @Test
    void theCommandsKnowNoSpring() {
        noClasses().that().resideInAPackage("dev.tshoot.shell..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tshoot.repl..", "org.springframework..",
                        "jakarta..")
                .check(main);
        noClasses().that().haveFullyQualifiedName(dev.tshoot.Main.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(main);
    }

    /** The hand-off (send) knows transcripts, not the use cases, the shell or Spring; only it knows the AWS SDK. */
    @Test
    void handoffKnowsNoUseCaseNoShellNoSpring() {
        noClasses().that().resideInAPackage("dev.tshoot.handoff..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tshoot.app..", "dev.tshoot.shell..", "dev.tshoot.repl..",
                        "dev.tshoot.probe..", "org.springframework..", "org.jline..")
                .check(main);
        noClasses().that().resideOutsideOfPackage("dev.tshoot.handoff..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .check(main);
    }

    @Test
    void onlyTheProcessPackageStartsProcesses() {
        noClasses().that().resideOutsideOfPackage("dev.tshoot.probe.process..")
                .should().dependOnClassesThat().haveFullyQualifiedName(ProcessBuilder.class.getName())
                .orShould().callMethod(Runtime.class, "exec", String.class)
                .orShould().callMethod(Runtime.class, "exec", String[].class)
                .check(main);
    }

    @Test
    void onlyTheOshiPackageImportsOshi() {
        noClasses().that().resideOutsideOfPackage("dev.tshoot.probe.oshi..")
                .should().dependOnClassesThat().resideInAPackage("oshi..")
                .check(main);
    }

    @Test
    void onlyTheConditionClassesImportTheExpressionLanguage() {
        // Conditions parses and evaluates; FastCondition evaluates the common shapes over the tree Conditions parsed
        noClasses().that().doNotBelongToAnyOf(dev.tshoot.playbook.Conditions.class)
                .and().haveNameNotMatching("dev\\.tshoot\\.playbook\\.FastCondition(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.expression..")
                .check(main);
    }

    /** Packages (as source folders) and the import prefixes they must not use. */
    static final Map<String, List<String>> FORBIDDEN_IMPORTS = new LinkedHashMap<>();
    static {
        List<String> up = List.of("dev.tshoot.app.", "dev.tshoot.shell.", "dev.tshoot.repl.");
        FORBIDDEN_IMPORTS.put("text", List.of("dev.tshoot.playbook.", "dev.tshoot.engine.", "dev.tshoot.probe.",
                "dev.tshoot.transcript.", "dev.tshoot.app.", "dev.tshoot.shell.", "dev.tshoot.repl.", "org.springframework."));
        FORBIDDEN_IMPORTS.put("playbook", concat(up, "dev.tshoot.engine.", "dev.tshoot.probe.", "dev.tshoot.transcript."));
        FORBIDDEN_IMPORTS.put("engine", concat(up, "dev.tshoot.probe.", "dev.tshoot.transcript.", "org.springframework.",
                "org.jline.", "oshi.", "com.fasterxml.jackson."));
        FORBIDDEN_IMPORTS.put("probe", concat(up, "dev.tshoot.transcript.", "org.springframework.", "org.jline."));
        FORBIDDEN_IMPORTS.put("transcript", concat(up, "dev.tshoot.probe.", "org.springframework."));
        FORBIDDEN_IMPORTS.put("shell", List.of("dev.tshoot.repl.", "org.springframework.", "jakarta.", "software.amazon.awssdk."));
        FORBIDDEN_IMPORTS.put("handoff", concat(up, "dev.tshoot.probe.", "org.springframework.", "org.jline."));
        FORBIDDEN_IMPORTS.put("app", List.of("dev.tshoot.shell.", "dev.tshoot.repl.", "org.springframework.",
                "org.jline.reader.", "org.jline.terminal.", "software.amazon.awssdk."));
    }

    @Test
    void noSourceFileImportsAcrossTheRule() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Map.Entry<String, List<String>> layer : FORBIDDEN_IMPORTS.entrySet()) {
            Path dir = Path.of("src/main/java/dev/tshoot", layer.getKey());
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i).strip();
                        if (!line.startsWith("import ")) {
                            continue;
                        }
                        String imported = line.substring("import ".length()).replace("static ", "").replace(";", "").strip();
                        for (String prefix : layer.getValue()) {
                            if (imported.startsWith(prefix)) {
                                broken.add(f + ":" + (i + 1) + ": " + layer.getKey() + " must not import " + imported);
                            }
                        }
                    }
                }
            }
        }
        assertThat(broken).as("imports against the one-way rule (docs/architecture.md)").isEmpty();
    }

    private static List<String> concat(List<String> a, String... b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(List.of(b));
        return all;
    }
}
