package dev.tshoot.app;

import java.util.List;

import dev.tshoot.playbook.SymptomMatcher;

/**
 * {@code match --json}: the result as one JSON object for ticket tooling, valid JSON whatever the
 * outcome (the shape is in docs/playbook-format.md, "match --json"). Every character outside
 * printable ASCII is written as a {@code \\uXXXX} escape, so the output is safe on a terminal too.
 */
public final class MatchJson {

    /** The {@code schema} value; changes when the shape does. */
    public static final String SCHEMA = "tshoot.match/1";

    private MatchJson() {}

    public static String render(MatchSymptoms.Result r) {
        return r.accept(new MatchSymptoms.Result.Visitor<String>() {
            @Override
            public String refused(MatchSymptoms.Refused x) {
                return head(false) + "\"candidates\":[],\"closest\":[],\"diagnostic\":null,\"error\":" + str(x.message()) + "}";
            }

            @Override
            public String noMatch(MatchSymptoms.NoMatch n) {
                StringBuilder b = new StringBuilder(head(false)).append("\"candidates\":[],\"closest\":[");
                for (int i = 0; i < n.closest().size(); i++) {
                    SymptomMatcher.Near c = n.closest().get(i);
                    b.append(i == 0 ? "" : ",").append("{\"playbook\":").append(str(c.playbook().id()))
                            .append(",\"node\":").append(str(c.node())).append(",\"symptom\":").append(str(c.symptom()))
                            .append(",\"description\":").append(str(c.description())).append(",\"sharedWords\":[");
                    for (int j = 0; j < c.shared().size(); j++) {
                        b.append(j == 0 ? "" : ",").append(str(c.shared().get(j)));
                    }
                    b.append("]}");
                }
                return b.append("],\"diagnostic\":").append(diagnostic(n.diagnostic())).append(",\"error\":null}").toString();
            }

            @Override
            public String found(MatchSymptoms.Found f) {
                StringBuilder b = new StringBuilder(head(true)).append("\"candidates\":[");
                List<SymptomMatcher.Candidate> cs = f.candidates();
                for (int i = 0; i < cs.size(); i++) {
                    SymptomMatcher.Candidate c = cs.get(i);
                    b.append(i == 0 ? "" : ",").append("{\"rank\":").append(i + 1).append(",\"playbook\":")
                            .append(str(c.playbook().id())).append(",\"node\":").append(str(c.node()))
                            .append(",\"score\":").append(c.score()).append(",\"symptoms\":[");
                    for (int j = 0; j < c.hits().size(); j++) {
                        SymptomMatcher.Hit h = c.hits().get(j);
                        b.append(j == 0 ? "" : ",").append("{\"id\":").append(str(h.symptom())).append(",\"description\":")
                                .append(str(h.description())).append(",\"matched\":").append(str(MatchSymptoms.shorten(h.matched())))
                                .append("}");
                    }
                    b.append("]}");
                }
                return b.append("],\"closest\":[],\"diagnostic\":null,\"error\":null}").toString();
            }
        });
    }

    /** A recognised diagnostic output as JSON; {@code null} when there is none. */
    private static String diagnostic(MatchSymptoms.Diagnostic d) {
        if (d == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("{\"command\":").append(str(d.command())).append(",\"playbook\":")
                .append(str(d.playbook())).append(",\"pasteNode\":").append(str(d.pasteNode())).append(",\"reached\":")
                .append(str(d.reached())).append(",\"facts\":{");
        int i = 0;
        for (java.util.Map.Entry<String, String> e : d.facts().entrySet()) {
            b.append(i++ == 0 ? "" : ",").append(str(e.getKey())).append(':').append(str(e.getValue()));
        }
        return b.append("}}").toString();
    }

    private static String head(boolean matched) {
        return "{\"schema\":\"" + SCHEMA + "\",\"matched\":" + matched + ",";
    }

    /** A JSON string; null as {@code null}. */
    static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                b.append(c);
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.append('"').toString();
    }
}
