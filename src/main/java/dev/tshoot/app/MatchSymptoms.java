package dev.tshoot.app;

import java.util.List;

import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookCatalog;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.playbook.SymptomMatcher;
import dev.tshoot.text.SafeText;

/**
 * {@code match "<error text>"} / {@code match --file <log>}: which playbooks and entry nodes
 * declare a symptom the text shows. Exit 0 found, 1 none, 2 bad input.
 */
public final class MatchSymptoms {

    /** The most a log given with --file may hold. */
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    /** At most this many candidates are shown and offered. */
    public static final int SHOWN = 5;

    /** How a match ended; the compiler checks that each is rendered. */
    public sealed interface Result {
        interface Visitor<R> {
            R refused(Refused r);

            R noMatch(NoMatch n);

            R found(Found f);
        }

        <R> R accept(Visitor<R> v);

        int exitStatus();
    }

    /** No text to match, or a log that cannot be read: {@code message} says what to give. */
    public record Refused(String message) implements Result {
        public <R> R accept(Visitor<R> v) { return v.refused(this); }

        public int exitStatus() { return ExitStatus.BAD_INPUT; }
    }

    /**
     * No valid playbook declares a symptom the text shows. {@code diagnostic} is not null when the
     * text is a diagnostic output tshoot recognises (what {@code paste} does with it).
     */
    public record NoMatch(List<SymptomMatcher.Near> closest, Diagnostic diagnostic) implements Result {
        public NoMatch {
            closest = List.copyOf(closest);
        }

        public NoMatch(List<SymptomMatcher.Near> closest) {
            this(closest, null);
        }

        public <R> R accept(Visitor<R> v) { return v.noMatch(this); }

        public int exitStatus() { return ExitStatus.FINDINGS; }
    }

    /** The candidates, best first (at most {@link #SHOWN}), and the text they were matched in. */
    public record Found(String text, List<SymptomMatcher.Candidate> candidates) implements Result {
        public Found {
            candidates = List.copyOf(candidates.subList(0, Math.min(candidates.size(), SHOWN)));
        }

        public <R> R accept(Visitor<R> v) { return v.found(this); }

        public int exitStatus() { return ExitStatus.OK; }
    }

    /**
     * A recognised diagnostic output: the command it came from, its facts, and, when a playbook takes it
     * as a paste, the playbook, its paste question and the node the facts lead to (else null).
     */
    public record Diagnostic(String command, java.util.Map<String, String> facts, String playbook, String pasteNode,
            String reached) {
        public Diagnostic {
            facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
        }

        static Diagnostic of(PlaybookCatalog catalog, String text) {
            PasteDiagnostics.Result r = PasteDiagnostics.route(catalog, text);
            if (r instanceof PasteDiagnostics.Routed x) {
                return new Diagnostic(x.what().command(), x.what().facts(), x.playbook(), x.what().node(), x.reached().id());
            }
            if (r instanceof PasteDiagnostics.Recognised x) {
                return new Diagnostic(x.what().command(), x.what().facts(), x.what().playbook(), x.what().node(), null);
            }
            return null;
        }
    }

    private MatchSymptoms() {}

    /** Matches the log {@code file} when one is named, otherwise the {@code words}. */
    public static Result match(PlaybookCatalog catalog, String file, List<String> words) {
        String text;
        if (file != null && !file.isBlank()) {
            try {
                text = TextFile.read(file, (int) MAX_FILE_BYTES, "log", "give at most 16 MiB (the part of the log with the error)");
            } catch (TextFile.Unread e) {
                return new Refused(e.getMessage());
            }
        } else {
            text = words == null ? "" : String.join(" ", words);
        }
        if (text.isBlank()) {
            return new Refused("Paste the error text: match \"<error text>\", or give a log: match --file <log>.");
        }
        List<Playbook> playbooks = catalog.loadAll().stream().filter(PlaybookLoader.Result::valid)
                .map(PlaybookLoader.Result::playbook).toList();
        List<SymptomMatcher.Candidate> found = SymptomMatcher.match(text, playbooks);
        return found.isEmpty() ? new NoMatch(SymptomMatcher.closest(text, playbooks, 3), Diagnostic.of(catalog, text))
                : new Found(text, found);
    }

    /** One line of at most 160 characters: what a match shows of the text. */
    public static String shorten(String s) {
        return SafeText.shorten(s, 160);
    }
}
