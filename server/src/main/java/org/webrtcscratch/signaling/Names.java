package org.webrtcscratch.signaling;

import java.util.regex.Pattern;

/** The rules for room names and display names (docs/protocol.md, {@code join}). */
public final class Names {

    public static final int MAX_ROOM_LENGTH = 64;
    public static final int MAX_DISPLAY_NAME_LENGTH = 40;

    private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_ROOM_LENGTH + "}");
    // Control characters, lone surrogates and the bidi overrides that let a name pose as another.
    private static final Pattern FORBIDDEN_IN_NAME = Pattern.compile("[\\p{Cc}\\p{Cs}\\u202A-\\u202E\\u2066-\\u2069]");

    private Names() {
    }

    /** Whether {@code room} is a name a room can have. */
    public static boolean isRoom(String room) {
        return ROOM.matcher(room).matches();
    }

    public static String checkRoom(String room) {
        if (!isRoom(room)) {
            throw new SignalingException(ErrorCode.BAD_ROOM_NAME, "room name must be 1 to " + MAX_ROOM_LENGTH
                    + " characters from A-Z a-z 0-9 - _");
        }
        return room;
    }

    /** The name, trimmed, or a refusal. */
    public static String checkDisplayName(String name) {
        String trimmed = name.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length == 0 || length > MAX_DISPLAY_NAME_LENGTH) {
            throw new SignalingException(ErrorCode.BAD_NAME,
                    "display name must be 1 to " + MAX_DISPLAY_NAME_LENGTH + " characters");
        }
        if (FORBIDDEN_IN_NAME.matcher(trimmed).find()) {
            throw new SignalingException(ErrorCode.BAD_NAME,
                    "display name must not contain control or bidirectional-override characters");
        }
        return trimmed;
    }

    /** {@code text} cut to 32 characters, for quoting client input in error messages. */
    static String abbreviate(String text) {
        return text.length() <= 32 ? text : text.substring(0, 32) + "…";
    }
}
