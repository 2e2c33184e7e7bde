package org.passkeyee.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.yubico.webauthn.AssertionRequest;
import com.yubico.webauthn.AssertionResult;
import com.yubico.webauthn.FinishAssertionOptions;
import com.yubico.webauthn.StartAssertionOptions;
import com.yubico.webauthn.data.AuthenticatorAssertionResponse;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.ClientAssertionExtensionOutputs;
import com.yubico.webauthn.data.PublicKeyCredential;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import com.yubico.webauthn.data.PublicKeyCredentialRequestOptions;
import com.yubico.webauthn.exception.AssertionFailedException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.TransactionalException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.passkeyee.PasskeyCredentialStore;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.PasskeyUser;
import org.passkeyee.PasskeyStoreException;
import org.passkeyee.StoredPasskey;

/**
 * The authentication ceremony (<a href="https://www.w3.org/TR/webauthn-3/#sctn-verifying-assertion">WebAuthn §7.2</a>):
 * request options, usernameless or for a named caller, and the verification of the assertion.
 */
@Singleton
public class AuthenticationCeremony {

    private static final Logger LOG = Logger.getLogger(AuthenticationCeremony.class.getName());

    private final PasskeyRelyingParty relyingParty;
    private final PasskeyCredentialStore store;

    @Inject
    AuthenticationCeremony(PasskeyRelyingParty relyingParty, PasskeyCredentialStore store) {
        this.relyingParty = relyingParty;
        this.store = store;
    }

    /**
     * Starts a sign-in. Without a username any discoverable passkey of the site may answer. With
     * one, only that caller's passkeys are allowed; a name without passkeys gets decoys of the
     * same shape, so the answer never tells whether the name exists.
     */
    ObjectNode start(HttpServletRequest request, String requestedUsername) {
        StartAssertionOptions.StartAssertionOptionsBuilder options = StartAssertionOptions.builder()
                .userVerification(relyingParty.userVerification())
                .timeout(relyingParty.pendingCeremonies().timeout().toMillis());
        AssertionRequest assertionRequest = relyingParty.relyingParty().startAssertion(options.build());
        if (requestedUsername != null) {
            assertionRequest = allowingPasskeysOf(assertionRequest, Names.username(requestedUsername));
        }
        try {
            relyingParty.pendingCeremonies().put(request, PendingCeremony.Kind.SIGN_IN, YubicoJson.MAPPER.writeValueAsString(assertionRequest),
                    assertionRequest.getUsername().orElse(null));
            return YubicoJson.MAPPER.valueToTree(assertionRequest.getPublicKeyCredentialRequestOptions());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Yubico could not write its own assertion request", e);
        }
    }

    /**
     * Verifies an assertion against the ceremony it answers and records the sign-in.
     *
     * @param pending  the ceremony, already taken from the session
     * @param response the browser's AuthenticationResponseJSON
     * @return the verified sign-in
     * @throws CeremonyException with the cause of a refusal
     */
    VerifiedSignIn finish(PendingCeremony pending, String response) {
        AssertionRequest request = assertionRequest(pending);
        PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs> credential = parse(response);
        PublicKeyCredentialRequestOptions options = request.getPublicKeyCredentialRequestOptions();
        ClientResponseChecks.check(ClientResponseChecks.GET, options.getChallenge(), relyingParty.configuration().origins(),
                relyingParty.configuration().rpId(), relyingParty.userVerification(),
                credential.getResponse().getClientData(), credential.getResponse().getParsedAuthenticatorData());
        ClientResponseChecks.checkFraming(credential.getResponse().getClientDataJSON(),
                relyingParty.configuration().allowedTopOrigins());
        List<PublicKeyCredentialDescriptor> allowed = allowed(request);
        if (!allowed.isEmpty() && allowed.stream().noneMatch(d -> d.getId().equals(credential.getId()))) {
            throw new CeremonyException(PasskeyErrorCode.CREDENTIAL_NOT_ALLOWED);
        }
        // Username-first, an unknown credential can only be a decoy, and a foreign user handle is
        // all a guesser without the private key can vary: both are answered like a wrong signature
        // on a real passkey, so the refusal does not tell whether the name exists.
        boolean usernameFirst = !allowed.isEmpty();
        StoredPasskey passkey = store.findPasskey(credential.getId())
                .orElseThrow(() -> new CeremonyException(usernameFirst
                        ? PasskeyErrorCode.INVALID_SIGNATURE : PasskeyErrorCode.UNKNOWN_CREDENTIAL));
        Optional<ByteArray> userHandle = credential.getResponse().getUserHandle();
        if (userHandle.isPresent() && !userHandle.get().equals(passkey.userHandle())) {
            throw new CeremonyException(usernameFirst
                    ? PasskeyErrorCode.INVALID_SIGNATURE : PasskeyErrorCode.CREDENTIAL_NOT_ALLOWED);
        }
        AssertionResult result;
        try (StoreCredentialRepository.Scope reuse = StoreCredentialRepository.answeringWith(passkey)) {
            result = verify(request, credential);
        }
        if (!result.isSignatureCounterValid()
                || !store.recordSignIn(result.getCredentialId(), result.getSignatureCount(), result.isBackedUp(), Instant.now())) {
            throw new CeremonyException(PasskeyErrorCode.SIGNATURE_COUNTER_REGRESSED);
        }
        return new VerifiedSignIn(result.getUsername(), result.getCredentialId().getBase64Url());
    }

