package org.caseops.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** The letter in each template language, rendered to PDF and read back with PDFBox. */
class LetterRendererTest {

    private final LetterRenderer renderer = new LetterRenderer();

    private static LetterContent letter(String eoirLanguage, String interpreterLanguage, String officeAddress) {
        return new LetterContent("CL-HOU-20190520-000001", LetterLanguage.of(eoirLanguage).template(),
                interpreterLanguage, LocalDate.of(2019, 5, 20), LocalDate.of(2019, 6, 10), LocalDate.of(2019, 2, 11),
                true, "Ana Lopez", List.of("100 Main St", "Houston, TX 77002"),
                List.of(new LetterContent.Member("Ana Lopez", "A-991-000-001"),
                        new LetterContent.Member("Sofia Lopez", "A-991-000-002")),
                "Houston", officeAddress);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ENG|Notice to report|Your right to a lawyer|motion to reopen|If you do not report by 2019-06-10",
        "SP|Aviso para presentarse|Su derecho a un abogado|moción de reapertura|a más tardar el 2019-06-10",
        "POR|Aviso para comparecer|O seu direito a um advogado|moção de reabertura|não comparecer até 2019-06-10",
        "FR|Avis de présentation|Votre droit à un avocat|requête en réouverture|au plus tard le 2019-06-10",
        "CRE|Avi pou w prezante|Dwa ou genyen pou w gen yon avoka|mosyon pou relouvri|pi ta 2019-06-10"})
    void a_letter_in_each_template_language_says_the_order_where_to_report_counsel_motions_and_consequences(
            String eoir, String title, String counsel, String motion, String absent) throws IOException {
        String text = text(renderer.pdf(letter(eoir, null, "126 Northpoint Dr, Houston, TX 77060")));

        assertThat(text).contains(title).contains(counsel).contains(motion).contains(absent)
                .contains("CL-HOU-20190520-000001").contains("2019-02-11").contains("2019-05-20")
                .contains("A-991-000-001").contains("Sofia Lopez").contains("126 Northpoint Dr, Houston, TX 77060")
                .contains("I-246").contains("100 Main St").doesNotContainPattern("letter\\.[a-z]").doesNotContain("??");
        assertThat(text.replace(" ", "")).as("the free legal services list, however the line wraps")
                .contains("www.justice.gov/eoir/list-pro-bono-legal-service-providers");
    }

    @Test
    void a_language_without_a_template_gets_the_spanish_letter_with_an_interpreter_notice() throws IOException {
        LetterLanguage.Choice choice = LetterLanguage.of("QUI");
        assertThat(choice.template()).isEqualTo(LetterLanguage.SPANISH);
        assertThat(choice.interpreter()).isTrue();

        String text = text(renderer.pdf(letter("QUI", "QUICHE", "126 Northpoint Dr")));

        assertThat(text).contains("Aviso para presentarse").contains("intérprete en su idioma (QUICHE)");
    }

    @Test
    void a_letter_says_honestly_when_the_field_office_has_no_address_on_record() throws IOException {
        String text = text(renderer.pdf(letter("ENG", null, null)));

        assertThat(text).contains("does not list the street address of this office").doesNotContain("Address:");
    }

    @Test
    void a_batch_starts_each_letter_on_a_new_page_and_embeds_its_font() throws IOException {
        byte[] pdf = renderer.pdf(List.of(letter("ENG", null, "x"), letter("SP", null, "y")));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper second = new PDFTextStripper();
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(2);
            boolean spanishStartsAPage = false;
            for (int page = 1; page <= pages; page++) {
                second.setStartPage(page);
                second.setEndPage(page);
                spanishStartsAPage |= second.getText(document).strip().startsWith("Referencia:");
            }
            assertThat(spanishStartsAPage).isTrue();
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("DejaVu");
            }
        }
    }

    /** The text of every QR code drawn on the page, decoded again with ZXing's reader. */
    static List<String> qrCodes(byte[] pdf, int page) throws Exception {
        List<String> out = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var resources = document.getPage(page).getResources();
            for (var name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject image) {
                    BufferedImage img = image.getImage();
                    int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
                    try {
                        out.add(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                                new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels)))).getText());
                    } catch (NotFoundException e) {
                        out.add("(an image that is no QR code)");
                    }
                }
            }
        }
        return out;
    }

    @Test
    void each_letter_of_a_batch_prints_the_qr_code_of_its_own_reference_and_nothing_else() throws Exception {
        LetterContent other = new LetterContent("CL-HOU-20190520-000002", LetterLanguage.SPANISH, null,
                LocalDate.of(2019, 5, 20), LocalDate.of(2019, 6, 10), null, false, "Luis Diaz", List.of("1 Elm St"),
                List.of(new LetterContent.Member("Luis Diaz", "A-991-000-003")), "Houston", "x");
        byte[] pdf = renderer.pdf(List.of(letter("ENG", null, "x"), other));

        assertThat(qrCodes(pdf, 0)).containsExactly("CL-HOU-20190520-000001");
        int last;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            last = document.getNumberOfPages() - 1;
        }
        List<String> all = new ArrayList<>();
        for (int page = 1; page <= last; page++) {
            all.addAll(qrCodes(pdf, page));
        }
        assertThat(all).containsExactly("CL-HOU-20190520-000002");
        assertThat(text(pdf)).contains("Show this code at the office to check in")
                .contains("Muestre este código en la oficina");
    }
}
