package org.passkeyee;

import com.yubico.webauthn.data.ByteArray;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One registered passkey as the store keeps it.
 *
 * @param credentialId      the credential ID; unique across all users
 * @param userHandle        the owner's user handle
 * @param publicKeyCose     the credential public key, COSE-encoded
 * @param signatureCount    the last signature count seen
 * @param transports        transports the authenticator reported (e.g. {@code internal}, {@code hybrid})
 * @param aaguid            the authenticator model's AAGUID, lowercase with dashes, or {@code null}
 * @param backupEligible    the BE flag at registration (a synced passkey)
 * @param backedUp          the BS flag of the latest ceremony
 * @param uvInitialized     whether user verification was performed at registration
 * @param attestationFormat the attestation statement format, e.g. {@code none}
 * @param label             the name the caller gave the passkey
 * @param createdAt         when it was registered
 * @param lastUsedAt        when it last signed someone in, or {@code null}
 * @param discoverable      whether the authenticator stored it as a discoverable credential (it
 *                          signs in without a username), as the browser said at registration
 *                          (WebAuthn's {@code credProps}); {@code null} when the browser did not say
 */
public record StoredPasskey(
        ByteArray credentialId,
        ByteArray userHandle,
        ByteArray publicKeyCose,
        long signatureCount,
        Set<String> transports,
        String aaguid,
        boolean backupEligible,
        boolean backedUp,
        boolean uvInitialized,
        String attestationFormat,
        String label,
        Instant createdAt,
        Instant lastUsedAt,
        Boolean discoverable) {

    /** Rejects missing required values and copies the transports. */
    public StoredPasskey {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(userHandle, "userHandle");
        Objects.requireNonNull(publicKeyCose, "publicKeyCose");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(createdAt, "createdAt");
        transports = Set.copyOf(transports);
    }

    /** Without knowing whether it is discoverable, as before the browser was asked. */
    public StoredPasskey(ByteArray credentialId, ByteArray userHandle, ByteArray publicKeyCose, long signatureCount,
                         Set<String> transports, String aaguid, boolean backupEligible, boolean backedUp,
                         boolean uvInitialized, String attestationFormat, String label, Instant createdAt,
                         Instant lastUsedAt) {
        this(credentialId, userHandle, publicKeyCose, signatureCount, transports, aaguid, backupEligible, backedUp,
                uvInitialized, attestationFormat, label, createdAt, lastUsedAt, null);
    }

    /** The last-use time, if the passkey was ever used to sign in. */
    public Optional<Instant> lastUsed() {
        return Optional.ofNullable(lastUsedAt);
    }
}
