package dev.tshoot.transcript.export;

import java.time.Instant;
import java.util.Map;

import dev.tshoot.engine.SessionEvent;
import dev.tshoot.text.Words;
import dev.tshoot.transcript.TranscriptHeader;

/**
 * Markdown for a ticket: the header facts, the integrity verdict, the route as a Mermaid flowchart,
 * then every step with what was asked, answered, checked, run and noted. Command outputs sit in
 * collapsible {@code <details>} blocks, fenced so that no output can close its fence.
 */
public final class MarkdownExporter {

    public String render(Report r) {
        StringBuilder sb = new StringBuilder();
        TranscriptHeader h = r.header();
        TranscriptHeader.PlaybookRef pb = h.playbook();
        sb.append("# tshoot session ").append(Md.code(h.sessionId())).append(": ").append(Md.line(pb.title())).append("\n\n");
        sb.append(integrityLine(r.integrity())).append("\n\n");
        sb.append("| | |\n|---|---|\n");
        row(sb, "Playbook", Md.cellCode(pb.id()) + " version " + Md.cellCode(pb.version()) + " (" + Md.line(pb.title()) + ")");
        row(sb, "Playbook SHA-256", Md.cellCode(pb.sha256()));
        if (pb.signature() != null) {
            row(sb, "Playbook signature", Md.line(pb.signature().describe()) + " (as tshoot checked it when the session started)");
        }
        row(sb, "Playbook file", Md.cellCode(pb.file()) + ": " + Md.line(r.source().playbook().message()));
        row(sb, "tshoot version", Md.cellCode(h.tshootVersion()));
        TranscriptHeader.Host host = h.host();
        row(sb, "Host", host == null ? "unknown" : Md.line(host.os() + " " + host.osVersion() + " (" + host.arch() + ")")
                + ", host " + Md.cellCode(host.hostname()) + ", user " + Md.cellCode(host.user()));
        row(sb, "Session", Md.cellCode(h.sessionId()));
        row(sb, "Started", Md.line(String.valueOf(h.startedAt())));
        row(sb, "Ended", r.ended() == null ? "not closed (no session-ended event): it crashed or is still running"
                : Md.line(r.ended().at() + " (" + r.ended().reason() + ")"));
        row(sb, "Outcome", r.outcome() == null ? "none reached"
                : "**" + Md.line(Words.result(r.outcome().result())) + "**: " + Md.line(r.outcome().title()));
        row(sb, "Transcript", Md.cellCode(r.source().fileName()) + ", " + r.source().transcript().events().size() + " events"
                + (r.source().transcript().skippedLines() > 0 ? ", " + r.source().transcript().skippedLines() + " unreadable line(s) skipped" : ""));
        CaseChain chain = CaseChain.of(r);
        if (chain.linked()) {
            chain(sb, chain);
        }
        sb.append("\n## Path taken\n\n");
        if (r.route().isEmpty() && r.steps().isEmpty()) {
            sb.append("No node was entered.\n\n");
        } else {
            sb.append(Md.fenced("mermaid", Mermaid.flowchart(r))).append('\n');
        }
        if (!chain.linked()) {
            sb.append("## Steps\n\n");
            for (Report.Step s : r.steps()) {
                step(sb, r, s);
            }
        }
        int n = 0;
        for (CaseChain.Entry e : chain.linked() ? chain.entries() : java.util.List.<CaseChain.Entry>of()) {
            n++;
            sb.append("## Steps in transcript ").append(n).append(" of ").append(chain.entries().size()).append(" (")
                    .append(Md.code(e.source().fileName())).append(e.exported() ? ", this file" : "").append(")\n\n");
            for (Report.Step s : e.report().steps()) {
                step(sb, e.report(), s);
            }
            if (e.wentOnAt() != null) {
                sb.append("*The session went on at ").append(Md.code(e.wentOnAt())).append(" in transcript ").append(n + 1)
                        .append(".*\n\n");
            }
        }
        sb.append("## Integrity\n\n").append(integrityLine(r.integrity())).append("\n\n");
        sb.append(Md.quote(r.integrity().message())).append('\n').append(Md.text(r.integrity().advice())).append('\n');
        return sb.toString();
    }

    /** The transcripts of the case, oldest first, each with its integrity and where the next went on. */
    private static void chain(StringBuilder sb, CaseChain chain) {
        sb.append("\n## Case chain\n\n");
        sb.append("This case is ").append(chain.entries().size()).append(" transcripts, oldest first: each one after the"
                + " first was resumed from the one before it (`tshoot resume`), and names it in its header with the hash of"
                + " its last line, which was checked.\n\n");
        sb.append("| # | Transcript | Session | Started | Events | Integrity | Went on at |\n|---|---|---|---|---|---|---|\n");
        int n = 0;
        for (CaseChain.Entry e : chain.entries()) {
            TranscriptHeader h = e.source().transcript().header();
            sb.append("| ").append(++n).append(" | ").append(Md.cellCode(e.source().fileName()))
                    .append(e.exported() ? " (this file)" : "").append(" | ")
                    .append(Md.cellCode(h.sessionId())).append(" | ").append(Md.line(String.valueOf(h.startedAt())))
                    .append(" | ").append(e.source().transcript().events().size()).append(" | ")
                    .append(Md.line(e.source().integrity().headline())).append(" | ")
                    .append(e.wentOnAt() == null ? "(the last)" : Md.cellCode(e.wentOnAt())).append(" |\n");
        }
        if (chain.problem() != null) {
            sb.append("\n> ⚠️ The chain stops here: ").append(Md.line(chain.problem())).append(".\n");
        }
    }

    private static String integrityLine(Integrity i) {
        String mark = switch (i.status()) {
            case OK -> "✅";
            case TORN_TAIL -> "⚠️";
            default -> "❌";
        };
        return mark + " **Integrity: " + Md.line(i.headline()) + "**";
    }

    private static void row(StringBuilder sb, String k, String v) {
        sb.append("| ").append(k).append(" | ").append(v.replace("\n", " ")).append(" |\n");
    }

    private static void step(StringBuilder sb, Report r, Report.Step s) {
        sb.append("### ").append(s.number()).append(". ");
        if (s.node() == null) {
            sb.append("(before the first node)\n\n");
        } else {
            sb.append(Md.code(s.node())).append(" (").append(Md.line(s.nodeType())).append(")\n\n");
        }
        Instant start = r.header().startedAt();
        sb.append('*').append(Md.line(s.at() + " (" + Text.offset(start, s.at()) + "), event " + s.seq()
                + (s.via() == null ? "" : ", via " + s.via()))).append("*\n\n");
        if (r.integrity().unverified(s.lastSeq())) {
            sb.append("> ⚠️ Not vouched for by the hash chain: it broke at event ").append(r.integrity().brokenSeq())
                    .append(", and events from there on may have been altered.\n\n");
        }
        MarkdownEvents.render(sb, s.events());
    }

    /** Rows of a small two-column table. */
    static void table(StringBuilder sb, String a, String b, Map<String, String> rows) {
        sb.append("| ").append(a).append(" | ").append(b).append(" |\n|---|---|\n");
        rows.forEach((k, v) -> sb.append("| ").append(Md.cellCode(k)).append(" | ").append(Md.line(v)).append(" |\n"));
        sb.append('\n');
    }
}
