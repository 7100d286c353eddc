package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tshoot.repl.TerminalPrompter;
import dev.tshoot.engine.Diagnostics;
import dev.tshoot.engine.Session;
import dev.tshoot.engine.SessionEvent;
import dev.tshoot.playbook.Node;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.probe.Evidence;
import dev.tshoot.probe.ProbeJson;
import dev.tshoot.probe.ProbeResult;
import dev.tshoot.testing.Fixtures;
import dev.tshoot.transcript.TranscriptHeader;
import dev.tshoot.transcript.TranscriptJson;
import dev.tshoot.transcript.TranscriptV1;
import dev.tshoot.transcript.export.ExportFormat;
import dev.tshoot.transcript.export.ExportSource;
import dev.tshoot.transcript.export.Exporter;
import dev.tshoot.transcript.export.RedactionPreview;

/**
 * One hostile corpus (every C0 control, DEL, every C1 control, CSI cursor moves, an OSC 52 clipboard
 * write, an OSC 0 title change, bidi overrides and isolates, zero-width characters, CR, a lone
 * surrogate) in every text field, through every renderer: the terminal session view, the consent
 * prompt, the menus, the replay view, and the md, html, json and cast exports and the redaction
 * preview. No raw control character may survive; in the terminal and cast outputs the only escape
 * sequences left are the SGR styles the text layer wrote.
 */
class HostileTextTest {

    static final String CORPUS = controls() + " CSI\u001b[2K\u001b[1A OSC52\u001b]52;c;SGVsbG8=\u0007 TITLE\u001b]0;pwned\u0007"
            + " ST\u001b]8;;http://x\u001b\\ BIDI\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
            + " ZW\u200b\u200c\u200d\u2060\ufeff CR\rover CRLF\r\nLF\nTAB\tLONE\ud800 END";

    /** Every character of the corpus that must never appear raw (line feed and tab may). */
    static final String FORBIDDEN = forbidden();

    static final Instant T0 = Instant.parse("2026-05-06T07:08:09Z");

    @TempDir
    static Path dir;

    static ExportSource source;

    private static String controls() {
        StringBuilder sb = new StringBuilder("C0");
        for (char c = 0; c < 0x20; c++) {
            sb.append(c);
        }
        sb.append("DEL\u007fC1");
        for (char c = 0x80; c <= 0x9f; c++) {
            sb.append(c);
        }
        return sb.toString();
    }

