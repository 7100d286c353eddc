package dev.tshoot.transcript.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What became of a command ({@code status} of {@code command-ran}): the first four say how a run ended, the last three why there was none. */
public enum CommandStatus implements WireValue {
    EXITED("exited"),
    TIMED_OUT("timed_out"),
    NOT_FOUND("not_found"),
    FAILED_TO_START("failed_to_start"),
    DECLINED("declined"),
    DRY_RUN("dry_run"),
    NOT_APPLICABLE("not_applicable");

    private final String wire;

    CommandStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    /** The constant written as {@code name}; an unknown name is refused with the names this version knows. */
    @JsonCreator
    public static CommandStatus fromWire(String name) {
        return WireValue.find(values(), name, "command status");
    }
}
