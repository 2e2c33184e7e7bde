package org.passkeyee.internal.security;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.security.enterprise.credential.Credential;
import org.passkeyee.internal.ceremony.pending.PendingCeremony;

/**
 * A passkey assertion on its way from the mechanism to the passkey identity store: the pending
 * ceremony (already taken from the session) and the browser's response. Other identity stores
 * do not know this type and answer {@code NOT_VALIDATED}; the passkey store verifies it and, when
 * it refuses, throws its {@link Refusal} (an {@code IdentityStore} result can only say INVALID).
 *
 * @param ceremony the pending sign-in it answers
 * @param response the browser's AuthenticationResponseJSON, as the request's body was parsed
 */
record PasskeyAssertionCredential(PendingCeremony ceremony, JsonNode response) implements Credential {

    @Override
    public void clear() {
        // Nothing secret is held: the response is signed public data bound to a used-up challenge.
    }
}
