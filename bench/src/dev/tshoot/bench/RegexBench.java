package dev.tshoot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.tshoot.playbook.Condition;
import dev.tshoot.playbook.Conditions;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookCatalog;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.playbook.SymptomMatcher;
import dev.tshoot.probe.ProbeRegistry;

/**
 * The linear-time regular expressions, each against a baseline in the same JVM:
 * <ul>
 *   <li>{@code match} over the shipped playbooks plus one whose symptom is {@code (a+)+$} (exponential on
 *       java.util.regex), against the same folder with a benign pattern in its place;</li>
 *   <li>{@code run} of a playbook whose text question's pattern is {@code (x+x+)+y}, answered with 20,000
 *       {@code x} and a {@code !} (refused), against the same with the pattern {@code xxxy};</li>
 *   <li>the condition idiom {@code (?s).*X.*} on a 1 MiB and a 16 MiB (the output cap) output, and a pattern
 *       that is not the idiom (RE2/J's general matcher), against {@code String.indexOf} of the marker in
 *       the same text.</li>
 * </ul>
 */
final class RegexBench {

    static final String HOSTILE = "src/test/resources/attacks/regex/002_symptom_catastrophic/hostile-symptom.yaml";
    static final String MARKER = "Virtualization:   VT-x";

    private RegexBench() {}

    static void run(Path work, int rounds) throws Exception {
        String text = "Incompatible CPU detected. " + "a".repeat(20_000) + "!";
        List<Playbook> hostile = folder(work.resolve("hostile"), "(a+)+$");
        List<Playbook> benign = folder(work.resolve("benign"), "aaab");
        for (String[] c : new String[][] {{"match-hostile", "h"}, {"match-benign", "b"}}) {
            List<Playbook> pbs = c[1].equals("h") ? hostile : benign;
            List<Double> samples = time(rounds, () -> {
                if (SymptomMatcher.match(text, pbs).isEmpty()) {
                    throw new IllegalStateException("match found nothing");
                }
            });
            InProcess.emit(c[0], "ms", samples, Map.of("playbooks", pbs.size(), "textChars", text.length()));
        }
        // run: a text question whose pattern backtracks exponentially on java.util.regex, given a long answer it rejects
        String answer = "x".repeat(20_000) + "!";
        for (String[] c : new String[][] {{"run-hostile", "(x+x+)+y"}, {"run-benign", "xxxy"}}) {
            Playbook pb = question(c[1]);
            List<Double> samples = time(rounds, () -> {
                dev.tshoot.engine.Session s = InProcess.engine().start("s", pb, e -> { });
                dev.tshoot.engine.ScriptedWalk.Result r = dev.tshoot.engine.ScriptedWalk.walk(s,
                        Map.of("ask-serial", List.of(answer)));
                if (r.problem() == null || !r.problem().contains("must match")) {
                    throw new IllegalStateException("the answer was not refused: " + r);
                }
            });
            InProcess.emit(c[0], "ms", samples, Map.of("answerChars", answer.length()));
        }
        Condition idiom = Conditions.compile("out.stdout matches '(?s).*Virtualization:\\s+VT-x.*'");
        Condition general = Conditions.compile("out.stdout matches '(?s)(.*\\s)?Virtualization:\\s+VT-x(\\s.*)?'");
        for (int mib : new int[] {1, 16}) {
            String out = output(mib << 20);
            Map<String, Object> root = Map.of("out", Map.of("stdout", out));
            int r = mib == 1 ? rounds : Math.max(3, rounds / 4);
            InProcess.emit("cond-" + mib, "ms", time(r, () -> {
                Condition.Evaluation e = idiom.evaluate(root);
                if (!e.value()) {
                    throw new IllegalStateException("the idiom gave false: " + e.error());
                }
            }), Map.of("bytes", out.length()));
            InProcess.emit("general-" + mib, "ms", time(r, () -> {
                if (!general.evaluate(root).value()) {
                    throw new IllegalStateException("the general pattern gave false");
                }
            }), Map.of("bytes", out.length()));
            InProcess.emit("indexof-" + mib, "ms", time(r, () -> {
                if (out.indexOf(MARKER) < 0) {
                    throw new IllegalStateException("no marker");
                }
            }), Map.of("bytes", out.length()));
        }
    }

    /** The shipped playbooks and the hostile one, its symptom pattern replaced by {@code pattern}; loaded and linted. */
    static List<Playbook> folder(Path dir, String pattern) throws Exception {
        Files.createDirectories(dir);
        try (Stream<Path> shipped = Files.list(Path.of("playbooks"))) {
            for (Path p : shipped.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Files.copy(p, dir.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(dir.resolve("hostile-symptom.yaml"),
                Files.readString(Path.of(HOSTILE)).replace("\"(a+)+$\"", "\"" + pattern + "\""));
        List<Playbook> out = new ArrayList<>();
        for (PlaybookLoader.Result r : new PlaybookCatalog(dir, java.util.Set.copyOf(ProbeRegistry.builtin().names())).loadAll()) {
            if (!r.valid()) {
                throw new IllegalStateException(r.findings().toString());
            }
            out.add(r.playbook());
        }
        return out;
    }

    /** One text question with {@code pattern}, then an outcome; loaded and linted. */
    static Playbook question(String pattern) {
        String yaml = """
                apiVersion: tshoot/v1
                kind: Playbook
                metadata:
                  id: hostile-question
                  version: 1.0.0
                  title: A serial number
                  description: One text question whose pattern is the attack.
                  platforms: [linux]
                  sources: [https://github.com/google/re2j]
                start: ask-serial
                nodes:
                  ask-serial:
                    type: question
                    prompt: Which serial number?
                    answer: text
                    pattern: "%s"
                    next:
                      - goto: done
                  done:
                    type: outcome
                    result: resolved
                    title: Done
                    message: Done.
                """.formatted(pattern);
        PlaybookLoader.Result r = new PlaybookLoader().load("hostile-question.yaml", yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "hostile-question");
        if (!r.valid()) {
            throw new IllegalStateException(r.findings().toString());
        }
        return r.playbook();
    }

    static String output(int bytes) {
        StringBuilder sb = new StringBuilder(bytes + 64);
        String line = "Flags:                   fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov\n";
        while (sb.length() < bytes / 2) {
            sb.append(line);
        }
        sb.append(MARKER).append('\n');
        while (sb.length() < bytes) {
            sb.append(line);
        }
        sb.setLength(bytes);
        return sb.toString();
    }

    /** Milliseconds per call: 3 warm-up calls, then {@code rounds} timed ones. */
    static List<Double> time(int rounds, Runnable r) {
        for (int i = 0; i < 3; i++) {
            r.run();
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            r.run();
            out.add(InProcess.ms(System.nanoTime() - t0));
        }
        return out;
    }
}
