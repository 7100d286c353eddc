package dev.tshoot.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import dev.tshoot.engine.ConsentPolicy;
import dev.tshoot.engine.Diagnostics;
import dev.tshoot.engine.EventSink;
import dev.tshoot.engine.Session;
import dev.tshoot.engine.SessionEngine;
import dev.tshoot.engine.SessionException;
import dev.tshoot.playbook.Node;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookCatalog;
import dev.tshoot.playbook.PlaybookLoader;

/**
 * {@code paste --file <output>}: names the command a pasted diagnostic output came from
 * ({@link PastedDiagnostics}), and walks the playbook from the question that takes that output,
 * with no host access: the output is kept as the command's result and the playbook's own
 * conditions choose where it leads, as when tshoot runs the command itself. Exit 0 routed, 1
 * recognised but not routed or not recognised, 2 bad input.
 */
public final class PasteDiagnostics {

    /** The most a pasted output given with --file may hold. */
    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    /** How it ended; the compiler checks that each is rendered. */
    public sealed interface Result {
        interface Visitor<R> {
            R refused(Refused r);

            R unknown(Unknown u);

            R recognised(Recognised r);

            R routed(Routed r);
        }

        <R> R accept(Visitor<R> v);

        int exitStatus();
    }

    /** No text, a file that cannot be read, or a playbook that cannot be walked: {@code message} says what to do. */
    public record Refused(String message) implements Result {
        public <R> R accept(Visitor<R> v) { return v.refused(this); }

        public int exitStatus() { return ExitStatus.BAD_INPUT; }
    }

    /** None of the outputs tshoot knows. */
    public record Unknown() implements Result {
        public <R> R accept(Visitor<R> v) { return v.unknown(this); }

        public int exitStatus() { return ExitStatus.FINDINGS; }
    }

    /** Recognised, but no playbook takes this output as a paste (its facts are shown). */
    public record Recognised(PastedDiagnostics.Recognised what) implements Result {
        public <R> R accept(Visitor<R> v) { return v.recognised(this); }

        public int exitStatus() { return ExitStatus.FINDINGS; }
    }

    /** Recognised and walked: from {@code what.node()} through {@code path} to {@code reached}, the first node that waits. */
    public record Routed(PastedDiagnostics.Recognised what, String playbook, List<String> path, Node reached) implements Result {
        public Routed {
            path = List.copyOf(path);
        }

        public <R> R accept(Visitor<R> v) { return v.routed(this); }

        public int exitStatus() { return ExitStatus.OK; }
    }

    private PasteDiagnostics() {}

    /** Reads the output from {@code file} ({@code -} for standard input) or takes {@code text}. */
    public static Result paste(PlaybookCatalog catalog, String file, String text, java.io.InputStream stdin) {
        String t = text;
        if (file != null && !file.isBlank()) {
            try {
                if (file.equals("-")) {
                    t = new String(stdin.readNBytes((int) MAX_FILE_BYTES), StandardCharsets.UTF_8);
                } else {
                    t = TextFile.read(file, (int) MAX_FILE_BYTES, "command output", "give at most 4 MiB (the command's output)");
                }
            } catch (TextFile.Unread e) {
                return new Refused(e.getMessage());
            } catch (IOException e) {
                return new Refused("Cannot read standard input: " + e.getMessage() + ".");
            }
        }
        if (t == null || t.isBlank()) {
            return new Refused("Give the pasted output: paste --file <file>, or paste --file - to read it from standard input.");
        }
        return route(catalog, t);
    }

    /** Recognises {@code text} and walks the playbook that takes it. */
    public static Result route(PlaybookCatalog catalog, String text) {
        PastedDiagnostics.Recognised what = PastedDiagnostics.recognise(text);
        if (what == null) {
            return new Unknown();
        }
        if (!what.routed()) {
            return new Recognised(what);
        }
        Playbook pb = catalog.loadAll().stream().filter(PlaybookLoader.Result::valid).map(PlaybookLoader.Result::playbook)
                .filter(p -> p.id().equals(what.playbook())).findFirst().orElse(null);
        if (pb == null || pb.node(what.node()) == null) {
            return new Recognised(what);
        }
        try {
            Session s = walk(pb, what.node(), text);
            List<String> path = s.route().stream().map(dev.tshoot.engine.RouteStep::node)
                    .dropWhile(n -> !n.equals(what.node())).toList();
            return new Routed(what, pb.id(), path, s.current());
        } catch (SessionException e) {
            return new Refused("Playbook '" + pb.id() + "' could not take the output at '" + what.node() + "': "
                    + e.getMessage());
        }
    }

    /** A session with no host access, at the paste question, answered with the output. */
    public static Session walk(Playbook pb, String node, String output) throws SessionException {
        Session s = new SessionEngine(Clock.systemUTC(), () -> "paste").start("paste", pb, EventSink.NONE,
                Diagnostics.NONE, ConsentPolicy.ASK_ALWAYS);
        s.jump(node);
        s.answer(output);
        return s;
    }
}
