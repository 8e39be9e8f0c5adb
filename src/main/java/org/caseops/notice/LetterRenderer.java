package org.caseops.notice;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders call-in letters to PDF: the Thymeleaf template {@code letters/templates/letter.html} with the text of
 * {@code letters/messages_*.properties} in the letter's language, laid out by openhtmltopdf with the DejaVu Sans font
 * embedded (it covers the Latin script of every template language). A batch is one PDF, each letter starting on a new
 * page; each letter carries the QR code of its reference ({@link QrCode}). Pure: no database, no clock.
 */
@Component
public class LetterRenderer {

    private static final String FONT = "DejaVu Sans";

    private final SpringTemplateEngine engine;

    public LetterRenderer() {
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("letters/templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding("UTF-8");
        templates.setCacheable(true);
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("letters/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        engine.setTemplateEngineMessageSource(messages);
    }

    /** One letter's PDF. */
    public byte[] pdf(LetterContent letter) {
        return pdf(List.of(letter));
    }

    /** The letters' PDF, one after the other, each from a new page (a mailing batch). */
    public byte[] pdf(List<LetterContent> letters) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < letters.size(); i++) {
            LetterContent letter = letters.get(i);
            Context context = new Context(letter.language().locale());
            context.setVariable("letter", letter);
            context.setVariable("qr", QrCode.dataUri(letter.reference()));
            context.setVariable("first", i == 0);
            body.append(engine.process("letter", context));
        }
        String html = "<html lang=\"" + (letters.isEmpty() ? "en" : letters.get(0).language().locale()
                .toLanguageTag()) + "\"><head><meta charset=\"utf-8\"/><style>" + CSS + "</style></head><body>"
                + body + "</body></html>";
        return toPdf(html);
    }

    /** The letter's HTML as the template renders it (for checks; the PDF is what is mailed). */
    String html(LetterContent letter) {
        Context context = new Context(letter.language().locale());
        context.setVariable("letter", letter);
        context.setVariable("qr", QrCode.dataUri(letter.reference()));
        context.setVariable("first", true);
        return engine.process("letter", context);
    }

    private static byte[] toPdf(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font("DejaVuSans.ttf"), FONT, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the letters", e);
        }
        return out.toByteArray();
    }

    private static java.io.InputStream font(String file) {
        java.io.InputStream in = LetterRenderer.class.getResourceAsStream("/letters/fonts/" + file);
        if (in == null) {
            throw new IllegalStateException("the letter font " + file + " is missing from the application");
        }
        return in;
    }

    private static final String CSS = """
            @page { size: letter; margin: 2cm; }
            body { font-family: 'DejaVu Sans'; font-size: 10pt; line-height: 1.35; }
            .letter.next { page-break-before: always; }
            h1 { font-size: 14pt; margin: 0 0 8pt 0; }
            h2 { font-size: 11pt; margin: 10pt 0 3pt 0; }
            .reference { font-weight: bold; }
            .interpreter { border: 1.5pt solid black; padding: 6pt; font-weight: bold; margin: 6pt 0; }
            .address { margin: 8pt 0 12pt 0; }
            table.head { width: 100%; border-collapse: collapse; }
            table.head td { vertical-align: top; padding: 0; }
            .qr { width: 3.2cm; text-align: center; font-size: 7pt; }
            .qr img { width: 2.6cm; height: 2.6cm; }
            ul { margin: 2pt 0 2pt 14pt; padding: 0; }
            """;
}
