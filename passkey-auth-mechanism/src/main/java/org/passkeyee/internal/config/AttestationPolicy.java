package org.passkeyee.internal.config;

/**
 * What the relying party asks of a new passkey's attestation ({@code passkey.attestation}): the
 * conveyance preference of the creation options and whether the attestation must verify against
 * the FIDO Metadata Service.
 */
public enum AttestationPolicy {
    /** No attestation asked for or checked: any authenticator may register (the default). */
    NONE,
    /** Attestation asked for ({@code direct}); a new passkey's attestation must chain to a root of its metadata entry. */
    DIRECT,
    /** Enterprise attestation asked for ({@code enterprise}), checked as {@link #DIRECT}. */
    ENTERPRISE;

    /** Whether a new passkey must prove its authenticator's make with a verified attestation. */
    public boolean required() {
        return this != NONE;
    }
}
