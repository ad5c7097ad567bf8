package org.webrtcscratch.stun;

import java.util.HexFormat;

/** Test vectors are written as the RFCs print them: hex with spaces and line breaks. */
public final class Hex {

    private Hex() {
    }

    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
    }
}