    private static String forbidden() {
        StringBuilder sb = new StringBuilder();
        CORPUS.chars().filter(c -> c != '\n' && c != '\t').filter(c -> switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE -> true;
            default -> false;
        }).distinct().forEach(c -> sb.append((char) c));
        return sb.toString();
    }

    @Test
    void theCorpusHoldsEveryClass() {
        assertThat(FORBIDDEN).hasSize(32 - 2 + 1 + 32 + 9 + 3 + 5 + 1).contains("\u001b", "\u007f", "\u009b", "\u202e", "\u2066",
                "\u200b", "\ufeff", "\r", "\ud800");
    }

    // ---- the terminal views ----

    @Test
    void sessionViewQuestionActionOutcomeAndResults() {
        StringWriter w = new StringWriter();
        PrintWriter out = new PrintWriter(w);
        SessionView.question(out, new Node.Question(CORPUS, CORPUS, CORPUS, Node.AnswerKind.CHOICE,
                List.of(new Node.Choice(CORPUS, CORPUS, "x")), null, null, CORPUS, List.of(), false));
        SessionView.action(out, new Node.Action(CORPUS, CORPUS, CORPUS, List.of(new Node.Snippet(CORPUS, CORPUS, CORPUS, CORPUS)),
                List.of(CORPUS), null));
        SessionView.outcome(out, new Node.Outcome(CORPUS, Node.Result.RESOLVED, CORPUS, CORPUS, List.of(CORPUS),
                new Node.Handover(CORPUS, CORPUS)));
        SessionView.results(out, events());
        assertTerminalSafe("session view", w.toString(), 6);
    }

    @Test
    void theConsentPromptShowsTheCommandSafely() {
        StringWriter w = new StringWriter();
        SessionView.consent(new PrintWriter(w), new Node.Check("c", CORPUS, null, null, null, List.of()),
                new Diagnostics.CommandRequest(CORPUS, List.of("rm", CORPUS), true, Duration.ofSeconds(5), 4096, true));
        String out = w.toString();
        assertTerminalSafe("consent prompt", out, 2);
        assertThat(out).contains("    rm 'C0\\u0000\\u0001");
    }

    @Test
    void thePathShowsNodesAndHeadlinesSafely() throws Exception {
        String yaml = """
                apiVersion: tshoot/v1
                kind: Playbook
                metadata:
                  id: hostile
                  version: 1.0.0
                  title: "T\\e]0;pwned\\a"
                  description: "D\\e[2J"
                  sources: ["https://example.org/\\e]52;c;eA==\\a"]
                start: ask
                nodes:
                  ask:
                    type: question
                    prompt: "P\\e[2K\\e[1A\\x9b\\u202e\\u200b\\r\\e]52;c;SGVsbG8=\\a"
                    answer: choice
                    choices:
                      - value: a
                        label: "L\\e]0;t\\a\\u2066"
                        goto: done
                      - value: b
                        label: "B\\u202e"
                        goto: done
                  done:
                    type: outcome
                    result: resolved
                    title: "O\\e[2J\\x85"
                    message: "M\\e[1A"
                """;
        PlaybookLoader.Result r = new PlaybookLoader().load("hostile.yaml", yaml.getBytes(StandardCharsets.UTF_8), null);
        assertThat(r.valid()).as("%s", r.findings()).isTrue();
        Playbook pb = r.playbook();
        Session s = Fixtures.engine().start("s1", pb, e -> { });
        StringWriter w = new StringWriter();
        SessionView.path(new PrintWriter(w), s);
        s.answer("a");
        SessionView.path(new PrintWriter(w), s);
        SessionView.outcome(new PrintWriter(w), (Node.Outcome) s.current());
        String out = w.toString();
        assertTerminalSafe("path", out, 1);
        StringWriter shown = new StringWriter();
        PlaybookViews.show(new PrintWriter(shown), pb);
        assertNoRawControl("playbook show", shown.toString().replaceAll("\u001b\\[[0-9;]*m", ""));
        assertThat(shown.toString()).contains("\\u001b]0;pwned\\u0007").contains("\\u001b]52;c;eA==\\u0007");
        assertThat(out).contains(" 1. ask                                P\\u001b[2K\\u001b[1A\\u009b\\u202e\\u200b\\u000d\\u001b]52;c;SGVs… = L\\u001b]0;t\\u0007\\u2066\n")
                .contains("RESOLVED  O\\u001b[2J\\u0085\n  M\\u001b[1A\n");
    }

    @Test
    void theReplayViewShowsEveryEventSafely() {
        StringBuilder sb = new StringBuilder();
        for (SessionEvent e : events()) {
            sb.append(ReplayView.render(e)).append('\n');
        }
        assertTerminalSafe("replay view", sb.toString(), 10);
    }

    @Test
    void menusOnADumbTerminalShowLabelsSafely() throws IOException {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal t = new DumbTerminal("test", "dumb", new ByteArrayInputStream("9\n1\nx\n".getBytes(StandardCharsets.UTF_8)),
                screen, StandardCharsets.UTF_8)) {
            LineReader reader = LineReaderBuilder.builder().terminal(t).build();
            TerminalPrompter p = new TerminalPrompter(provider(() -> t), provider(() -> {
                throw new AssertionError("a dumb terminal gets no selector");
            }), provider(() -> reader));
            String key = p.select("Your answer", List.of(new Prompter.Item("k1", CORPUS), new Prompter.Item("k2", "plain")));
            assertThat(key).isEqualTo("k1");
            p.input(Console.dim("Type your answer (it must match " + CORPUS + ")"), false);
        }
        String out = screen.toString(StandardCharsets.UTF_8);
        assertTerminalSafe("menu", out, 2);
        assertThat(out).contains("  1) C0\\u0000\\u0001").contains("'9' is not on the list");
    }

    @Test
    void probeJsonOnTheTerminalHoldsNoRawControl() throws IOException {
        ProbeResult r = new ProbeResult(CORPUS, Map.of(CORPUS, CORPUS), List.of(new Evidence(CORPUS, CORPUS, CORPUS,
                Evidence.Weight.values()[0])), Map.of(CORPUS, CORPUS), 3);
        for (String json : List.of(ProbeJson.pretty().toJson(r), ProbeJson.compact().toJson(List.of(r)),
                ProbeJson.error(CORPUS, CORPUS))) {
            assertNoRawControl("probe json", json);
            assertThat(TranscriptJson.MAPPER.readTree(json).toString()).as("still the same JSON").contains("\\u001B]52;c;");
        }
    }

    // ---- the exports ----

    /**
     * The hostile transcript is written in format version 1: version 1 is read leniently and its
     * vocabularies (node type, via, kind, status, consent, result, reason) are free strings, so it is
     * the only way a file can carry hostile text in every member. Version 2 refuses such values on read.
     */
    @BeforeAll
    static void transcript() throws Exception {
        TranscriptHeader h = new TranscriptHeader(TranscriptHeader.FORMAT, TranscriptV1.VERSION, CORPUS, CORPUS, T0,
                new TranscriptHeader.PlaybookRef("hostile", CORPUS, CORPUS, "0".repeat(64), CORPUS), // id and sha256 are checked on read
                new TranscriptHeader.Host(CORPUS, CORPUS, CORPUS, CORPUS, CORPUS));
        List<ObjectNode> lines = new ArrayList<>();
        lines.add(TranscriptV1.encode(h));
        for (SessionEvent e : events()) {
            ObjectNode o = TranscriptV1.encode(e);
            if (e instanceof SessionEvent.NoteAdded) {
                o.putObject("redactions").put(CORPUS, 2);
            }
            lines.add(o);
        }
        StringBuilder sb = new StringBuilder();
        String prev = "";
        for (ObjectNode o : lines) {
            TranscriptJson.Sealed sealed = TranscriptJson.seal(o, prev);
            prev = sealed.hash();
            sb.append(sealed.line()).append('\n');
        }
        Path file = dir.resolve("hostile.jsonl");
        Files.write(file, sb.toString().getBytes(StandardCharsets.UTF_8)); // a lone surrogate cannot be written: it becomes "?"
        source = ExportSource.load(file, dev.tshoot.transcript.export.ExportFixtures.PLAYBOOKS);
        assertThat(source.transcript().events()).hasSize(events().size());
    }

    @Test
    void markdown() {
        String md = export(ExportFormat.MD);
        assertNoRawControl("md", md);
        assertThat(md).contains("u001b]52;c;SGVsbG8=").contains("u202e").contains("u200b");
    }

    @Test
    void html() {
        String html = export(ExportFormat.HTML);
        assertNoRawControl("html", html);
        assertThat(html).contains("u001b]52;c;SGVsbG8=").contains("\\u0085").contains("\\u2066");
    }

    @Test
    void jsonKeepsTheRecordedTextButNoRawControl() throws IOException {
        String json = export(ExportFormat.JSON);
        assertNoRawControl("json", json);
        assertThat(json).contains("\\u001B]52;c;SGVsbG8=").contains("\\u0085").contains("\\u202e").contains("\\u200b");
        JsonNode root = TranscriptJson.MAPPER.readTree(json);
        String recorded = source.rawEvents().stream().filter(e -> e.path("type").asText().equals("note")).findFirst()
                .orElseThrow().path("text").asText();
        JsonNode note = null;
        for (JsonNode e : root.path("events")) {
            if (e.path("type").asText().equals("note")) {
                note = e;
            }
        }
        assertThat(note).isNotNull();
        assertThat(note.path("text").asText()).as("the export means exactly what was recorded").isEqualTo(recorded)
                .contains("\u001b]52;c;", "\u202e", "\u0085");
    }

    @Test
    void castHoldsOnlyTheLayersStyles() throws IOException {
        String cast = export(ExportFormat.CAST);
        assertNoRawControl("cast file", cast);
        StringBuilder shown = new StringBuilder();
        for (String line : cast.split("\n")) {
            JsonNode n = TranscriptJson.MAPPER.readTree(line);
            if (n.isArray()) {
                shown.append(n.get(2).asText()).append('\n');
            } else {
                shown.append(n.path("title").asText()).append('\n');
            }
        }
        String played = shown.toString().replace("\r\n", "\n");
        assertTerminalSafe("cast as played", played, 10);
        assertThat(played).contains("\u001b[1m").contains("\u001b[32m");
    }

    @Test
    void redactionPreview() {
        String out = RedactionPreview.render(source);
        assertTerminalSafe("redaction preview", out, 1);
        assertThat(out).contains("Total: 2 redactions in 1 event");
    }

    // ---- helpers ----

    private static String export(ExportFormat f) {
        return new String(new Exporter().export(source, f), StandardCharsets.UTF_8);
    }

    /** Every event kind with the corpus in every text field. */
    static List<SessionEvent> events() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put(CORPUS, CORPUS);
        List<SessionEvent> e = new ArrayList<>();
        long seq = 1;
        e.add(new SessionEvent.NodeEntered(seq++, T0.plusSeconds(seq), CORPUS, CORPUS, CORPUS));
        e.add(new SessionEvent.PromptShown(seq++, T0.plusSeconds(seq), CORPUS, "choice", CORPUS, CORPUS,
                List.of(new SessionEvent.Option(CORPUS, CORPUS)), CORPUS, List.of(new Node.Snippet(CORPUS, CORPUS, CORPUS, CORPUS)),
                List.of(CORPUS)));
        e.add(new SessionEvent.PromptShown(seq++, T0.plusSeconds(seq), CORPUS, "action", CORPUS, CORPUS, List.of(), CORPUS,
                List.of(new Node.Snippet(CORPUS, CORPUS, CORPUS, CORPUS)), List.of()));
        e.add(new SessionEvent.PromptShown(seq++, T0.plusSeconds(seq), CORPUS, "consent", CORPUS, CORPUS, List.of(), null,
                List.of(), List.of("rm", CORPUS)));
        e.add(new SessionEvent.AnswerGiven(seq++, T0.plusSeconds(seq), CORPUS, "choice", CORPUS, CORPUS, false));
        e.add(new SessionEvent.CheckEvaluated(seq++, T0.plusSeconds(seq), CORPUS,
                List.of(new SessionEvent.ConditionResult(CORPUS, false, CORPUS), new SessionEvent.ConditionResult(CORPUS, true, null)),
                CORPUS));
        e.add(new SessionEvent.ProbeRan(seq++, T0.plusSeconds(seq), CORPUS, CORPUS, facts, Map.of(CORPUS, CORPUS),
                List.of(Map.of(CORPUS, CORPUS)), 5, CORPUS));
        e.add(new SessionEvent.CommandRan(seq++, T0.plusSeconds(seq), CORPUS, List.of(CORPUS, "-x"), false, true, CORPUS, CORPUS,
                "exited", 0, CORPUS, CORPUS, false, true, true, true, 12, false, null));
        e.add(new SessionEvent.CommandRan(seq++, T0.plusSeconds(seq), CORPUS, List.of(CORPUS), true, false, CORPUS, null,
                CORPUS, null, "", "", false, false, true, true, 0, false, CORPUS));
        e.add(new SessionEvent.NoteAdded(seq++, T0.plusSeconds(seq), CORPUS, CORPUS));
        e.add(new SessionEvent.WentBack(seq++, T0.plusSeconds(seq), CORPUS, CORPUS));
        e.add(new SessionEvent.Jumped(seq++, T0.plusSeconds(seq), CORPUS, CORPUS));
        e.add(new SessionEvent.Restarted(seq++, T0.plusSeconds(seq), CORPUS));
        e.add(new SessionEvent.OutcomeReached(seq++, T0.plusSeconds(seq), CORPUS, CORPUS, CORPUS, CORPUS, List.of(CORPUS),
                new Node.Handover(CORPUS, CORPUS)));
        e.add(new SessionEvent.OutcomeReached(seq++, T0.plusSeconds(seq), CORPUS, "resolved", CORPUS, CORPUS, List.of(CORPUS), null));
        e.add(new SessionEvent.SessionEnded(seq++, T0.plusSeconds(seq), CORPUS, CORPUS));
        return e;
    }

    /** No corpus control character anywhere (a surrogate only as half of a pair). */
    static void assertNoRawControl(String where, String out) {
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < out.length() && Character.isLowSurrogate(out.charAt(i + 1));
            if (paired) {
                i++;
                continue;
            }
            if (FORBIDDEN.indexOf(c) >= 0) {
                int from = Math.max(0, i - 40);
                throw new AssertionError(where + ": raw U+" + String.format("%04X", (int) c) + " at " + i + " after \""
                        + out.substring(from, i).replaceAll("\\p{Cntrl}", "?") + "\"");
            }
        }
    }

    /**
     * Terminal output: with the SGR styles ({@code ESC [ digits m}) taken out, no control is left;
     * and the corpus was shown (its escapes appear at least {@code shown} times), not dropped.
     */
    static void assertTerminalSafe(String where, String out, int shown) {
        String unstyled = out.replaceAll("\u001b\\[[0-9;]*m", "");
        assertNoRawControl(where, unstyled);
        int n = unstyled.split("\\\\u001b", -1).length - 1;
        assertThat(n).as("%s shows the corpus's ESC characters as escapes", where).isGreaterThanOrEqualTo(shown);
    }

    private static <T> ObjectProvider<T> provider(Supplier<T> s) {
        return new ObjectProvider<>() {
            @Override public T getObject() { return s.get(); }

            @Override public T getObject(Object... args) { return s.get(); }

            @Override public T getIfAvailable() { return s.get(); }

            @Override public T getIfUnique() { return s.get(); }
        };
    }
}
