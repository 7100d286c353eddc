package dev.tshoot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.transcript.TranscriptHeader;
import dev.tshoot.transcript.TranscriptVerifier;

/**
 * Registered for every test (src/test/resources/META-INF/services, with extension autodetection
 * on): after each test, every intact version-2 transcript left in the test's {@code @TempDir}
 * fields is checked against the published schema ({@link TranscriptSchema}). "Intact" is what
 * {@code transcript verify} reports OK: a file a test altered on purpose fails its hash chain, and
 * a torn one has an incomplete last line; both are left alone. Tests that seal deliberately malformed lines opt
 * out with {@link WritesMalformedTranscripts}.
 */
public final class TranscriptSchemaCheck implements AfterEachCallback, AfterAllCallback {

    /** Marks a test class whose temporary transcripts are malformed on purpose (with a valid hash chain). */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    public @interface WritesMalformedTranscripts {}

    private static final String V2 = "\"formatVersion\":" + TranscriptHeader.FORMAT_VERSION + ",";

    @Override
    public void afterEach(ExtensionContext context) {
        context.getTestInstance().ifPresent(i -> check(i.getClass(), i));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        context.getTestClass().ifPresent(c -> check(c, null));
    }

    private static void check(Class<?> type, Object instance) {
        if (type.isAnnotationPresent(WritesMalformedTranscripts.class)) {
            return;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!f.isAnnotationPresent(TempDir.class) || (instance == null) != Modifier.isStatic(f.getModifiers())
                        || f.getType() != Path.class) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    Path dir = (Path) f.get(instance);
                    if (dir != null && Files.isDirectory(dir)) {
                        checkAll(dir);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Checks every intact version-2 transcript under {@code dir}; returns how many were checked. */
    public static int checkAll(Path dir) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".jsonl") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int checked = 0;
        for (Path p : files) {
            if (isIntactV2(p)) {
                TranscriptSchema.assertValid(p);
                checked++;
            }
        }
        return checked;
    }

    private static boolean isIntactV2(Path p) {
        List<String> first = new ArrayList<>();
        try (Stream<String> lines = Files.lines(p, StandardCharsets.UTF_8)) {
            lines.limit(1).forEach(first::add);
        } catch (IOException | UncheckedIOException e) {
            return false; // not text: not a transcript this check is about
        }
        return !first.isEmpty() && first.get(0).contains(V2)
                && new TranscriptVerifier().verify(p).status() == TranscriptVerifier.Status.OK;
    }
}
