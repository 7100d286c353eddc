package dev.tshoot.engine;

import java.util.Locale;

import dev.tshoot.playbook.Node;
import dev.tshoot.playbook.Suggest;

/** How typed answers are read: choices by value, label or number; yes/no; "done" for actions. */
final class Answers {

    private Answers() {}

    static boolean isDone(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return t.equals("done") || t.equals("d") || t.equals("ok") || t.equals("yes") || t.equals("y")
                || t.equals("continue") || t.equals("c");
    }

    static Boolean parseYesNo(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1" -> { return true; }
            case "no", "n", "false", "2" -> { return false; }
            default -> { return null; }
        }
    }

    static Node.Choice matchChoice(Node.Question q, String text) throws SessionException {
        for (Node.Choice c : q.choices()) {
            if (c.value().equals(text)) {
                return c;
            }
        }
        for (Node.Choice c : q.choices()) {
            if (c.value().equalsIgnoreCase(text) || c.label().equalsIgnoreCase(text)) {
                return c;
            }
        }
        if (text.matches("\\d{1,4}")) {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= q.choices().size()) {
                return q.choices().get(n - 1);
            }
        }
        StringBuilder sb = new StringBuilder("'" + text + "' is not a choice for \"" + q.prompt() + "\".");
        sb.append(Suggest.didYouMean(text, q.choices().stream().map(Node.Choice::value).toList()));
        sb.append(" Expected one of: ");
        for (int i = 0; i < q.choices().size(); i++) {
            Node.Choice c = q.choices().get(i);
            sb.append(i == 0 ? "" : ", ").append(c.value()).append(" (").append(c.label()).append(')');
        }
        throw new SessionException(sb.append('.').toString());
    }
}
