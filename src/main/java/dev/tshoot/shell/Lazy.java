package dev.tshoot.shell;

import java.util.function.Supplier;

/** A value made on first use and kept: one-shot commands build only what they touch. */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> make;
    private T value;

    private Lazy(Supplier<T> make) {
        this.make = make;
    }

    public static <T> Lazy<T> of(Supplier<T> make) {
        return new Lazy<>(make);
    }

    /** True once the value has been made. */
    public synchronized boolean made() {
        return value != null;
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = make.get();
        }
        return value;
    }
}
