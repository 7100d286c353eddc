/**
 * The one text layer: untrusted text made safe to show ({@link dev.tshoot.text.SafeText}), the one
 * wording of argument lists and results ({@link dev.tshoot.text.Words}), and styling through JLine
 * ({@link dev.tshoot.text.Styler}). Every terminal view, the replay view and every export format go
 * through it; nothing else writes escape sequences or sanitises text. A leaf package: it depends on
 * JLine's {@code org.jline.utils} and commonmark-java
 * only (for {@link dev.tshoot.text.Markdown}), on no other tshoot package.
 */
package dev.tshoot.text;
