package org.webrtcscratch.signaling;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The rules for room names and display names (docs/protocol.md, {@code join}). */
public final class Names {

    public static final int MAX_ROOM_LENGTH = 64;
    public static final int MAX_DISPLAY_NAME_LENGTH = 40;

    private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_ROOM_LENGTH + "}");
    // Control characters, lone surrogates, format characters (zero-width spaces and joiners, the bidi
    // controls that let a name pose as another, soft hyphens, tags), and line or paragraph separators. The
    // zero-width joiner and non-joiner are the exception: emoji sequences and Persian or Indic names need them.
    private static final Pattern FORBIDDEN_IN_NAME =
            Pattern.compile("[\\p{Cc}\\p{Cs}\\p{Zl}\\p{Zp}[\\p{Cf}&&[^\\u200C\\u200D]]]");
    /** A joiner that joins nothing: at either end, or beside a space or another joiner. */
    private static final Pattern LONE_JOINER =
            Pattern.compile("^[\\u200C\\u200D]|[\\u200C\\u200D]$|[\\s\\u200C\\u200D][\\u200C\\u200D]|[\\u200C\\u200D]\\s");
    private static final Pattern JOINERS = Pattern.compile("[\\u200C\\u200D]");
    /** Letters that draw nothing (Hangul fillers, the blank Braille pattern): a name of only these is invisible. */
    private static final Pattern BLANK_LETTERS = Pattern.compile("[\\u115F\\u1160\\u2800\\u3164\\uFFA0]");
    /** Combining marks after one character at most: more is "Zalgo" text, drawn over the lines around it. */
    static final int MAX_COMBINING_MARKS = 4;
    private static final Pattern TOO_MANY_MARKS = Pattern.compile("\\p{M}{" + (MAX_COMBINING_MARKS + 1) + ",}");

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

    /**
     * The name, trimmed and in Unicode normalisation form C, or a refusal: a name must show something (not
     * only spaces, combining marks or blank letters) and must not hide anything (no control, format or bidi
     * characters).
     */
    public static String checkDisplayName(String name) {
        String trimmed = Normalizer.normalize(name, Normalizer.Form.NFC).strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length == 0 || length > MAX_DISPLAY_NAME_LENGTH) {
            throw new SignalingException(ErrorCode.BAD_NAME,
                    "display name must be 1 to " + MAX_DISPLAY_NAME_LENGTH + " characters");
        }
        if (FORBIDDEN_IN_NAME.matcher(trimmed).find() || LONE_JOINER.matcher(trimmed).find()) {
            throw new SignalingException(ErrorCode.BAD_NAME,
                    "display name must not contain control, format, invisible or bidirectional-control characters");
        }
        if (TOO_MANY_MARKS.matcher(trimmed).find()) {
            throw new SignalingException(ErrorCode.BAD_NAME, "display name must not stack more than "
                    + MAX_COMBINING_MARKS + " combining marks on one character");
        }
        if (trimmed.codePoints().allMatch(Names::drawsNothing)) {
            throw new SignalingException(ErrorCode.BAD_NAME,
                    "display name must have a visible character, not only spaces or combining marks");
        }
        return trimmed;
    }

    private static boolean drawsNothing(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || BLANK_LETTERS.matcher(Character.toString(codePoint)).matches();
    }

    /**
     * What two display names are compared by for uniqueness in a room: compatibility-normalised (so that a
     * full-width "Ａlice" is "Alice"), lower case, and without joiners (which draw nothing between letters).
     */
    static String comparisonKey(String name) {
        return JOINERS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT))
                .replaceAll("");
    }

    /**
     * {@code name}, or the first of "name (2)", "name (3)" ... that {@code taken} does not hold (by
     * {@link #comparisonKey}): the second Alice in a room is shown as "Alice (2)", never as a twin.
     */
    static String unique(String name, Predicate<String> taken) {
        if (!taken.test(comparisonKey(name))) {
            return name;
        }
        for (int n = 2; ; n++) {
            String candidate = name + " (" + n + ")";
            if (!taken.test(comparisonKey(candidate))) {
                return candidate;
            }
        }
    }

    /** {@code text} cut to 32 characters, for quoting client input in error messages. */
    static String abbreviate(String text) {
        return text.length() <= 32 ? text : text.substring(0, 32) + "…";
    }
}
