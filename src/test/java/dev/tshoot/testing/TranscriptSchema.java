package dev.tshoot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import dev.tshoot.transcript.TranscriptJson;

/**
 * Checks transcript lines against the published schema, {@code docs/transcript-line.schema.json}.
 * Every test that writes a version-2 transcript can call {@link #assertValid(Path)} on it.
 */
public final class TranscriptSchema {

    public static final Path FILE = Path.of("docs/transcript-line.schema.json");

    private static final JsonSchema SCHEMA = load();

    private TranscriptSchema() {}

    private static JsonSchema load() {
        try {
            JsonNode n = TranscriptJson.MAPPER.readTree(Files.readString(FILE));
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's complaints about one line, sorted; empty when it conforms. */
    public static Set<String> problems(String line) {
        JsonNode n;
        try {
            n = TranscriptJson.MAPPER.readTree(line);
        } catch (IOException e) {
            return Set.of("not JSON: " + e.getMessage());
        }
        Set<String> out = new TreeSet<>();
        for (ValidationMessage m : SCHEMA.validate(n)) {
            out.add(m.getMessage());
        }
        return out;
    }

    /** Asserts that every line of {@code file} conforms; returns the number of lines checked. */
    public static int assertValid(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Set<String> p = problems(lines.get(i));
            if (!p.isEmpty()) {
                bad.add(file.getFileName() + " line " + (i + 1) + ": " + p);
            }
        }
        assertThat(bad).as("lines of %s that do not match %s", file, FILE).isEmpty();
        assertThat(lines).as("lines in %s", file).isNotEmpty();
        return lines.size();
    }
}
