package org.webrtcscratch.websocket;

/**
 * Strict UTF-8 validation (RFC 3629 §4): no overlong forms, no surrogates, nothing above U+10FFFF. Text
 * frames must carry valid UTF-8 (RFC 6455 §8.1), and the JDK's decoder replaces bad bytes instead of saying so.
 */
final class Utf8 {

    private Utf8() {
    }

    static boolean isValid(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int lead = bytes[i];
            if (lead >= 0) {
                i++;
                continue;
            }
            lead &= 0xFF;
            int size = lead < 0xC2 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 0;
            if (size == 0 || i + size > end) {
                return false;
            }
            int second = bytes[i + 1] & 0xFF;
            int low = 0x80;
            int high = 0xBF;
            switch (lead) {
                case 0xE0 -> low = 0xA0; // shorter forms are overlong
                case 0xED -> high = 0x9F; // U+D800..U+DFFF are surrogates
                case 0xF0 -> low = 0x90; // overlong
                case 0xF4 -> high = 0x8F; // above U+10FFFF
                default -> { }
            }
            if (second < low || second > high) {
                return false;
            }
            for (int k = 2; k < size; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += size;
        }
        return true;
    }
}
