package dev.tshoot.transcript.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tshoot.testing.GoldenFiles;

/**
 * Every fixture transcript exported to md, html, json and cast, compared with the committed files in
 * {@code src/test/resources/golden/export/} (line ends normalised).
 *
 * <p>In the HTML, the page's own inlined style and script are compared by their SHA-256, not byte
 * for byte: the golden file holds a placeholder naming the bundled asset and its hash (see
 * {@link #withAssetPlaceholders}), so a diff of a golden page shows what the export says, and a
 * changed asset still fails the comparison (by its hash).
 *
 * <p>{@code mvn test -Dtest=GoldenExportTest -Dgolden.update=true} writes the golden files anew and
 * then fails on purpose; it refuses to write under {@code CI=true} ({@link GoldenFiles}). Review the
 * diff, commit it, and run again without the switch.
 */
class GoldenExportTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden/export");
    static final GoldenFiles UPDATE = new GoldenFiles("golden.update",
            "mvn test -Dtest=GoldenExportTest -Dgolden.update=true");

    /** The assets HtmlExporter inlines, by the element that holds each. */
    static final String STYLE_ASSET = "export/transcript.css";
    static final String SCRIPT_ASSET = "export/transcript.js";

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
        ExportSource source = ExportSource.load(ExportFixtures.file(name), ExportFixtures.PLAYBOOKS);
        String actual = comparable(format, new String(new Exporter().export(source, format), StandardCharsets.UTF_8));
        Path golden = GOLDEN.resolve(name + "." + format.id());
        if (UPDATE.updating()) {
            UPDATE.writeAndFail(golden, actual.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(golden).as("golden file %s is missing: run mvn test -Dtest=GoldenExportTest -Dgolden.update=true", golden)
                .exists();
        assertThat(actual).as("%s differs from %s (after checking the change, rewrite with -Dgolden.update=true)",
                format.id(), golden).isEqualTo(read(golden));
    }

    @Test
    void theAssetPlaceholdersNameTheBundledAssetsByHashAndCatchAChange() {
        String css = normalise(resource(STYLE_ASSET));
        String js = normalise(resource(SCRIPT_ASSET));
        String page = "<head><style>" + css + "</style></head><body><p>text</p><script>" + js + "</script></body>";
        assertThat(withAssetPlaceholders(page)).isEqualTo("<head><style>/* inlined export/transcript.css, sha256 "
                + sha256Hex(css) + ", " + css.getBytes(StandardCharsets.UTF_8).length + " bytes */</style></head><body><p>text</p>"
                + "<script>/* inlined export/transcript.js, sha256 " + sha256Hex(js) + ", "
                + js.getBytes(StandardCharsets.UTF_8).length + " bytes */</script></body>");
        String changed = page.replace("</style>", "p { color: red; }</style>");
        assertThat(withAssetPlaceholders(changed)).as("a changed style is caught")
                .isNotEqualTo(withAssetPlaceholders(page))
                .contains("<style>/* NOT the bundled export/transcript.css, sha256 " + sha256Hex(css + "p { color: red; }"));
        assertThat(sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    /** The export as its golden file holds it: line ends normalised, in HTML the inlined assets as placeholders. */
    static String comparable(ExportFormat format, String export) {
        String text = normalise(export);
        return format == ExportFormat.HTML ? withAssetPlaceholders(text) : text;
    }

    /**
     * Replaces the body of every {@code <style>} and {@code <script>} element with a placeholder
     * holding its SHA-256 (hex, of the UTF-8 bytes), its size and the bundled asset it is: a CSS
     * comment such as "inlined export/transcript.css, sha256 ab12..., 5515 bytes". A body that is not
     * the bundled asset is named as such, so inlining something else fails too.
     */
    static String withAssetPlaceholders(String html) {
        String styled = replaceBodies(html, "style", STYLE_ASSET);
        return replaceBodies(styled, "script", SCRIPT_ASSET);
    }

    private static String replaceBodies(String html, String element, String asset) {
        String bundled = normalise(resource(asset));
        Matcher m = Pattern.compile("<" + element + ">(.*?)</" + element + ">", Pattern.DOTALL).matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String body = m.group(1);
            String what = body.equals(bundled) ? "inlined " + asset : "NOT the bundled " + asset;
            String placeholder = "<" + element + ">/* " + what + ", sha256 " + sha256Hex(body) + ", "
                    + body.getBytes(StandardCharsets.UTF_8).length + " bytes */</" + element + ">";
            m.appendReplacement(out, Matcher.quoteReplacement(placeholder));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = GoldenExportTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String normalise(String s) {
        return s.replace("\r\n", "\n");
    }

    static String read(Path p) throws IOException {
        return normalise(Files.readString(p, StandardCharsets.UTF_8));
    }
}
