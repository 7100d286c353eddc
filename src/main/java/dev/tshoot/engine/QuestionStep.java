package dev.tshoot.engine;

import java.util.List;
import java.util.Map;

import dev.tshoot.playbook.Node;
import dev.tshoot.playbook.SafeRegex;

/** A question: shows its prompt, then reads a choice, yes/no or text answer and follows it. */
final class QuestionStep implements NodeStep {

    private final Node.Question q;

    QuestionStep(Node.Question q) {
        this.q = q;
    }

    @Override
    public String enter(Walk w) {
        w.state = Session.State.WAITING_FOR_ANSWER;
        List<SessionEvent.Option> options = switch (q.answer()) {
            case CHOICE -> q.choices().stream().map(ch -> new SessionEvent.Option(ch.value(), ch.label())).toList();
            case YESNO -> List.of(new SessionEvent.Option("yes", "Yes"), new SessionEvent.Option("no", "No"));
            case TEXT -> List.of();
        };
        w.emit(new SessionEvent.PromptShown(w.nextSeq(), w.now(), q.id(), q.answer().yamlName(), q.prompt(), q.help(),
                options, null, null, null));
        return null;
    }

    @Override
    public Next answer(Walk w, String text) throws SessionException {
        return switch (q.answer()) {
            case CHOICE -> choice(w, text);
            case YESNO -> yesNo(w, text);
            case TEXT -> text(w, text);
        };
    }

    @Override
    public String expected() {
        return switch (q.answer()) {
            case CHOICE -> "one of " + String.join(", ", q.choices().stream().map(Node.Choice::value).toList());
            case YESNO -> "yes or no";
            case TEXT -> q.pasted() ? "a command's output, pasted (or nothing, if there is none)"
                    : "any text" + (q.pattern() != null ? " matching " + q.pattern() : "");
        };
    }

    private Next choice(Walk w, String text) throws SessionException {
        Node.Choice c = Answers.matchChoice(q, text);
        w.record(q, "choice", c.value(), c.label(), false);
        w.step(q, "answer", c.value(), c.label(), List.of(), c.target());
        w.answers.put(q.id(), c.value());
        return new Next(c.target(), "answer");
    }

    private Next yesNo(Walk w, String text) throws SessionException {
        Boolean yes = Answers.parseYesNo(text);
        if (yes == null) {
            throw new SessionException("'" + text + "' is not an answer to \"" + q.prompt() + "\". Expected yes or no.");
        }
        String v = yes ? "yes" : "no";
        String target = yes ? q.yes() : q.no();
        w.record(q, "yesno", v, yes ? "Yes" : "No", false);
        w.step(q, "answer", v, yes ? "Yes" : "No", List.of(), target);
        w.answers.put(q.id(), yes);
        return new Next(target, "answer");
    }

    /**
     * Whether the whole answer matches the question's pattern, on the linear-time engine. Lint refuses
     * a pattern the engine does not take; a playbook loaded without lint that has one gets an error
     * naming the pattern, not a hang and not a stack trace.
     */
    private boolean fits(String text) throws SessionException {
        try {
            return SafeRegex.compile(q.pattern()).matches(text);
        } catch (SafeRegex.InvalidPattern e) {
            throw new SessionException("The pattern " + q.pattern() + " of \"" + q.prompt() + "\" cannot be used: "
                    + e.problem().describe() + ". Ask the playbook's author to fix it (tshoot playbook lint).");
        }
    }

    /**
     * A pasted command output: kept under the question's register exactly as a check would keep the
     * command's result (status {@code exited}, exit code 0, the text as stdout), with {@code pasted}
     * true, so the conditions after it branch as if tshoot had run the command. An empty paste (the
     * user has no output) keeps nothing: the conditions then go on as for a command not run.
     */
    private Next paste(Walk w, String text) {
        String output = text.strip().isEmpty() ? "" : text;
        w.record(q, "text", output, output.isEmpty() ? "nothing pasted" : "pasted output, not measured by tshoot",
                false, output.isEmpty() ? null : q.paste());
        RouteStep.Snapshot before = w.snapshot();
        w.answers.put(q.id(), output);
        if (!output.isEmpty()) {
            w.registers.put(q.paste(), pastedRegister(output));
        }
        Map<String, Object> data = w.data(output);
        Walk.Transitioned t = w.choose(q, q.next(), data);
        w.route.add(new RouteStep(q.id(), q.type(), q.headline(), "answer", output.isEmpty() ? "(nothing pasted)"
                : "(pasted, " + lines(output) + ")", null, t.results(), t.target(), before));
        return new Next(t.target(), "answer");
    }

    private static String lines(String output) {
        long n = output.lines().count();
        return n + (n == 1 ? " line" : " lines");
    }

    /** The register of a pasted output: the keys of {@link Diagnostics.CommandData#asRegister}, plus {@code pasted}. */
    static Map<String, Object> pastedRegister(String output) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(Diagnostics.CommandData.pasted(output).asRegister());
        m.put("pasted", true);
        return java.util.Collections.unmodifiableMap(m);
    }

    private Next text(Walk w, String text) throws SessionException {
        if (q.pasted()) {
            return paste(w, text);
        }
        if (text.isEmpty()) {
            throw new SessionException("An empty answer does not fit \"" + q.prompt() + "\". Type your answer"
                    + (q.pattern() != null ? " (it must match " + q.pattern() + ")" : "") + ".");
        }
        if (q.pattern() != null && !fits(text)) {
            throw new SessionException("'" + (q.secret() ? "(hidden)" : text) + "' does not fit \"" + q.prompt()
                    + "\": it must match the pattern " + q.pattern() + ".");
        }
        if (q.secret()) {
            w.secret(text);
        }
        w.record(q, "text", text, null, q.secret());
        RouteStep.Snapshot before = w.snapshot();
        w.answers.put(q.id(), text);
        Map<String, Object> data = w.data(text);
        Walk.Transitioned t = w.choose(q, q.next(), data);
        w.route.add(new RouteStep(q.id(), q.type(), q.headline(), "answer", q.secret() ? "(hidden)" : text, null,
                t.results(), t.target(), before));
        return new Next(t.target(), "answer");
    }
}
