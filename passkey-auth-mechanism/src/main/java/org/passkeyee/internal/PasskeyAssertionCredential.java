package org.passkeyee.internal;

import jakarta.security.enterprise.credential.Credential;
import org.passkeyee.PasskeyErrorCode;

/**
 * A passkey assertion on its way from the mechanism to the passkey identity store: the pending
 * ceremony (already taken from the session) and the browser's response. Other identity stores
 * do not know this type and answer {@code NOT_VALIDATED}.
 *
 * <p>The store writes back why it refused, so that the mechanism can answer with the cause;
 * an {@code IdentityStore} can only say INVALID.
 */
final class PasskeyAssertionCredential implements Credential {

    private final PendingCeremony ceremony;
    private final String response;
    private volatile PasskeyErrorCode refusal;
    private volatile String credentialId;

    PasskeyAssertionCredential(PendingCeremony ceremony, String response) {
        this.ceremony = ceremony;
        this.response = response;
    }

    PendingCeremony ceremony() {
        return ceremony;
    }

    String response() {
        return response;
    }

    void refused(PasskeyErrorCode code) {
        this.refusal = code;
    }

    void verified(String credentialId) {
        this.credentialId = credentialId;
    }

    /** Why the store refused it; {@code ASSERTION_REJECTED} when no store knew the credential type. */
    PasskeyErrorCode refusal() {
        PasskeyErrorCode code = refusal;
        return code == null ? PasskeyErrorCode.ASSERTION_REJECTED : code;
    }

    /** The credential ID that signed in, once verified. */
    String credentialId() {
        return credentialId;
    }

    @Override
    public void clear() {
        // Nothing secret is held: the response is signed public data bound to a used-up challenge.
    }
}
