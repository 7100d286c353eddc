package dev.tshoot.transcript.export;

import java.nio.charset.StandardCharsets;

/** Turns a loaded transcript into the bytes of one export format. */
public final class Exporter {

    public byte[] export(ExportSource source, ExportFormat format) {
        Report r = Report.of(source);
        return switch (format) {
            case MD -> utf8(new MarkdownExporter().render(r));
            case HTML -> utf8(new HtmlExporter().render(r));
            case JSON -> utf8(new JsonExporter().render(source));
            case CAST -> utf8(new CastExporter().render(r));
            case BUNDLE -> new BundleExporter().render(source, r);
        };
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
