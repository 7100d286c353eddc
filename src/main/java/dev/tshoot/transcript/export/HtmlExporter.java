package dev.tshoot.transcript.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.stringtemplate.v4.AttributeRenderer;
import org.stringtemplate.v4.AutoIndentWriter;
import org.stringtemplate.v4.Interpreter;
import org.stringtemplate.v4.ModelAdaptor;
import org.stringtemplate.v4.ST;
import org.stringtemplate.v4.STErrorListener;
import org.stringtemplate.v4.STGroup;
import org.stringtemplate.v4.STGroupFile;
import org.stringtemplate.v4.misc.STMessage;
import org.stringtemplate.v4.misc.STNoSuchPropertyException;

import dev.tshoot.text.SafeText;

/**
 * One self-contained HTML page (inline CSS and script, nothing fetched: a Content-Security-Policy
 * allows only the page's own style and script, by hash). Rendered with StringTemplate 4 from
 * {@code export/transcript.stg}. Templates read values only from the records of {@link HtmlModel},
 * through {@link EscapingRecordAdaptor}, which makes every string (and every string in a list) it
 * hands over safe through the text layer and then HTML-escapes it, so transcript text (an output holding {@code <script>}, say) can only ever
 * appear as text. (A String renderer cannot do this job: ST4 also sends template text through it.)
 */
public final class HtmlExporter {

    private static final String CSS = resource("export/transcript.css");
    private static final String JS = resource("export/transcript.js");

    public String render(Report r) {
        STGroup group = group();
        ST page = group.getInstanceOf("page");
        page.add("p", HtmlModel.page(r, new HtmlModel.Trusted(CSS), new HtmlModel.Trusted(JS)));
        page.add("cspStyle", "sha256-" + sha256Base64(CSS));
        page.add("cspScript", "sha256-" + sha256Base64(JS));
        StringWriter out = new StringWriter();
        try {
            page.write(new AutoIndentWriter(out, "\n") {
                @Override
                public int indent() {
                    return 0; // never indent: it would change <pre> outputs and the hashed style and script
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static STGroup group() {
        STGroup g = new STGroupFile(HtmlExporter.class.getResource("/export/transcript.stg"), "UTF-8", '$', '$');
        g.registerRenderer(HtmlModel.Trusted.class, (AttributeRenderer<HtmlModel.Trusted>) (t, format, locale) -> t.text());
        g.registerRenderer(HtmlModel.Html.class, (AttributeRenderer<HtmlModel.Html>) (h, format, locale) -> h.html());
        g.registerModelAdaptor(Record.class, new EscapingRecordAdaptor());
        g.setListener(new Strict());
        return g;
    }

    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Lets templates read record components ({@code $step.node$}), making every string and every
     * string in a list safe ({@link SafeText#block}: controls, bidi and zero-width characters
     * visible) and then HTML-escaping it; an empty string counts as absent in {@code $if$}.
     */
    static final class EscapingRecordAdaptor implements ModelAdaptor<Record> {
        @Override
        public Object getProperty(Interpreter interp, ST self, Record model, Object property, String name)
                throws STNoSuchPropertyException {
            for (RecordComponent c : model.getClass().getRecordComponents()) {
                if (c.getName().equals(name)) {
                    try {
                        Method m = c.getAccessor();
                        m.setAccessible(true);
                        return safe(m.invoke(model));
                    } catch (ReflectiveOperationException e) {
                        throw new STNoSuchPropertyException(e, model, name);
                    }
                }
            }
            throw new STNoSuchPropertyException(null, model, name);
        }

        private static Object safe(Object v) {
            if (v instanceof String s) {
                return s.isEmpty() ? null : escape(SafeText.block(s));
            }
            if (v instanceof java.util.List<?> list) {
                return list.stream().map(EscapingRecordAdaptor::safe).toList();
            }
            if (v == null || v instanceof Number || v instanceof Boolean || v instanceof Record) {
                return v;
            }
            throw new IllegalStateException("HTML templates take strings, numbers, booleans, lists and records only,"
                    + " not " + v.getClass().getName());
        }
    }

    /** Template mistakes fail loudly instead of leaving a gap in the page. */
    static final class Strict implements STErrorListener {
        @Override public void compileTimeError(STMessage msg) { throw new IllegalStateException(msg.toString()); }

        @Override public void runTimeError(STMessage msg) { throw new IllegalStateException(msg.toString()); }

        @Override public void IOError(STMessage msg) { throw new IllegalStateException(msg.toString()); }

        @Override public void internalError(STMessage msg) { throw new IllegalStateException(msg.toString()); }
    }

    /** The base64 SHA-256 of {@code s}, for a Content-Security-Policy hash source. */
    public static String sha256Base64(String s) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A page resource bundled with tshoot (CSS, script), with LF line ends. */
    public static String resource(String name) {
        try (InputStream in = HtmlExporter.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
