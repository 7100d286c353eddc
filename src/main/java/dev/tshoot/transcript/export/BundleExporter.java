package dev.tshoot.transcript.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tshoot.engine.Events;
import dev.tshoot.engine.SessionEvent;
import dev.tshoot.playbook.PlaybookLoader;
import dev.tshoot.transcript.TranscriptJson;

/**
 * A zip for escalation: {@code transcript.jsonl} (the exact bytes), the playbook file that was used
 * (under {@code playbook/}, only when found with the pinned hash; else {@code playbook-missing.txt}),
 * {@code host-facts.json}, {@code transcript.md}, {@code transcript.html}, and {@code manifest.json}
 * with the SHA-256 and size of every other entry and the integrity result. A case of several
 * transcripts (a session resumed from another, {@link CaseChain}) holds the others under
 * {@code chain/} and lists all of them, linked, under the manifest's {@code chain}.
 */
public final class BundleExporter {

    public static final String MANIFEST = "manifest.json";

    public byte[] render(ExportSource s, Report r) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("transcript.jsonl", s.bytes());
        CaseChain chain = CaseChain.of(r);
        Map<CaseChain.Entry, String> entries = new LinkedHashMap<>();
        int n = 0;
        for (CaseChain.Entry e : chain.entries()) {
            n++;
            String name = e.exported() ? "transcript.jsonl"
                    : "chain/" + n + "-" + ZipNames.segment(e.source().fileName(), "transcript.jsonl");
            entries.put(e, name);
            if (!e.exported()) {
                files.put(name, e.source().bytes());
            }
        }
        if (s.playbook().found() && PlaybookText.holdsSecrets(s.playbook().bytes())) {
            files.put("playbook-withheld.txt", utf8("The playbook this session walked is not in this bundle: redaction rules"
                    + " match text in it, and a bundle holds only redacted text.\n\n"
                    + "Pinned in the transcript: " + r.header().playbook().id() + " " + r.header().playbook().version()
                    + ", SHA-256 " + r.header().playbook().sha256() + ".\n"
                    + "Send the playbook file separately, through a channel fit for its secrets, if the reader needs it.\n"));
        } else if (s.playbook().found()) {
            Path name = s.playbook().path().getFileName();
            files.put("playbook/" + ZipNames.segment(name == null ? "" : name.toString(), "playbook.yaml"),
                    s.playbook().bytes());
        } else {
            files.put("playbook-missing.txt", utf8("The playbook this session walked is not in this bundle.\n\n"
                    + "Pinned in the transcript: " + r.header().playbook().id() + " " + r.header().playbook().version()
                    + ", file " + r.header().playbook().file() + ", SHA-256 " + r.header().playbook().sha256() + ".\n"
                    + "At export time: " + s.playbook().message() + ".\n\n"
                    + "Ask for the playbook file whose SHA-256 is the pinned one (sha256sum <file> shows it).\n"));
        }
        files.put("host-facts.json", utf8(json(hostFacts(s, r))));
        files.put("transcript.md", utf8(new MarkdownExporter().render(r)));
        files.put("transcript.html", utf8(new HtmlExporter().render(r)));
        ObjectNode m = manifest(s, r, files);
        if (chain.linked()) {
            m.set("chain", chain(chain, entries));
            if (chain.problem() != null) {
                m.put("chainProblem", chain.problem());
            }
        }
        byte[] manifest = utf8(json(m));
        long time = r.header().startedAt() == null ? 0 : r.header().startedAt().toEpochMilli();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, MANIFEST, manifest, time);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                put(zip, f.getKey(), f.getValue(), time);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] data, long time) throws IOException {
        if (!ZipNames.safe(name)) {
            throw new IllegalStateException("unsafe zip entry name: " + name); // every name is made safe above
        }
        ZipEntry e = new ZipEntry(name);
        e.setTime(time);
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    private static ObjectNode hostFacts(ExportSource s, Report r) {
        ObjectNode root = TranscriptJson.MAPPER.createObjectNode();
        root.put("sessionId", r.header().sessionId());
        root.set("host", TranscriptJson.MAPPER.valueToTree(r.header().host()));
        ArrayNode probes = root.putArray("probes");
        for (SessionEvent e : s.transcript().events()) {
            SessionEvent.ProbeRan p = Events.probeRan(e);
            if (p != null) {
                ObjectNode o = probes.addObject();
                o.put("seq", p.seq());
                o.put("at", String.valueOf(p.at()));
                o.put("node", p.node());
                o.put("probe", p.probe());
                o.set("facts", TranscriptJson.MAPPER.valueToTree(p.facts() == null ? Map.of() : p.facts()));
                o.set("unknown", TranscriptJson.MAPPER.valueToTree(p.unknown() == null ? Map.of() : p.unknown()));
                o.set("evidence", TranscriptJson.MAPPER.valueToTree(p.evidence() == null ? java.util.List.of() : p.evidence()));
                o.put("durationMs", p.durationMs());
                if (p.error() != null) {
                    o.put("error", p.error());
                }
            }
        }
        return root;
    }

    private static ObjectNode manifest(ExportSource s, Report r, Map<String, byte[]> files) {
        ObjectNode root = TranscriptJson.MAPPER.createObjectNode();
        root.put("format", "tshoot-export-bundle");
        root.put("formatVersion", 1);
        root.put("source", s.fileName());
        root.put("sessionId", r.header().sessionId());
        ObjectNode pb = root.putObject("playbook");
        pb.put("id", r.header().playbook().id());
        pb.put("version", r.header().playbook().version());
        pb.put("sha256", r.header().playbook().sha256());
        pb.put("status", s.playbook().status().name());
        pb.put("message", s.playbook().message());
        root.set("integrity", JsonExporter.integrity(s.integrity()));
        ArrayNode list = root.putArray("files");
        files.forEach((name, data) -> {
            ObjectNode f = list.addObject();
            f.put("name", name);
            f.put("size", data.length);
            f.put("sha256", PlaybookLoader.sha256(data));
        });
        return root;
    }

    /**
     * The transcripts of the case, oldest first: each with its entry in the bundle, its session, the
     * link it was resumed by (the earlier session and the hash of its last line), where the next went on,
     * and its integrity.
     */
    private static ArrayNode chain(CaseChain chain, Map<CaseChain.Entry, String> entries) {
        ArrayNode list = TranscriptJson.MAPPER.createArrayNode();
        for (CaseChain.Entry e : chain.entries()) {
            ObjectNode o = list.addObject();
            o.put("entry", entries.get(e));
            o.put("source", e.source().fileName());
            o.put("sessionId", e.source().transcript().header().sessionId());
            var link = e.source().transcript().header().resumes();
            if (link != null) {
                ObjectNode l = o.putObject("resumes");
                l.put("sessionId", link.sessionId());
                l.put("file", link.file());
                l.put("hash", link.hash());
                l.put("node", link.node());
            }
            if (e.wentOnAt() != null) {
                o.put("wentOnAt", e.wentOnAt());
            }
            o.put("exported", e.exported());
            o.set("integrity", JsonExporter.integrity(e.source().integrity()));
        }
        return list;
    }

    private static String json(ObjectNode o) {
        try {
            return TranscriptJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
