package dev.tshoot.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tshoot.engine.Session;
import dev.tshoot.engine.SessionException;
import dev.tshoot.testing.Fixtures;

/** Each distinct condition is parsed once, when the playbook is loaded; walks only evaluate what was compiled. */
class ConditionsCompiledOnceTest {

    private static final String YAML = """
            apiVersion: tshoot/v1
            kind: Playbook
            metadata:
              id: twice
              version: 0.1.0
              title: The same condition at two nodes
              description: Two questions branch on the same expression, a third on another.
              sources: [https://example.org/source]
            start: first
            nodes:
              first:
                type: question
                prompt: First?
                answer: text
                next:
                  - when: "answer == 'again'"
                    goto: second
                  - goto: done
              second:
                type: question
                prompt: Second?
                answer: text
                next:
                  - when: "answer == 'again'"
                    goto: third
                  - goto: done
              third:
                type: question
                prompt: Third?
                answer: text
                next:
                  - when: "answers['first'] == 'again' and answer == 'yes'"
                    goto: done
                  - goto: done
              done:
                type: outcome
                result: resolved
                title: Done
                message: Done.
            """;

    private final List<String> compiled = new ArrayList<>();

    private PlaybookParser.Parsed parse() {
        byte[] bytes = YAML.getBytes(StandardCharsets.UTF_8);
        LocatedYaml yaml = LocatedYaml.parse("twice.yaml", bytes, PlaybookLoader.Limits.DEFAULT);
        List<Finding> findings = new ArrayList<>(yaml.findings());
        PlaybookParser.Parsed p = new PlaybookParser(yaml, "twice.yaml", findings, s -> {
            compiled.add(s);
            return Conditions.compile(s);
        }).parse();
        assertThat(findings).isEmpty();
        return p;
    }

    @Test
    void eachDistinctConditionIsCompiledOnceAndSharedByTheTransitionsThatUseIt() {
        PlaybookParser.Parsed p = parse();
        assertThat(compiled).containsExactly("answer == 'again'", "answers['first'] == 'again' and answer == 'yes'");
        Condition first = ((Node.Question) p.nodes().get("first")).next().get(0).condition();
        Condition second = ((Node.Question) p.nodes().get("second")).next().get(0).condition();
        assertThat(first).isSameAs(second).isSameAs(p.conditions().get("answer == 'again'"));
        assertThat(first.source()).isEqualTo("answer == 'again'");
        assertThat(((Node.Question) p.nodes().get("first")).next().get(1).condition()).isNull();
    }

    @Test
    void aLoadedPlaybookHoldsTheCompiledConditionsAndAWalkEvaluatesThemWithoutCompiling() throws SessionException {
        PlaybookLoader.Result r = new PlaybookLoader().load("twice.yaml", YAML.getBytes(StandardCharsets.UTF_8), "twice");
        assertThat(r.findings()).isEmpty();
        Condition c = ((Node.Question) r.playbook().node("first")).next().get(0).condition();
        assertThat(c).isInstanceOf(Conditions.Compiled.class);
        Session s = Fixtures.engine().start("s", r.playbook(), e -> { });
        s.answer("again");
        s.answer("again");
        s.answer("yes");
        assertThat(s.outcome().id()).isEqualTo("done");
        assertThat(s.route()).extracting(step -> step.conditions().get(0).value()).containsExactly(true, true, true);
        assertThat(c.evaluate(Map.of("answer", "again")).value()).isTrue();
    }

    @Test
    void lintFactsComeFromTheOneParse() {
        Conditions.Compiled c = Conditions.compile("answers['first'] == 'x' and lscpu.stdout matches 'y'");
        assertThat(c.syntaxError()).isNull();
        assertThat(c.answerReferences()).containsExactly("first");
        assertThat(c.rootNames()).containsExactly("answers", "lscpu");
        Conditions.Compiled broken = Conditions.compile("answers['first'] ==");
        assertThat(broken.syntaxError()).isEqualTo("Problem parsing right operand (at character 17)");
        assertThat(broken.evaluate(Map.of())).isEqualTo(new Condition.Evaluation(false,
                "Expression [answers['first'] ==] @17: EL1042E: Problem parsing right operand"));
        assertThat(Conditions.compile(" ").syntaxError()).isEqualTo("the condition is empty");
        assertThat(Conditions.compile("'a'.toUpperCase() == 'A'").syntaxError())
                .isEqualTo("calling a method (toUpperCase(...)) is not allowed: conditions only read answers, facts and registers");
    }
}
