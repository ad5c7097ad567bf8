package org.webrtcscratch.http;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads back the text of a QR code drawn by {@link QrSvg}, with ZXing's decoder (written apart from the encoder). */
public final class QrCodes {

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern MODULE = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z");
    private static final int PIXELS_PER_MODULE = 4;

    private QrCodes() {
    }

    /** The text the SVG's code holds; fails when it holds no readable code. */
    public static String decodeSvg(String svg) throws Exception {
        Matcher box = VIEW_BOX.matcher(svg);
        if (!box.find()) {
            throw new IllegalArgumentException("no viewBox in " + svg);
        }
        int side = Integer.parseInt(box.group(1)) * PIXELS_PER_MODULE;
        int[] pixels = new int[side * side];
        Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher module = MODULE.matcher(svg);
        while (module.find()) {
            int x0 = Integer.parseInt(module.group(1)) * PIXELS_PER_MODULE;
            int y0 = Integer.parseInt(module.group(2)) * PIXELS_PER_MODULE;
            for (int y = y0; y < y0 + PIXELS_PER_MODULE; y++) {
                Arrays.fill(pixels, y * side + x0, y * side + x0 + PIXELS_PER_MODULE, 0xFF000000);
            }
        }
        return decodePixels(side, side, pixels);
    }

    /** The text of the QR code in an ARGB picture (e.g. a screenshot of the page). */
    public static String decodePixels(int width, int height, int[] argb) throws Exception {
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(width, height, argb)))).getText();
    }
}
