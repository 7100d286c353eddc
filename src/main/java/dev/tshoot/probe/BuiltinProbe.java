package dev.tshoot.probe;

import java.util.List;

/** A probe shipped with tshoot: its name, its {@code probe list} line and its fact names, given once. */
abstract class BuiltinProbe implements Probe {

    private final String name;
    private final String description;
    private final List<String> factNames;

    BuiltinProbe(String name, String description, List<String> factNames) {
        this.name = name;
        this.description = description;
        this.factNames = List.copyOf(factNames);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<String> factNames() {
        return factNames;
    }
}
