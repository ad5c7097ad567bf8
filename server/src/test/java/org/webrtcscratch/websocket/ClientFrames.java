package org.webrtcscratch.websocket;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/** Client frames built by hand for tests: masked like a browser's, or broken on purpose. */
final class ClientFrames {

    static final byte[] MASK = {0x37, (byte) 0xfa, 0x21, 0x3d};

    private ClientFrames() {
    }

    static byte[] masked(boolean fin, int opcode, byte[] payload) {
        return frame(fin ? 0x80 | opcode : opcode, true, payload);
    }

    static byte[] masked(int opcode, String text) {
        return masked(true, opcode, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A frame with {@code firstByte} as given (FIN, RSV, opcode) and the mask bit as asked. */
    static byte[] frame(int firstByte, boolean mask, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(firstByte);
        int maskBit = mask ? 0x80 : 0;
        if (payload.length < 126) {
            out.write(maskBit | payload.length);
        } else if (payload.length < 65536) {
            out.write(maskBit | 126);
            out.write(payload.length >> 8);
            out.write(payload.length);
        } else {
            out.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) payload.length >> shift));
            }
        }
        if (mask) {
            out.writeBytes(MASK);
        }
        for (int i = 0; i < payload.length; i++) {
            out.write(mask ? payload[i] ^ MASK[i & 3] : payload[i]);
        }
        return out.toByteArray();
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
