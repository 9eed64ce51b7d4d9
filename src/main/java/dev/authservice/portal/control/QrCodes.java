package dev.authservice.portal.control;

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
 * QR codes drawn on the server, for a page to show as an image: ZXing lays out the code, the JDK
 * writes the PNG. Used for the otpauth:// URI of a TOTP enrolment, so nothing leaves the server.
 */
public final class QrCodes {

    private static final int MODULE_PIXELS = 6;
    private static final int QUIET_ZONE_MODULES = 4;
    private static final int BLACK = 0xFF000000;
    private static final int WHITE = 0xFFFFFFFF;

    private QrCodes() {}

    /** A data: URL of a PNG that encodes {@code text}. */
    public static String pngDataUrl(String text) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text));
    }

    static byte[] png(String text) {
        BitMatrix modules;
        try {
            modules = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    QUIET_ZONE_MODULES));
        } catch (WriterException tooLong) {
            throw new IllegalArgumentException("no QR code holds this text", tooLong);
        }
        int size = modules.getWidth() * MODULE_PIXELS;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, modules.get(x / MODULE_PIXELS, y / MODULE_PIXELS) ? BLACK : WHITE);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        return png.toByteArray();
    }
}
