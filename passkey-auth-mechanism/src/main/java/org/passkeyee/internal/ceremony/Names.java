package org.passkeyee.internal.ceremony;

import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Refusal;

/**
 * Checks the other names people type: display names and passkey labels ({@link UsernamePolicy}
 * checks usernames). None may hold control characters or characters that change how text looks
 * without being seen (zero-width and bidi formatting characters, default-ignorable, private-use
 * and unassigned code points), so that no two accounts or passkeys look alike and no name
 * rearranges the text around it.
 */
public final class Names {

    static final int MAX_DISPLAY_NAME = 128;
    static final int MAX_LABEL = 64;

    private Names() {
    }

    static String displayName(String value) {
        String name = value.strip();
        if (name.length() > MAX_DISPLAY_NAME || hasUnsafeCharacter(name)) {
            throw new Refusal(PasskeyErrorCode.MALFORMED_REQUEST, "The display name must be at most "
                    + MAX_DISPLAY_NAME + " characters without control or invisible characters.");
        }
        return name;
    }

    /** A passkey label, trimmed; 1 to 64 characters, no control or invisible characters. */
    public static String label(String value) {
        String label = value == null ? "" : value.strip();
        if (label.isEmpty() || label.length() > MAX_LABEL || hasUnsafeCharacter(label)) {
            throw new Refusal(PasskeyErrorCode.INVALID_LABEL);
        }
        return label;
    }

    /** Whether {@code value} is a label as it stands: 1 to 64 characters, no control or invisible ones. */
    static boolean isLabel(String value) {
        return value != null && !value.isBlank() && value.equals(value.strip()) && value.length() <= MAX_LABEL
                && !hasUnsafeCharacter(value);
    }

    private static boolean hasUnsafeCharacter(String value) {
        return value.codePoints().anyMatch(Names::isUnsafe);
    }

    private static boolean isUnsafe(int codePoint) {
        if (UsernamePolicy.isDefaultIgnorable(codePoint)) {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }
}
