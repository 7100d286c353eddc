package dev.tshoot.shell;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Settings for a test: property name to value, nothing else. */
final class Props implements Function<String, String> {

    private final Map<String, String> values = new HashMap<>();

    Props withProperty(String key, String value) {
        values.put(key, value);
        return this;
    }

    @Override
    public String apply(String key) {
        return values.get(key);
    }
}
