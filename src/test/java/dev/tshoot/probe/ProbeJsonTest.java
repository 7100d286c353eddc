package dev.tshoot.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tshoot.testing.FixtureHostReader;

class ProbeJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void rendersFactsUnknownEvidenceVerdictsAndDuration() throws Exception {
        VirtualizationProbe probe = new VirtualizationProbe();
        ProbeResult r = ProbeRunner.run(probe, FixtureHostReader.load("001_vmware_esxi_linux_no_nested.yaml"));

        JsonNode tree = JSON.readTree(ProbeJson.compact().toJson(r, probe.verdicts(r)));

        assertThat(tree.get("probe").asText()).isEqualTo("virtualization");
        assertThat(tree.at("/facts/hypervisor").asText()).isEqualTo("vmware");
        assertThat(tree.at("/facts/isVirtualMachine").isBoolean()).isTrue();
        assertThat(tree.at("/facts/kvm/present").asBoolean()).isFalse();
        assertThat(tree.at("/evidence/0/weight").asText()).isEqualTo("strong");
        assertThat(tree.at("/verdicts/0/level").asText()).isEqualTo("WARN");
        assertThat(tree.has("durationMs")).isTrue();
        assertThat(JSON.readTree(ProbeJson.compact().toJson(r)).has("verdicts")).isFalse();
    }

    @Test
    void errorJsonIsValidWhateverTheMessageContains() throws Exception {
        String json = ProbeJson.error("x\"y", "line1\nline2 \"quoted\" \\ \u0001 ünïcode");

        JsonNode tree = JSON.readTree(json);
        assertThat(tree.get("probe").asText()).isEqualTo("x\"y");
        assertThat(tree.get("error").asText()).contains("\"quoted\"").contains("\n");
        assertThat(JSON.readTree(ProbeJson.error(null, null)).get("error").asText()).isEqualTo("unknown error");
    }

    @Test
    void cyclicOrDeepFactsAreCutOffAndStillValidJson() throws Exception {
        Map<String, Object> selfRef = new LinkedHashMap<>();
        selfRef.put("me", selfRef);
        ProbeResult cyclic = new ProbeResult("loop", Map.of("self", selfRef), List.of(), Map.of(), 0);

        JsonNode tree = JSON.readTree(ProbeJson.compact().toJson(cyclic));

        assertThat(tree.get("probe").asText()).isEqualTo("loop");
        assertThat(tree.toString()).contains(PlainValues.TOO_DEEP);
        assertThat(PlainValues.isPlain(cyclic.facts())).isFalse();
    }

    @Test
    void noResultGivesAnErrorObject() throws Exception {
        JsonNode tree = JSON.readTree(ProbeJson.compact().toJson((ProbeResult) null));
        assertThat(tree.get("error").asText()).isEqualTo("no result");
    }

    @Test
    void listRenderingIsAnArray() throws Exception {
        ProbeResult good = new ProbeResult("good", Map.of("a", true), List.of(), Map.of(), 1);
        ProbeResult other = new ProbeResult("other", Map.of("n", 2L), List.of(), Map.of("x", "why"), 1);

        JsonNode tree = JSON.readTree(ProbeJson.pretty().toJson(List.of(good, other)));

        assertThat(tree.isArray()).isTrue();
        assertThat(tree.get(0).at("/facts/a").asBoolean()).isTrue();
        assertThat(tree.get(1).at("/unknown/x").asText()).isEqualTo("why");
    }
}
