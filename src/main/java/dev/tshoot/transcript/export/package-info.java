/**
 * Exports of a transcript: {@link dev.tshoot.transcript.export.ExportFormat} names them (md, html, json,
 * cast, bundle), {@link dev.tshoot.transcript.export.ExportJob} runs one. Events are rendered through
 * {@link dev.tshoot.engine.SessionEvent.Visitor} ({@link dev.tshoot.transcript.export.MarkdownEvents},
 * {@link dev.tshoot.transcript.export.HtmlItems}, {@link dev.tshoot.transcript.export.CastExporter}), all
 * text through {@code dev.tshoot.text}, and every format states the integrity result
 * ({@link dev.tshoot.transcript.export.Integrity}). A new format: an {@code Exporter}, an entry in
 * {@code ExportFormat}, a golden file under {@code src/test/resources/golden}.
 */
package dev.tshoot.transcript.export;
