package dev.tshoot.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.tshoot.engine.SessionEvent;
import dev.tshoot.text.Words;
import dev.tshoot.transcript.TranscriptHeader;

/**
 * The events of many sessions as one flat table, one row per event: who (session, playbook,
 * version), when (timestamps in UTC, milliseconds since the start and at the node), where (node,
 * how it was reached, where it led) and what came of it (answer, result, command, consent,
 * status). {@link #COLUMNS} is the schema docs/stats.md documents; the Parquet dataset is
 * partitioned by {@code playbook} and {@code date}.
 */
public final class EventTable {

    /** A column: its name, DuckDB type and what it holds. */
    public record Column(String name, String type, String meaning) {}

    public static final List<Column> COLUMNS = List.of(
            new Column("session", "VARCHAR", "session id (8 hex digits, as in the file name)"),
            new Column("playbook", "VARCHAR", "playbook id (a partition key of the Parquet dataset)"),
            new Column("version", "VARCHAR", "playbook version"),
            new Column("playbook_sha256", "VARCHAR", "SHA-256 of the playbook file the session walked"),
            new Column("started_at", "TIMESTAMP", "when the session started (UTC)"),
            new Column("date", "DATE", "the UTC day the session started (a partition key of the Parquet dataset)"),
            new Column("session_outcome", "VARCHAR", "resolved, unresolved, escalated, abandoned or interrupted (as stats counts it)"),
            new Column("seq", "BIGINT", "the event's number in its transcript (1, 2, ...)"),
            new Column("type", "VARCHAR", "event type: node-entered, prompt-shown, answer-given, check-evaluated, back, goto,"
                    + " restart, note, probe-ran, command-ran, outcome, session-ended"),
            new Column("at", "TIMESTAMP", "when it happened (UTC)"),
            new Column("ms_since_start", "BIGINT", "milliseconds from the session's start"),
            new Column("node", "VARCHAR", "the node (back, goto, restart: the node left)"),
            new Column("node_type", "VARCHAR", "node-entered: question, check, action or outcome"),
            new Column("via", "VARCHAR", "node-entered: start, answer, check, action, back, goto or restart"),
            new Column("target", "VARCHAR", "back and goto: the node gone to; check-evaluated: the node chosen"),
            new Column("ms_at_node", "BIGINT", "node-entered: milliseconds until the next node was entered or the session ended"),
            new Column("kind", "VARCHAR", "prompt-shown and answer-given: choice, yesno, text, action (prompts also consent)"),
            new Column("answer", "VARCHAR", "answer-given: the value (a choice value, yes or no, done, the text; [secret] if withheld)"),
            new Column("result", "VARCHAR", "outcome and session-ended: resolved, unresolved or escalate"),
            new Column("reason", "VARCHAR", "session-ended: outcome, user or interrupted"),
            new Column("handover", "VARCHAR", "outcome: the playbook the case is handed over to"),
            new Column("command", "VARCHAR", "command-ran: the command as words; probe-ran: the probe's name"),
            new Column("consent", "VARCHAR", "command-ran: yes, always, preapproved, no, dry-run or not-needed"),
            new Column("status", "VARCHAR", "command-ran: exited, timed_out, not_found, failed_to_start, declined, dry_run, not_applicable"),
            new Column("exit_code", "INTEGER", "command-ran: the exit code, when it ran"),
            new Column("duration_ms", "BIGINT", "probe-ran and command-ran: how long it took"),
            new Column("text", "VARCHAR", "note: its text"));

    private EventTable() {}

    /** The {@code CREATE TABLE} statement of the table {@code name}. */
    public static String createTable(String name) {
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(name).append(" (");
        for (int i = 0; i < COLUMNS.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append('"').append(COLUMNS.get(i).name()).append("\" ").append(COLUMNS.get(i).type());
        }
        return sb.append(')').toString();
    }

    /** One row per event of a session, cells in {@link #COLUMNS} order (null: no value). */
    public static List<Object[]> rows(TranscriptHeader h, List<SessionEvent> events) {
        SessionTally tally = new SessionTally();
        events.forEach(e -> e.accept(tally));
        String outcome = tally.outcome();
        Instant start = h.startedAt();
        Instant lastAt = events.isEmpty() ? start : events.get(events.size() - 1).at();
        List<Object[]> out = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            SessionEvent e = events.get(i);
            Object[] r = new Object[COLUMNS.size()];
            r[0] = h.sessionId();
            r[1] = h.playbook().id();
            r[2] = h.playbook().version();
            r[3] = h.playbook().sha256();
            r[4] = utc(start);
            r[5] = LocalDate.ofInstant(start, ZoneOffset.UTC);
            r[6] = outcome;
            r[7] = e.seq();
            r[8] = e.type();
            r[9] = utc(e.at());
            r[10] = Duration.between(start, e.at()).toMillis();
            e.accept(new Cells(r, events, i, lastAt));
            out.add(r);
        }
        return out;
    }

    private static LocalDateTime utc(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    /** The cells particular to each kind of event. */
    private record Cells(Object[] r, List<SessionEvent> events, int index, Instant lastAt) implements SessionEvent.Visitor<Void> {
        @Override
        public Void nodeEntered(SessionEvent.NodeEntered e) {
            r[11] = e.node();
            r[12] = e.nodeType();
            r[13] = e.via();
            Instant until = lastAt;
            for (int j = index + 1; j < events.size(); j++) {
                String t = events.get(j).type();
                if ("node-entered".equals(t) || "session-ended".equals(t)) {
                    until = events.get(j).at();
                    break;
                }
            }
            r[15] = Math.max(0, Duration.between(e.at(), until).toMillis());
            return null;
        }

        @Override
        public Void promptShown(SessionEvent.PromptShown e) {
            r[11] = e.node();
            r[16] = e.kind();
            return null;
        }

        @Override
        public Void answerGiven(SessionEvent.AnswerGiven e) {
            r[11] = e.node();
            r[16] = e.kind();
            r[17] = e.value();
            return null;
        }

        @Override
        public Void checkEvaluated(SessionEvent.CheckEvaluated e) {
            r[11] = e.node();
            r[14] = e.target();
            return null;
        }

        @Override
        public Void wentBack(SessionEvent.WentBack e) {
            r[11] = e.from();
            r[14] = e.to();
            return null;
        }

        @Override
        public Void jumped(SessionEvent.Jumped e) {
            r[11] = e.from();
            r[14] = e.to();
            return null;
        }

        @Override
        public Void restarted(SessionEvent.Restarted e) {
            r[11] = e.from();
            return null;
        }

        @Override
        public Void noteAdded(SessionEvent.NoteAdded e) {
            r[11] = e.node();
            r[26] = e.text();
            return null;
        }

        @Override
        public Void outcomeReached(SessionEvent.OutcomeReached e) {
            r[11] = e.node();
            r[18] = e.result();
            r[20] = e.handover() == null ? null : e.handover().playbook();
            return null;
        }

        @Override
        public Void sessionEnded(SessionEvent.SessionEnded e) {
            r[18] = e.result();
            r[19] = e.reason();
            return null;
        }

        @Override
        public Void probeRan(SessionEvent.ProbeRan e) {
            r[11] = e.node();
            r[21] = e.probe();
            r[25] = e.durationMs();
            return null;
        }

        @Override
        public Void commandRan(SessionEvent.CommandRan e) {
            r[11] = e.node();
            r[21] = Words.argv(e.argv());
            r[22] = e.consent();
            r[23] = e.status();
            r[24] = e.exitCode();
            r[25] = e.durationMs();
            return null;
        }
    }
}
