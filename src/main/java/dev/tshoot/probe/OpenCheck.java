package dev.tshoot.probe;

/**
 * Whether a path (typically the device {@code /dev/kvm}) could really be opened for reading and
 * writing, and why not. Existence alone proves little: a device node can exist and still refuse
 * the current user, or exist without a driver behind it.
 */
public record OpenCheck(boolean openable, String reason) {

    public static OpenCheck ok() {
        return new OpenCheck(true, "opened read-write");
    }

    public static OpenCheck refused(String reason) {
        return new OpenCheck(false, reason == null || reason.isBlank() ? "could not be opened" : reason);
    }
}