    private AssertionResult verify(AssertionRequest request,
                                   PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs> credential) {
        AssertionResult result;
        try {
            result = relyingParty.relyingParty().finishAssertion(
                    FinishAssertionOptions.builder().request(request).response(credential).build());
        } catch (AssertionFailedException e) {
            LOG.log(Level.FINE, "Assertion refused by the WebAuthn library: {0}", e.getMessage());
            boolean signature = e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("signature");
            throw new CeremonyException(signature ? PasskeyErrorCode.INVALID_SIGNATURE : PasskeyErrorCode.ASSERTION_REJECTED);
        } catch (PasskeyStoreException | TransactionalException storeDown) {
            // The library reads the store through our repository: an outage stays an outage (503).
            throw storeDown;
        } catch (RuntimeException e) {
            // The library throws a bare RuntimeException when the JVM cannot even read the
            // signature (not DER, empty): a malformed signature is an invalid one, not a 500.
            LOG.log(Level.FINE, "Assertion not verifiable by the WebAuthn library: {0}", e.toString());
            throw new CeremonyException(causedBySignature(e) ? PasskeyErrorCode.INVALID_SIGNATURE
                    : PasskeyErrorCode.ASSERTION_REJECTED);
        }
        if (!result.isSuccess()) {
            throw new CeremonyException(PasskeyErrorCode.ASSERTION_REJECTED);
        }
        return result;
    }

    private static boolean causedBySignature(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.security.GeneralSecurityException) {
                return true;
            }
        }
        return false;
    }

    private static PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs> parse(String json) {
        try {
            return YubicoJson.MAPPER.readValue(json, YubicoJson.ASSERTION);
        } catch (IOException | RuntimeException e) {
            throw new CeremonyException(PasskeyErrorCode.MALFORMED_REQUEST, "The sign-in response is malformed.");
        }
    }

    private static AssertionRequest assertionRequest(PendingCeremony pending) {
        try {
            return YubicoJson.MAPPER.readValue(pending.requestJson(), AssertionRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A pending sign-in could not be read back", e);
        }
    }

    private static List<PublicKeyCredentialDescriptor> allowed(AssertionRequest request) {
        return request.getPublicKeyCredentialRequestOptions().getAllowCredentials().orElse(List.of());
    }

    /**
     * A username-first request: that caller's passkeys, or decoys of the same shape for a name
     * without any. Both cases make the same two store reads (the user; the passkeys of their
     * handle, or of a decoy handle nobody has), so neither the answer nor its cost tells whether
     * the name exists.
     */
    private AssertionRequest allowingPasskeysOf(AssertionRequest usernameless, String username) {
        Optional<PasskeyUser> user = store.findUserByUsername(username);
        List<StoredPasskey> passkeys = store.findPasskeys(
                user.map(PasskeyUser::userHandle).orElseGet(() -> relyingParty.decoys().userHandleFor(username)));
        if (user.isEmpty() || passkeys.isEmpty()) {
            return allowing(usernameless, relyingParty.decoys().forUsername(username));
        }
        return allowing(usernameless.toBuilder().username(username).build(),
                passkeys.stream().map(StoreCredentialRepository::descriptor).toList());
    }

    private static AssertionRequest allowing(AssertionRequest request, List<PublicKeyCredentialDescriptor> allowed) {
        return request.toBuilder()
                .publicKeyCredentialRequestOptions(request.getPublicKeyCredentialRequestOptions().toBuilder()
                        .allowCredentials(allowed)
                        .build())
                .build();
    }

    /** A sign-in that passed every check. */
    record VerifiedSignIn(String username, String credentialId) {
    }
}
