package dev.tshoot.transcript.export;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.tshoot.playbook.Suggest;

/** The export formats, with the file extension each one is usually given. */
public enum ExportFormat {
    MD("md", ".md", "Markdown for a ticket, with the path as a Mermaid flowchart"),
    HTML("html", ".html", "one self-contained page: timeline, decision tree, search"),
    JSON("json", ".json", "the whole transcript as one JSON document"),
    CAST("cast", ".cast", "asciicast v2 recording of the session as the user saw it"),
    BUNDLE("bundle", ".zip", "a zip for escalation: transcript, playbook, host facts, md, html, manifest");

    private final String id;
    private final String extension;
    private final String description;

    ExportFormat(String id, String extension, String description) {
        this.id = id;
        this.extension = extension;
        this.description = description;
    }

    public String id() { return id; }

    public String extension() { return extension; }

    public String description() { return description; }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ExportFormat::id).toList();
    }

    /** The format named {@code name} (a few common aliases included), or empty. */
    public static Optional<ExportFormat> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        String canonical = switch (n) {
            case "markdown" -> "md";
            case "htm" -> "html";
            case "asciicast", "asciinema" -> "cast";
            case "zip" -> "bundle";
            default -> n;
        };
        return Arrays.stream(values()).filter(f -> f.id.equals(canonical)).findFirst();
    }

    /** The format implied by an output file name's extension, or empty. */
    public static Optional<ExportFormat> fromFileName(String file) {
        String f = file == null ? "" : file.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(x -> f.endsWith(x.extension)).findFirst();
    }

    /** "Unknown format 'x'. Did you mean 'y'? Formats: md, html, json, cast, bundle." */
    public static String unknown(String name) {
        return "Unknown export format '" + name + "'." + Suggest.didYouMean(name, ids())
                + " Formats: " + String.join(", ", ids()) + ".";
    }
}
