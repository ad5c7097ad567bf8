package org.webrtcscratch.http;

import io.nayuki.qrcodegen.QrCode;

/** A QR code (io.nayuki:qrcodegen) drawn as SVG: one path of dark squares on a light background. Pure. */
final class QrSvg {

    /** The light margin around the code, in modules: ISO/IEC 18004 asks for four. */
    private static final int QUIET_ZONE = 4;

    private QrSvg() {
    }

    /** The QR code of {@code text}, medium error correction (15 %), as an SVG document. */
    static String of(String text) {
        QrCode code = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int side = code.size + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                if (code.getModule(x, y)) {
                    path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side + "\""
                + " shape-rendering=\"crispEdges\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>\n";
    }
}
