package dev.tshoot.handoff;

/** An upload that did not complete: what went wrong and what to do next; the bundle is untouched. */
public final class SendFailure extends Exception {

    private final String advice;

    public SendFailure(String message, String advice) {
        super(message, null, false, false);
        this.advice = advice;
    }

    public String advice() {
        return advice;
    }
}
