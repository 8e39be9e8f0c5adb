package org.caseops.notice;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The QR code printed on a call-in letter: it holds the letter's reference and nothing else (no name, no A-number),
 * so the office desk can check a person in by scanning it ({@code POST /api/check-ins}). Encoded with ZXing, error
 * correction level M, a quiet zone of four modules as the QR standard asks; drawn as a black-and-white PNG. Pure.
 */
final class QrCode {

    /** Pixels per module: a 21-29 module code is 100-130 px, about 2.5 cm at the letter's 96 dpi. */
    static final int MODULE = 4;

    private QrCode() {
    }

    /** The code's PNG. */
    static byte[] png(String text) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode '" + text + "' as a QR code", e);
        }
        int size = matrix.getWidth() * MODULE;
        BufferedImage image = new BufferedImage(size, matrix.getHeight() * MODULE, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, matrix.get(x / MODULE, y / MODULE) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The code as a {@code data:} URI for the letter's {@code img}. */
    static String dataUri(String text) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text));
    }
}
