package dev.tshoot.transcript.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture transcript exported to md, html, json and cast, compared with the committed files in
 * {@code src/test/resources/golden/export/} (line ends normalised). {@code -Dgolden.update=true}
 * writes them anew; review the diff before committing.
 */
class GoldenExportTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden/export");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String name : ExportFixtures.NAMES) {
            for (ExportFormat f : List.of(ExportFormat.MD, ExportFormat.HTML, ExportFormat.JSON, ExportFormat.CAST)) {
                out.add(Arguments.of(name, f));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("cases")
    void matchesGolden(String name, ExportFormat format) throws Exception {
        ExportSource source = ExportSource.load(ExportFixtures.file(name), null);
        String actual = normalise(new String(new Exporter().export(source, format), StandardCharsets.UTF_8));
        Path golden = GOLDEN.resolve(name + "." + format.id());
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(golden).as("golden file %s is missing: run mvn test -Dtest=GoldenExportTest -Dgolden.update=true", golden)
                .exists();
        assertThat(actual).as("%s differs from %s (after checking the change, rewrite with -Dgolden.update=true)",
                format.id(), golden).isEqualTo(normalise(Files.readString(golden, StandardCharsets.UTF_8)));
    }

    static String normalise(String s) {
        return s.replace("\r\n", "\n");
    }

    static String read(Path p) throws IOException {
        return normalise(Files.readString(p, StandardCharsets.UTF_8));
    }
}
