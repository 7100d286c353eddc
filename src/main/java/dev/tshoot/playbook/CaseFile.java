package dev.tshoot.playbook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A playbook test case: answers, probe facts and command results to feed the engine, and the path
 * and outcome to expect. Nothing touches the host. Format in playbooks/README.md ("Playbook tests").
 */
public record CaseFile(String file, String name, String playbook, String os, String consent,
        Map<String, List<String>> answers, Map<String, List<Map<String, Object>>> probes,
        Map<String, List<CommandResult>> commands, List<String> path, List<String> through, String outcome,
        List<Finding> findings) {

    /** A scripted command result; {@code status} defaults to exited. */
    public record CommandResult(String status, Integer exitCode, String stdout, String stderr, boolean timedOut) {}

    private static final ObjectMapper PLAIN = new ObjectMapper();

    /** The most a {@code stdoutFile} may hold (it stands for a command's captured output). */
    public static final int MAX_STDOUT_FILE_BYTES = 16 * 1024 * 1024;

    public boolean ok() { return findings.isEmpty(); }

    public static CaseFile read(Path file) {
        String name = file.toString();
        List<Finding> findings = new ArrayList<>();
        byte[] bytes;
        try {
            bytes = BoundedFiles.read(file, LocatedYaml.MAX_BYTES, "case file");
        } catch (IOException e) {
            findings.add(new Finding(Finding.Severity.ERROR, "unreadable", name, 0, 0, "",
                    "the case file could not be read: " + e.getMessage(), "check the path"));
            return empty(name, findings);
        }
        LocatedYaml y = LocatedYaml.parse(name, bytes);
        findings.addAll(y.findings());
        if (y.fatal()) {
            return empty(name, findings);
        }
        JsonNode root = y.root();
        if (!root.isObject()) {
            findings.add(new Finding(Finding.Severity.ERROR, "wrong-type", name, 1, 1, "",
                    "a case file must be a mapping with answers and expect", "see 'Playbook tests' in playbooks/README.md"));
            return empty(name, findings);
        }
        Set<String> allowed = Set.of("name", "playbook", "os", "consent", "answers", "probes", "commands", "expect");
        root.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                SourceLocation l = y.keyAt("/" + LocatedYaml.seg(f));
                findings.add(new Finding(Finding.Severity.ERROR, "unknown-field", name, l.line(), l.column(), f,
                        "unknown field '" + f + "'." + Suggest.didYouMean(f, allowed), "allowed: " + String.join(", ", new java.util.TreeSet<>(allowed))));
            }
        });
        String caseName = root.path("name").asText(file.getFileName().toString());
        String os = root.path("os").asText(OsFamily.LINUX.id());
        if (OsFamily.fromName(os).isEmpty()) {
            bad(findings, y, name, "/os", "os '" + os + "' is not one of " + String.join(", ", OsFamily.names()),
                    "set the OS the case pretends to run on");
        }
        String consent = root.has("consent") ? scalar(root.path("consent")) : "yes";
        if (!Set.of("yes", "no", "dry-run").contains(consent)) {
            bad(findings, y, name, "/consent", "consent '" + consent + "' is not one of yes, no, dry-run",
                    "say how commands are answered in this case");
        }
        Map<String, List<String>> answers = new LinkedHashMap<>();
        root.path("answers").fields().forEachRemaining(e -> {
            List<String> vs = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> vs.add(scalar(v)));
            } else {
                vs.add(scalar(e.getValue()));
            }
            answers.put(e.getKey(), vs);
        });
        Map<String, List<Map<String, Object>>> probes = new LinkedHashMap<>();
        root.path("probes").fields().forEachRemaining(e -> {
            List<Map<String, Object>> list = new ArrayList<>();
            for (JsonNode n : e.getValue().isArray() ? e.getValue() : List.of(e.getValue())) {
                if (!n.isObject()) {
                    bad(findings, y, name, "/probes/" + LocatedYaml.seg(e.getKey()), "probe facts must be a mapping of fact to value",
                            "write e.g. virtualization: {isVirtualMachine: true, hypervisor: vmware}");
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> m = PLAIN.convertValue(n, LinkedHashMap.class);
                list.add(m);
            }
            probes.put(e.getKey(), list);
        });
        Map<String, List<CommandResult>> commands = new LinkedHashMap<>();
        root.path("commands").fields().forEachRemaining(e -> {
            List<CommandResult> list = new ArrayList<>();
            int i = 0;
            for (JsonNode n : e.getValue().isArray() ? e.getValue() : List.of(e.getValue())) {
                String ptr = "/commands/" + LocatedYaml.seg(e.getKey()) + (e.getValue().isArray() ? "/" + i : "");
                i++;
                String stdout = n.path("stdout").asText("");
                if (n.has("stdoutFile")) {
                    try {
                        Path f = BoundedFiles.inside(file.toAbsolutePath().getParent(), n.path("stdoutFile").asText(),
                                "stdoutFile");
                        stdout = new String(BoundedFiles.read(f, MAX_STDOUT_FILE_BYTES, "stdoutFile"),
                                StandardCharsets.UTF_8);
                    } catch (IOException ex) {
                        bad(findings, y, name, ptr + "/stdoutFile", ex.getMessage(),
                                "give a regular file in the case file's folder or below it, at most "
                                        + MAX_STDOUT_FILE_BYTES / (1024 * 1024) + " MiB");
                    }
                }
                Integer exit = n.has("exitCode") ? n.path("exitCode").asInt() : null;
                String status = n.path("status").asText("exited");
                if (!Set.of("exited", "timed_out", "not_found", "failed_to_start").contains(status)) {
                    bad(findings, y, name, ptr + "/status", "status '" + status + "' is not one of exited, timed_out,"
                            + " not_found, failed_to_start", "use one of those");
                }
                if ("exited".equals(status) && exit == null) {
                    exit = 0;
                }
                list.add(new CommandResult(status, exit, stdout, n.path("stderr").asText(""), "timed_out".equals(status)));
            }
            commands.put(e.getKey(), list);
        });
        JsonNode expect = root.path("expect");
        List<String> path = strings(expect.path("path"));
        List<String> through = strings(expect.path("through"));
        String outcome = expect.path("outcome").asText(null);
        if (outcome == null) {
            SourceLocation l = y.at("");
            findings.add(new Finding(Finding.Severity.ERROR, "missing-field", name, Math.max(l.line(), 1), 1, "expect.outcome",
                    "the case does not say which outcome to expect", "add expect: {outcome: <outcome node id>}"));
        }
        return new CaseFile(name, caseName, root.path("playbook").asText(null), os, consent, answers, probes, commands,
                path, through, outcome, findings);
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static String scalar(JsonNode n) {
        return n.isBoolean() ? (n.asBoolean() ? "yes" : "no") : n.asText();
    }

    private static void bad(List<Finding> findings, LocatedYaml y, String name, String ptr, String message, String hint) {
        SourceLocation l = y.at(ptr);
        findings.add(new Finding(Finding.Severity.ERROR, "bad-value", name, l.line(), l.column(),
                LocatedYaml.display(ptr), message, hint));
    }

    private static CaseFile empty(String name, List<Finding> findings) {
        return new CaseFile(name, name, null, OsFamily.LINUX.id(), "yes", Map.of(), Map.of(), Map.of(), List.of(), List.of(), null,
                findings);
    }
}
