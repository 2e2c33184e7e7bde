package org.passkeyee.internal.ceremony;

import com.yubico.webauthn.data.ByteArray;
import java.security.SecureRandom;

/** New accounts' user handles: 64 random bytes, the most WebAuthn allows (§5.4.3), which say nothing about the user. */
final class UserHandles {

    private static final int USER_HANDLE_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private UserHandles() {
    }

    static ByteArray newHandle() {
        byte[] handle = new byte[USER_HANDLE_BYTES];
        RANDOM.nextBytes(handle);
        return new ByteArray(handle);
    }
}
