package dev.tshoot.text;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Playbook CommonMark as HTML for the HTML export, rendered by commonmark-java in its safe mode:
 * raw HTML in the text is escaped, not passed through ({@code escapeHtml}), and link and image
 * destinations other than {@code http}, {@code https}, {@code mailto} and {@code data:image} are
 * emptied ({@code sanitizeUrls}), so {@code javascript:} links cannot run. The text first goes
 * through {@link SafeText#block}, so controls, bidi and zero-width characters show as escapes in
 * the page exactly as they do in the rest of it. Images are rendered as their alternative text: the
 * page loads nothing.
 */
public final class MarkdownHtml {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .percentEncodeUrls(true)
            .softbreak(" ")
            .nodeRendererFactory(c -> new org.commonmark.renderer.NodeRenderer() {
                @Override public java.util.Set<Class<? extends org.commonmark.node.Node>> getNodeTypes() {
                    return java.util.Set.of(org.commonmark.node.Image.class);
                }

                @Override public void render(org.commonmark.node.Node node) {
                    StringBuilder alt = new StringBuilder();
                    for (org.commonmark.node.Node n = node.getFirstChild(); n != null; n = n.getNext()) {
                        if (n instanceof org.commonmark.node.Text t) {
                            alt.append(t.getLiteral());
                        }
                    }
                    c.getWriter().text("[image: " + alt + "]");
                }
            })
            .build();

    private MarkdownHtml() {}

    /** The HTML of {@code markdown}; "" for null or blank text. */
    public static String render(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return RENDERER.render(PARSER.parse(SafeText.block(markdown))).strip();
    }
}
