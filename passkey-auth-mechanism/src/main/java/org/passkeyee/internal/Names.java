package org.passkeyee.internal;

import org.passkeyee.PasskeyErrorCode;

/** Checks the names people type: usernames, display names, passkey labels. */
final class Names {

    static final int MAX_USERNAME = 64;
    static final int MAX_DISPLAY_NAME = 128;
    static final int MAX_LABEL = 64;

    private Names() {
    }

    /** A username as given, trimmed; 1 to 64 characters, no control characters. */
    static String username(String value) {
        String name = value == null ? "" : value.strip();
        if (name.isEmpty() || name.length() > MAX_USERNAME || hasControlCharacter(name)) {
            throw new CeremonyException(PasskeyErrorCode.INVALID_USERNAME);
        }
        return name;
    }

    static String displayName(String value) {
        String name = value.strip();
        if (name.length() > MAX_DISPLAY_NAME || hasControlCharacter(name)) {
            throw new CeremonyException(PasskeyErrorCode.MALFORMED_REQUEST, "The display name must be at most "
                    + MAX_DISPLAY_NAME + " characters without control characters.");
        }
        return name;
    }

    /** A passkey label, trimmed; 1 to 64 characters, no control characters. */
    static String label(String value) {
        String label = value == null ? "" : value.strip();
        if (label.isEmpty() || label.length() > MAX_LABEL || hasControlCharacter(label)) {
            throw new CeremonyException(PasskeyErrorCode.INVALID_LABEL);
        }
        return label;
    }

    private static boolean hasControlCharacter(String value) {
        return value.codePoints().anyMatch(Character::isISOControl);
    }
}
