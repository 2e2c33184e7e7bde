package org.passkeyee;

/**
 * How strongly the relying party asks for user verification (PIN, biometrics), as in
 * <a href="https://www.w3.org/TR/webauthn-3/#enumdef-userverificationrequirement">WebAuthn §5.8.6</a>.
 */
public enum UserVerificationPolicy {
    /** Ceremonies fail unless the authenticator verified the user. */
    REQUIRED,
    /** Verification is asked for, but a response without it is accepted. */
    PREFERRED,
    /** Verification is not asked for. */
    DISCOURAGED
}
