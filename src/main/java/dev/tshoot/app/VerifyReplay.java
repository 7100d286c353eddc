package dev.tshoot.app;

import java.nio.file.Path;

import dev.tshoot.engine.SessionEngine;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookCatalog;
import dev.tshoot.transcript.ReplayVerifier;
import dev.tshoot.transcript.TranscriptHeader;
import dev.tshoot.transcript.TranscriptReader;
import dev.tshoot.transcript.TranscriptVerifier;

/**
 * {@code replay <transcript> --verify [--playbook <file>]}: re-walks a recorded session against
 * today's playbook (the one the header names, or another file). The hash chain is checked first:
 * a broken chain is reported as tampering, never as a change of the playbook. Exit 0 same, 1
 * diverged, 2 unreadable transcript or unusable playbook, 4 the hash chain is broken.
 */
public final class VerifyReplay {

    /** How a verification ended; the compiler checks that each is rendered. */
    public sealed interface Result {
        interface Visitor<R> {
            R unreadable(Unreadable u);

            R playbookRefused(PlaybookRefused p);

            R verified(Verified v);

            R tampered(Tampered t);
        }

        <R> R accept(Visitor<R> v);

        int exitStatus();
    }

    /** The transcript cannot be read: {@code message} says why. */
    public record Unreadable(String message) implements Result {
        public <R> R accept(Visitor<R> v) { return v.unreadable(this); }

        public int exitStatus() { return ExitStatus.BAD_INPUT; }
    }

    /** The playbook to verify against cannot be used. */
    public record PlaybookRefused(PlaybookLoad load) implements Result {
        public <R> R accept(Visitor<R> v) { return v.playbookRefused(this); }

        public int exitStatus() { return load.exitStatus(); }
    }

    /** The walk was compared: {@code report} says whether it is the same. */
    public record Verified(TranscriptHeader header, Playbook playbook, ReplayVerifier.Report report) implements Result {
        public <R> R accept(Visitor<R> v) { return v.verified(this); }

        public int exitStatus() { return report.exitStatus(); }
    }

    /** The transcript's hash chain is broken: its events may have been altered, so nothing was re-walked. */
    public record Tampered(java.nio.file.Path file, TranscriptVerifier.Result chain) implements Result {
        public <R> R accept(Visitor<R> v) { return v.tampered(this); }

        public int exitStatus() { return ExitStatus.TAMPERED; }
    }

    private final PlaybookCatalog catalog;
    private final SessionEngine engine;

    public VerifyReplay(PlaybookCatalog catalog, SessionEngine engine) {
        this.catalog = catalog;
        this.engine = engine;
    }

    /** {@code playbookFile}: null or blank for the playbook the transcript names. */
    public Result verify(Path transcript, String playbookFile) {
        TranscriptHeader h;
        try {
            h = TranscriptReader.header(transcript);
        } catch (TranscriptReader.UnreadableException e) {
            return new Unreadable(e.getMessage());
        }
        PlaybookLoad load = PlaybookLoad.load(catalog,
                playbookFile != null && !playbookFile.isBlank() ? playbookFile : h.playbook().id());
        Playbook pb = load.usable();
        if (pb == null) {
            return new PlaybookRefused(load);
        }
        try {
            ReplayVerifier.Report report = new ReplayVerifier(engine).verify(transcript, pb);
            return report.tampered() ? new Tampered(transcript, report.chain()) : new Verified(h, pb, report);
        } catch (TranscriptReader.UnreadableException e) {
            return new Unreadable(e.getMessage());
        }
    }
}
