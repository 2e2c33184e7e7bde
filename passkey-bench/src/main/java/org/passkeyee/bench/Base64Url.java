package org.passkeyee.bench;

import java.util.Base64;

/** Base64url without padding, the encoding of every binary value in WebAuthn's JSON forms. */
final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    static byte[] decode(String text) {
        return DECODER.decode(text);
    }
}
