package org.caseops.system;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A document the application writes as PDF from its own XHTML (the congressional notification package, the monthly
 * report): openhtmltopdf with DejaVu Sans embedded (regular and bold, the letters' fonts) and inline SVG drawn by
 * Batik. Text put into the XHTML is escaped for XML only ({@link #escape}): an HTML entity such as {@code &eacute;}
 * is not XML, and the parser refuses it.
 */
public final class PdfDocuments {

    private PdfDocuments() {
    }

    /** The PDF of {@code xhtml}; {@code what} names the document in an error. */
    public static byte[] render(String xhtml, String what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.useFont(() -> font("DejaVuSans.ttf"), "DejaVu Sans", 400, FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException ex) {
            throw new UncheckedIOException("could not render " + what, ex);
        }
        return out.toByteArray();
    }

    /** Text for the XHTML: XML's five characters escaped, everything else as it is. */
    public static String escape(String text) {
        return text == null ? "" : org.springframework.web.util.HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static InputStream font(String file) {
        InputStream in = PdfDocuments.class.getResourceAsStream("/letters/fonts/" + file);
        if (in == null) {
            throw new IllegalStateException("the font " + file + " is missing from the application");
        }
        return in;
    }
}
