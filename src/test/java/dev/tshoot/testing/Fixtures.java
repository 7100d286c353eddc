package dev.tshoot.testing;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tshoot.engine.SessionEngine;
import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookLoader;

/** Loads numbered test fixtures and builds deterministic engines. */
public final class Fixtures {
    private Fixtures() {}

    public static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no test resource " + name, e);
        }
    }

    /** A valid playbook from src/test/resources/playbooks/valid (fails the test when it is not valid). */
    public static Playbook playbook(String file) {
        PlaybookLoader.Result r = new PlaybookLoader().load(file, readBytes(resource("playbooks/valid/" + file)), null);
        if (!r.valid()) {
            throw new AssertionError("fixture " + file + " is invalid: " + r.findings());
        }
        return r.playbook();
    }

    public static byte[] readBytes(Path p) {
        try {
            return java.nio.file.Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An engine with a one-second-per-event clock and ids s0001, s0002, ... */
    public static SessionEngine engine() {
        AtomicInteger n = new AtomicInteger();
        return new SessionEngine(new TestClock(), () -> String.format("s%04d", n.incrementAndGet()));
    }
}
