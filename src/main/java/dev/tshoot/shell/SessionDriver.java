package dev.tshoot.shell;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;


import dev.tshoot.engine.Session;
import dev.tshoot.engine.SessionException;
import dev.tshoot.playbook.Node;

/**
 * Asks the current session's questions one after another until an outcome is reached or the user
 * pauses. Menus carry two extra entries: back (undo the last answer) and pause (return to the
 * tshoot prompt, where path, why, note, goto and resume work).
 */
public class SessionDriver {

    static final String BACK = "::back";
    static final String PAUSE = "::pause";

    private final Prompter prompter;

    public SessionDriver(Prompter prompter) {
        this.prompter = prompter;
    }

    private Session last;
    private int shown;

    /** Takes over a session rebuilt from a transcript: what it replayed was shown when it was recorded. */
    public void adopt(Session s) {
        last = s;
        shown = s.events().size();
    }

    /** Asks a yes/no question; true for yes (false when input ended). */
    public boolean confirm(String question, String yes, String no) {
        return "yes".equals(prompter.select(question, List.of(new Prompter.Item("yes", yes), new Prompter.Item("no", no))));
    }

    public void drive(Session s, PrintWriter out) {
        if (s != last) {
            last = s;
            shown = 0;
        }
        while (true) {
            int now = s.events().size();
            if (now > shown) {
                SessionView.results(out, s.events().subList(shown, now), s.secrets());
                shown = now;
            }
            Session.State st = s.state();
            if (st == Session.State.AT_OUTCOME) {
                SessionView.outcome(out, s.outcome());
                out.println();
                out.println(Console.dim("Outcome reached. 'path' shows the route, 'why' explains it, 'back' changes the"
                        + " last answer, 'note <text>' adds a note, 'end' closes the session."));
                out.flush();
                return;
            }
            if (st == Session.State.ENDED) {
                return;
            }
            String reply = s.current().accept(new Ask(s, out));
            if (reply == null || PAUSE.equals(reply)) {
                out.println(Console.dim("Paused at '" + s.current().id() + "'. 'resume' continues; 'path', 'why', 'note',"
                        + " 'back', 'goto <node>', 'status' and 'end' work meanwhile. After leaving tshoot (or a"
                        + " one-shot 'tshoot start'), 'tshoot resume' continues it from its transcript."));
                out.flush();
                return;
            }
            try {
                if (BACK.equals(reply)) {
                    s.back();
                } else {
                    s.answer(reply);
                }
            } catch (SessionException e) {
                out.println(Console.yellow(e.getMessage()));
                out.flush();
            }
        }
    }

    /** Shows the node the session waits at and asks for the reply: each node kind asks its own way. */
    private final class Ask implements Node.Visitor<String> {
        private final Session s;
        private final PrintWriter out;

        Ask(Session s, PrintWriter out) {
            this.s = s;
            this.out = out;
        }

        @Override
        public String question(Node.Question q) {
            SessionView.question(out, q);
            return switch (q.answer()) {
                case CHOICE -> prompter.select("Your answer", withNav(s, q.choices().stream()
                        .map(c -> new Prompter.Item(c.value(), c.label())).toList()));
                case YESNO -> prompter.select("Your answer", withNav(s, List.of(new Prompter.Item("yes", "Yes"),
                        new Prompter.Item("no", "No"))));
                case TEXT -> q.pasted() ? pasteReply() : textReply(q);
            };
        }

        /** A session waits at a check only for consent to run its command. */
        @Override
        public String check(Node.Check c) {
            var req = s.pendingCommand();
            SessionView.consent(out, c, req);
            return prompter.select("Run it?", withNav(s, Session.consentOptions(req).stream()
                    .map(o -> new Prompter.Item(o.value(), o.label())).toList()));
        }

        @Override
        public String action(Node.Action a) {
            SessionView.action(out, a);
            return prompter.select("When you have done this", withNav(s, List.of(new Prompter.Item("done", "Done, continue"))));
        }

        /** Outcomes are shown before anything is asked (state AT_OUTCOME), so none reaches here. */
        @Override
        public String outcome(Node.Outcome o) {
            throw new IllegalStateException("the session at outcome '" + o.id() + "' is in state " + s.state());
        }
    }

    private String textReply(Node.Question q) {
        String hint = "Type your answer" + (q.pattern() != null ? " (it must match " + q.pattern() + ")" : "")
                + "; ':back' undoes the last answer, ':pause' returns to the tshoot prompt.";
        String t = prompter.input(Console.dim(hint), q.secret());
        if (t == null) {
            return null;
        }
        return switch (t.strip()) {
            case ":back" -> BACK;
            case ":pause" -> PAUSE;
            default -> t;
        };
    }

    /**
     * A pasted output, read line by line (a terminal with bracketed paste hands over several lines at
     * once): empty lines before the output are skipped, and an empty line after it, or a line
     * {@value SessionView#PASTE_END}, ends it. {@value SessionView#PASTE_END} straight away: nothing to paste.
     */
    private String pasteReply() {
        String hint = "':back' undoes the last answer, ':pause' returns to the tshoot prompt.";
        StringBuilder text = new StringBuilder();
        while (true) {
            String t = prompter.input(text.isEmpty() ? Console.dim(hint) : "", false);
            if (t == null) {
                return text.isEmpty() ? null : text.toString();
            }
            String line = t.strip();
            if (text.isEmpty() && line.equals(":back")) {
                return BACK;
            } else if (text.isEmpty() && line.equals(":pause")) {
                return PAUSE;
            } else if (line.equals(SessionView.PASTE_END) || line.isEmpty() && !text.isEmpty()) {
                return text.toString();
            } else if (!line.isEmpty()) {
                text.append(t.stripTrailing()).append('\n');
            }
        }
    }

    private static List<Prompter.Item> withNav(Session s, List<Prompter.Item> items) {
        List<Prompter.Item> all = new ArrayList<>(items);
        if (!s.route().isEmpty()) {
            all.add(new Prompter.Item(BACK, "\u2190 Back (undo the last answer)"));
        }
        all.add(new Prompter.Item(PAUSE, "\u23f8 Pause (return to the tshoot prompt)"));
        return all;
    }
}
