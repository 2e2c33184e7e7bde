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
 * @param vouchedBy   which of the application's identity stores vouched for the name when the
 *                    account got its first passkey (the store that signed the caller in with a
 *                    password); a passkey sign-in gets that store's groups only.
 *                    {@link #NO_VOUCHING_STORE} for accounts created by a sign-up or in a session
 *                    no store of the application signed in; {@code null} for accounts stored
 *                    before the module recorded it (see the README's upgrade notes)
 */
public record PasskeyUser(String username, String displayName, ByteArray userHandle, Instant createdAt, String vouchedBy) {

    /** {@link #vouchedBy()} of an account no identity store of the application vouched for. */
    public static final String NO_VOUCHING_STORE = "none";

    /** Rejects missing values ({@code vouchedBy} may be {@code null}, for accounts stored before it was recorded). */
    public PasskeyUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(userHandle, "userHandle");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
