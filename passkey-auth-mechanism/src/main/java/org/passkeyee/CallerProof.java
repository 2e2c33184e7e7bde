package org.passkeyee;

import java.time.Instant;
import java.util.Objects;

/**
 * How and when the signed-in caller last proved who they are in this session: their sign-in, or
 * a later step-up with a passkey ({@code POST {prefix}/reauthenticate}).
 *
 * @param method       what they proved it with
 * @param at           when
 * @param userVerified whether the authenticator verified the person (PIN, biometrics): always
 *                     {@code false} for a password
 */
public record CallerProof(Method method, Instant at, boolean userVerified) {

    /** What a caller proved who they are with. */
    public enum Method {
        /** A passkey: a passkey sign-in, a sign-up, or a step-up. */
        PASSKEY,
        /** A password the application's identity stores validated. */
        PASSWORD,
        /** Another credential the application passed to {@code SecurityContext.authenticate}. */
        OTHER
    }

    /** Rejects missing values. */
    public CallerProof {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(at, "at");
    }
}
