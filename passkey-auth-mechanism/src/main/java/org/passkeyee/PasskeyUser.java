package org.passkeyee;

import com.yubico.webauthn.data.ByteArray;
import java.time.Instant;
import java.util.Objects;

/**
 * A caller who owns passkeys.
 *
 * @param username    the caller name the container sees; unique
 * @param displayName the name shown by authenticators
 * @param userHandle  the WebAuthn user handle: random, 64 bytes, never derived from the
 *                    username (<a href="https://www.w3.org/TR/webauthn-3/#sctn-user-handle-privacy">WebAuthn §14.6.1</a>); unique
 * @param createdAt   when the user was created
 */
public record PasskeyUser(String username, String displayName, ByteArray userHandle, Instant createdAt) {

    /** Rejects missing values. */
    public PasskeyUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(userHandle, "userHandle");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
