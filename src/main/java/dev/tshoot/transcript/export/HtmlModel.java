package dev.tshoot.transcript.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.tshoot.text.MarkdownHtml;
import dev.tshoot.text.SafeText;
import dev.tshoot.text.Words;
import dev.tshoot.transcript.TranscriptHeader;

/**
 * What the HTML template shows, as plain values. Every string here comes from the transcript or is
 * derived from it and is made safe by the text layer and HTML-escaped when the template writes it; only {@link Trusted} text (the
 * page's own CSS and script) is written as is.
 */
final class HtmlModel {

    private HtmlModel() {}

    /** The page's own CSS or script, bundled with tshoot: written as it is. */
    record Trusted(String text) {}

    /**
     * Playbook Markdown rendered by {@link MarkdownHtml} (raw HTML escaped, unsafe links emptied,
     * controls made visible): the only other text written as it is. Null for blank text.
     */
    record Html(String html) {
        static Html of(String markdown) {
            String h = MarkdownHtml.render(markdown);
            return h.isEmpty() ? null : new Html(h);
        }
    }

    record Page(String title, String sessionId, String playbookTitle, List<Fact> facts, IntegrityView integrity,
            OutcomeView outcome, String playbookNote, boolean playbookFound, GraphLayout.Graph graph,
            List<RouteItem> route, List<StepView> steps, Trusted css, Trusted js, List<ChainView> chain, String chainProblem,
            List<String> path, List<NoteView> notes, String noOutcome) {}

    /** A note the user added, at the node it was added at. */
    record NoteView(String node, String text) {}

    /** One transcript of a case of several ({@link CaseChain}), oldest first. */
    record ChainView(String file, boolean exported, String sessionId, String started, int events, String integrity,
            String css, String route, String wentOnAt) {}

    record Fact(String name, String value, boolean code) {}

    /** {@code headline} without the label it starts with, so the verdict is said once. */
    record IntegrityView(String css, String label, String headline, String message, String advice) {}

    record OutcomeView(String css, String result, String title, Html message, List<String> references) {}

    record RouteItem(int number, String from, String to, String label, String via) {}

    record StepView(int number, String anchor, String node, String nodeType, String via, String at, String offset,
            long seq, boolean unverified, String css, List<Object> items) {}

    record SnippetView(String where, String text) {}

    record PromptItem(String tmpl, String kind, String label, String text, Html help, List<String> choices, Html instructions,
            List<SnippetView> commands, String argv) {}

    record AnswerItem(String tmpl, String verb, String shown, String value) {}

    record CheckItem(String tmpl, List<CondView> conditions, String decision, String target) {}

    record CondView(String when, String result, String css, String error) {}

    record ProbeItem(String tmpl, String probe, String duration, String error, List<Fact> facts, List<String> evidence) {}

    record CommandItem(String tmpl, String argv, String consent, String kind, String result, String status,
            String exitCode, String duration, boolean truncated, String register, String error, List<OutputView> outputs) {}

    record OutputView(String name, String summary, String text) {}

    record TextItem(String tmpl, String css, String label, String text) {}

    record OutcomeItem(String tmpl, OutcomeView outcome) {}

