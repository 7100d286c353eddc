package dev.tshoot.transcript.redact;

/** A text that stops a runaway match: charAt throws once the deadline has passed. */
final class RuleDeadline implements CharSequence {

    static final class Exceeded extends RuntimeException {
        Exceeded() {
            super(null, null, false, false);
        }
    }

    private final String text;
    private final long deadline;
    private int calls;

    RuleDeadline(String text, long deadline) {
        this.text = text;
        this.deadline = deadline;
    }

    @Override
    public char charAt(int index) {
        if ((++calls & 0x3FFF) == 0 && System.nanoTime() - deadline > 0) {
            throw new Exceeded();
        }
        return text.charAt(index);
    }

    @Override
    public int length() { return text.length(); }

    @Override
    public CharSequence subSequence(int start, int end) { return text.subSequence(start, end); }

    @Override
    public String toString() { return text; }
}
