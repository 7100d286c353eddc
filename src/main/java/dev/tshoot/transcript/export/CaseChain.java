package dev.tshoot.transcript.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.tshoot.transcript.TranscriptHeader;
import dev.tshoot.transcript.TranscriptReader;

/**
 * The transcripts one case is made of: a session resumed from a transcript names it in its header
 * ({@link TranscriptHeader.Resumes}), and that one may name another. The links are followed in the
 * folder of the given transcript only (a link is a file name, never a path), at most {@link #MAX}
 * deep, and each is checked: the earlier file must be of the session the link names and end (its
 * last verified line) at the hash the link holds. A link that does not hold stops the chain, and
 * {@code problem} says why.
 */
public record CaseChain(List<Entry> entries, String problem) {

    /** Transcripts followed back from one, at most. */
    public static final int MAX = 32;

    /**
     * One transcript of the case, oldest first. {@code wentOnAt}: the node the next transcript resumed
     * at (null for the last); {@code exported}: the transcript the export was asked for.
     */
    public record Entry(ExportSource source, Report report, String wentOnAt, boolean exported) {
        Entry(ExportSource source, Report report, String wentOnAt) {
            this(source, report, wentOnAt, false);
        }
    }

    public CaseChain {
        entries = List.copyOf(entries);
    }

    /** True when the case is more than the one transcript. */
    public boolean linked() {
        return entries.size() > 1 || problem != null;
    }


    public static CaseChain of(Report r) {
        List<Entry> back = new ArrayList<>();
        back.add(new Entry(r.source(), r, null));
        String problem = null;
        Set<String> seen = new HashSet<>();
        ExportSource at = r.source();
        Path dir = at.transcript().file().toAbsolutePath().getParent();
        seen.add(at.fileName());
        while (true) {
            TranscriptHeader.Resumes link = at.transcript().header().resumes();
            if (link == null) {
                break;
            }
            if (back.size() > MAX) {
                problem = "the chain is longer than " + MAX + " transcripts; the earliest are left out";
                break;
            }
            String name = link.file();
            Path file = dir == null ? null : dir.resolve(name);
            if (!seen.add(name)) {
                problem = "the transcripts name each other in a loop at " + name;
                break;
            }
            if (file == null || !file.normalize().getParent().equals(dir.normalize()) || !Files.isRegularFile(file)) {
                problem = at.fileName() + " resumes " + name + " (session " + link.sessionId() + "), which is not in the"
                        + " same folder; put it next to this one to export the whole case";
                break;
            }
            ExportSource earlier;
            try {
                earlier = ExportSource.load(file, null);
            } catch (TranscriptReader.UnreadableException e) {
                problem = name + " cannot be read: " + e.getMessage();
                break;
            }
            String head = earlier.transcript().integrity().head();
            if (!link.sessionId().equals(earlier.transcript().header().sessionId()) || head == null
                    || !head.equals(link.hash())) {
                problem = name + " is not the transcript " + at.fileName() + " resumes: the session id or the hash of its"
                        + " last line differs from the link (" + link.sessionId() + ", " + link.hash().substring(0, 12)
                        + "...)";
                break;
            }
            back.add(new Entry(earlier, Report.of(earlier), link.node()));
            at = earlier;
        }
        Collections.reverse(back);
        if (problem == null) {
            problem = later(back, dir, seen);
        }
        // the node each transcript went on at is named by the one after it
        List<Entry> ordered = new ArrayList<>();
        for (int i = 0; i < back.size(); i++) {
            String wentOn = i + 1 < back.size() ? back.get(i + 1).source().transcript().header().resumes().node() : null;
            ordered.add(new Entry(back.get(i).source(), back.get(i).report(), wentOn, back.get(i).report() == r));
        }
        return new CaseChain(ordered, problem);
    }

    /**
     * Adds the transcripts that resume the last one of {@code chain}, in turn, from the same folder;
     * returns why it stopped early, or null. Two transcripts resuming the same one are a fork: neither is taken.
     */
    private static String later(List<Entry> chain, Path dir, Set<String> seen) {
        if (dir == null) {
            return null;
        }
        List<Path> files;
        try (var list = Files.list(dir)) {
            // a transcript's name begins with its start time: one that resumes another sorts after it
            String first = chain.get(chain.size() - 1).source().fileName();
            files = list.filter(f -> f.getFileName().toString().endsWith(".jsonl")
                    && f.getFileName().toString().compareTo(first) > 0).limit(100_000).sorted().toList();
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
        List<TranscriptHeader> headers = new ArrayList<>();
        List<Path> linked = new ArrayList<>();
        for (Path f : files) {
            try {
                TranscriptHeader h = TranscriptReader.header(f);
                if (h.resumes() != null) {
                    headers.add(h);
                    linked.add(f);
                }
            } catch (TranscriptReader.UnreadableException e) {
                // not a transcript this tshoot reads: not part of the case
            }
        }
        while (chain.size() <= MAX) {
            Entry last = chain.get(chain.size() - 1);
            String name = last.source().fileName();
            String head = last.source().transcript().integrity().head();
            Path next = null;
            for (int i = 0; i < headers.size(); i++) {
                TranscriptHeader.Resumes link = headers.get(i).resumes();
                if (link.file().equals(name) && link.sessionId().equals(last.source().transcript().header().sessionId())
                        && link.hash().equals(head)) {
                    if (next != null) {
                        return "two transcripts resume " + name + " (" + next.getFileName() + " and "
                                + linked.get(i).getFileName() + "); the case forks there, and neither is included";
                    }
                    next = linked.get(i);
                }
            }
            if (next == null || !seen.add(String.valueOf(next.getFileName()))) {
                return null;
            }
            ExportSource later;
            try {
                later = ExportSource.load(next, null);
            } catch (TranscriptReader.UnreadableException e) {
                return next.getFileName() + " cannot be read: " + e.getMessage();
            }
            chain.set(chain.size() - 1, new Entry(last.source(), last.report(), later.transcript().header().resumes().node(),
                    last.exported()));
            chain.add(new Entry(later, Report.of(later), null));
        }
        return "the chain is longer than " + MAX + " transcripts; the latest are left out";
    }
}
