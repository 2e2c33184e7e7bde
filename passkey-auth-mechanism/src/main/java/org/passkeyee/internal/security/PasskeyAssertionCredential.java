package org.passkeyee.internal.security;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.security.enterprise.credential.Credential;
import org.passkeyee.internal.shared.Refusal;
import org.passkeyee.internal.ceremony.VerifiedSignIn;
import org.passkeyee.internal.ceremony.pending.PendingCeremony;

/**
 * A passkey assertion on its way from the mechanism to the passkey identity store: the pending
 * ceremony (already taken from the session) and the browser's response. Other identity stores
 * do not know this type and answer {@code NOT_VALIDATED}; the passkey store verifies it and, when
 * it refuses, throws its {@link Refusal} (an {@code IdentityStore} result can only say INVALID).
 * When it accepts, it leaves the verified sign-in here for the mechanism (which account, vouched
 * for by which store), since a validation result carries only the caller and groups.
 */
final class PasskeyAssertionCredential implements Credential {

    private final PendingCeremony ceremony;
    private final JsonNode response;
    private VerifiedSignIn verified;

    /**
     * @param ceremony the pending sign-in it answers
     * @param response the browser's AuthenticationResponseJSON, as the request's body was parsed
     */
    PasskeyAssertionCredential(PendingCeremony ceremony, JsonNode response) {
        this.ceremony = ceremony;
        this.response = response;
    }

    PendingCeremony ceremony() {
        return ceremony;
    }

    JsonNode response() {
        return response;
    }

    void verified(VerifiedSignIn signIn) {
        this.verified = signIn;
    }

    /** The sign-in the passkey store verified, or {@code null} if it did not. */
    VerifiedSignIn verified() {
        return verified;
    }
}
