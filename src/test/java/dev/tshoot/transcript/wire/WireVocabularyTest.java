package dev.tshoot.transcript.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.tshoot.playbook.Node;
import dev.tshoot.playbook.Nodes;

/**
 * The wire format's vocabularies that mirror the model must name exactly what the model has: a new
 * node kind or outcome result that the wire format does not know would be refused when its own
 * transcript is read back, so this fails first (the wire package itself does not depend on the model).
 */
class WireVocabularyTest {

    @Test
    void everyNodeKindHasAWireNameAndNoMore() {
        assertThat(Arrays.stream(NodeType.values()).map(NodeType::wire).toList())
                .containsExactlyElementsOf(Nodes.Kind.yamlNames());
    }

    @Test
    void everyOutcomeResultHasAWireNameAndNoMore() {
        assertThat(Arrays.stream(OutcomeResult.values()).map(OutcomeResult::wire).toList())
                .containsExactlyElementsOf(Arrays.stream(Node.Result.values()).map(Node.Result::yamlName).toList());
    }
}
