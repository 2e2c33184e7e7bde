package org.passkeyee.internal;

import java.io.Serializable;
import java.time.Instant;

/**
 * A started ceremony waiting for the browser's answer, kept in the HTTP session.
 *
 * <p>The Yubico request objects are not {@link Serializable}, so the request is kept as the JSON
 * Yubico writes and reads back; everything here is serializable so that a distributable
 * application can replicate its sessions.
 *
 * @param kind        what the ceremony is for
 * @param requestJson Yubico's JSON of the creation options or the assertion request
 * @param username    the caller the ceremony is for, or {@code null} for a usernameless sign-in
 * @param expiresAt   when the challenge stops being accepted
 * @param conditional whether the browser was asked for a conditional create, which may answer
 *                    without user presence
 */
record PendingCeremony(Kind kind, String requestJson, String username, Instant expiresAt, boolean conditional)
        implements Serializable {

    enum Kind {
        /** Creating an account together with its first passkey. */
        SIGN_UP,
        /** Adding a passkey to the signed-in caller. */
        ADD_PASSKEY,
        /** Signing in. */
        SIGN_IN;

        /** The session attribute holding this kind's pending ceremony: sign-up and adding share one slot. */
        String sessionAttribute() {
            return this == SIGN_IN ? PendingCeremonies.AUTHENTICATION_ATTRIBUTE : PendingCeremonies.REGISTRATION_ATTRIBUTE;
        }
    }

    boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