    static Page page(Report r, Trusted css, Trusted js) {
        CaseChain chain = CaseChain.of(r);
        TranscriptHeader h = r.header();
        TranscriptHeader.PlaybookRef pb = h.playbook();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Playbook", pb.id() + " " + pb.version() + " (" + pb.title() + ")", false));
        facts.add(new Fact("Playbook SHA-256", pb.sha256(), true));
        if (pb.signature() != null) {
            facts.add(new Fact("Playbook signature", pb.signature().describe()
                    + " (as tshoot checked it when the session started)", false));
        }
        facts.add(new Fact("Playbook file", pb.file() + ": " + r.source().playbook().message(), false));
        facts.add(new Fact("tshoot version", h.tshootVersion(), true));
        TranscriptHeader.Host host = h.host();
        facts.add(new Fact("Host", host == null ? "unknown" : host.os() + " " + host.osVersion() + " (" + host.arch()
                + "), host " + host.hostname() + ", user " + host.user(), false));
        facts.add(new Fact("Session", h.sessionId(), true));
        facts.add(new Fact("Started", String.valueOf(h.startedAt()), false));
        facts.add(new Fact("Ended", r.ended() == null ? "not closed (no session-ended event): it crashed or is still running"
                : r.ended().at() + " (" + r.ended().reason() + ")", false));
        facts.add(new Fact("Transcript", r.source().fileName() + ", " + r.source().transcript().events().size() + " events", false));
        Integrity i = r.integrity();
        String headline = i.headline().startsWith(i.label() + ": ") ? i.headline().substring(i.label().length() + 2)
                : i.headline().startsWith(i.label() + " ") ? i.headline().substring(i.label().length() + 1) : i.headline();
        IntegrityView iv = new IntegrityView(i.css(), i.label(), headline, i.message(), i.advice());
        List<String> path = new ArrayList<>();
        r.route().forEach(e -> {
            if (path.isEmpty()) {
                path.add(e.from());
            }
            path.add(e.to());
        });
        if (path.isEmpty() && r.lastNode() != null) {
            path.add(r.lastNode());
        }
        List<NoteView> notes = new ArrayList<>();
        for (dev.tshoot.engine.SessionEvent e : r.source().transcript().events()) {
            if (e instanceof dev.tshoot.engine.SessionEvent.NoteAdded n) {
                notes.add(new NoteView(n.node() == null ? "" : n.node(), Text.oneLine(n.text(), 2000)));
            }
        }
        String noOutcome = r.outcome() != null ? null : r.ended() == null
                ? "No outcome: the session was not closed (it crashed or is still running)"
                : "No outcome: the session ended (" + r.ended().reason() + ") before reaching one";
        OutcomeView outcome = r.outcome() == null ? null : outcome(r.outcome());
        List<RouteItem> route = r.route().stream()
                .map(e -> new RouteItem(e.number(), e.from(), e.to(), Text.oneLine(e.label(), 120), e.via())).toList();
        List<StepView> steps = new ArrayList<>();
        String last = r.lastNode();
        for (Report.Step s : r.steps()) {
            boolean unverified = i.unverified(s.lastSeq());
            boolean isLast = s == r.steps().get(r.steps().size() - 1) && s.node() != null && s.node().equals(last);
            steps.add(new StepView(s.number(), "step-" + s.number(), s.node() == null ? "(before the first node)" : s.node(),
                    s.nodeType() == null ? "" : s.nodeType(), s.via() == null ? "" : s.via(), String.valueOf(s.at()),
                    Text.offset(h.startedAt(), s.at()), s.seq(), unverified,
                    "step" + (unverified ? " unverified" : "") + (isLast ? " last" : ""), HtmlItems.items(s)));
        }
        return new Page("tshoot session " + h.sessionId() + ": " + pb.title(), h.sessionId(), pb.title(), facts, iv, outcome,
                r.source().playbook().message(), r.source().playbook().playbook() != null,
                GraphLayout.of(r, r.source().playbook().playbook()), route, steps, css, js, chain.linked() ? chain.entries()
                        .stream().map(HtmlModel::chainView).toList() : List.of(), chain.problem(), path, notes, noOutcome);
    }

    private static ChainView chainView(CaseChain.Entry e) {
        List<String> nodes = new ArrayList<>();
        e.report().steps().forEach(s -> {
            if (s.node() != null) {
                nodes.add(s.node());
            }
        });
        return new ChainView(e.source().fileName(), e.exported(), e.source().transcript().header().sessionId(),
                String.valueOf(e.source().transcript().header().startedAt()), e.source().transcript().events().size(),
                e.source().integrity().headline(), "chain-" + e.source().integrity().css(),
                Text.oneLine(String.join(" \u2192 ", nodes), 600), e.wentOnAt());
    }

    static OutcomeView outcome(dev.tshoot.engine.SessionEvent.OutcomeReached o) {
        return new OutcomeView("result-" + String.valueOf(o.result()).toLowerCase(Locale.ROOT),
                Words.result(o.result()), o.title(), Html.of(o.message()),
                o.references());
    }
}
