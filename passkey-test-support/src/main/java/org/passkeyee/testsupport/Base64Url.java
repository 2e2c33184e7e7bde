package org.passkeyee.testsupport;

import java.util.Base64;

/** Base64url without padding, the encoding of every binary value in WebAuthn's JSON forms. */
public final class Base64Url {

    private Base64Url() {
    }

    /** Encodes without padding. */
    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Decodes, with or without padding. */
    public static byte[] decode(String text) {
        return Base64.getUrlDecoder().decode(text);
    }
}
