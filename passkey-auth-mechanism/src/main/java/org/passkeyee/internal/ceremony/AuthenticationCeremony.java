package org.passkeyee.internal.ceremony;

import com.fasterxml.jackson.databind.JsonNode;
import com.yubico.webauthn.AssertionRequest;
import com.yubico.webauthn.AssertionResult;
import com.yubico.webauthn.FinishAssertionOptions;
import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.StartAssertionOptions;
import com.yubico.webauthn.data.AuthenticatorAssertionResponse;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.ClientAssertionExtensionOutputs;
import com.yubico.webauthn.data.PublicKeyCredential;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import com.yubico.webauthn.data.PublicKeyCredentialRequestOptions;
import com.yubico.webauthn.exception.AssertionFailedException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.passkeyee.PasskeyAccounts;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.PasskeyCredentialStore;
import org.passkeyee.PasskeyCredentialStore.OwnedPasskey;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.PasskeyUser;
import org.passkeyee.StoredPasskey;
import org.passkeyee.internal.shared.Json;
import org.passkeyee.internal.shared.LogText;
import org.passkeyee.internal.shared.Refusal;
import org.passkeyee.internal.ceremony.pending.PendingCeremonies;
import org.passkeyee.internal.ceremony.pending.PendingCeremony;

/**
 * The authentication ceremony (<a href="https://www.w3.org/TR/webauthn-3/#sctn-verifying-assertion">WebAuthn §7.2</a>):
 * request options, usernameless or for a named caller, and the verification of the assertion.
 */
@Singleton
public class AuthenticationCeremony {

    private static final Logger LOG = Logger.getLogger(AuthenticationCeremony.class.getName());

    private final PasskeyConfiguration configuration;
    /** The origins answers may come from, the related ones included. */
    private final Set<String> origins;
    private final PasskeyCredentialStore store;
    private final PendingCeremonies pendingCeremonies;
    private final DecoyCredentials decoys;
    private final Instance<PasskeyAccounts> accounts;
    private final AuthenticatorMetadata metadata;
    private final SignInCredentials signInCredentials = new SignInCredentials();
    /** One for every ceremony: options need no credentials, a verification those of {@link #signInCredentials}. */
    private final RelyingParty relyingParty;

    @Inject
    AuthenticationCeremony(PasskeyConfiguration configuration, PasskeyCredentialStore store,
                           PendingCeremonies pendingCeremonies, DecoyCredentials decoys, Instance<PasskeyAccounts> accounts,
                           AuthenticatorMetadata metadata) {
        this.configuration = configuration;
        this.origins = Set.copyOf(configuration.ceremonyOrigins());
        this.metadata = metadata;
        this.store = store;
        this.pendingCeremonies = pendingCeremonies;
        this.decoys = decoys;
        this.accounts = accounts;
        this.relyingParty = RelyingParties.of(configuration, signInCredentials);
    }

    /**
     * Starts a sign-in. Without a username any discoverable passkey of the site may answer. With
     * one, only that caller's passkeys are allowed; a name without passkeys gets decoys of the
     * same shape, so the answer never tells whether the name exists. The pending ceremony keeps
     * the name asked for, known or not, for the failed-sign-in counts; it is sealed into the
     * browser ({@link PendingCeremonies#putSignIn}), so starting holds nothing on the server.
     */
    public PublicKeyCredentialRequestOptions start(HttpServletRequest request, HttpServletResponse response,
                                                   String requestedUsername) {
        StartAssertionOptions.StartAssertionOptionsBuilder options = StartAssertionOptions.builder()
                .userVerification(RelyingParties.userVerification(configuration))
                .timeout(pendingCeremonies.timeout().toMillis());
        AssertionRequest assertionRequest = relyingParty.startAssertion(options.build());
        String username = requestedUsername == null ? null : UsernamePolicy.typedName(requestedUsername);
        if (username != null) {
            assertionRequest = allowingPasskeysOf(assertionRequest, username);
        }
        pendingCeremonies.putSignIn(request, response, assertionRequest, username);
        return assertionRequest.getPublicKeyCredentialRequestOptions();
    }

    /**
     * Starts a step-up: the signed-in caller proves again, with one of their passkeys, who they
     * are. The request allows the passkeys of {@code account} only; it is answered at
     * {@code POST {prefix}/reauthenticate} and verified as any sign-in ({@link #finish}).
     *
     * @throws Refusal {@code passkey_not_found} when the account has no passkey to prove it with
     */
    public PublicKeyCredentialRequestOptions startStepUp(HttpServletRequest request, PasskeyUser account) {
        List<StoredPasskey> passkeys = store.findPasskeys(account.userHandle());
        if (passkeys.isEmpty()) {
            throw new Refusal(PasskeyErrorCode.PASSKEY_NOT_FOUND, "There is no passkey to confirm it is you with: sign in again.");
        }
        AssertionRequest stepUp = allowing(relyingParty.startAssertion(StartAssertionOptions.builder()
                        .userVerification(RelyingParties.userVerification(configuration))
                        .timeout(pendingCeremonies.timeout().toMillis())
                        .build()).toBuilder().username(account.username()).build(),
                passkeys.stream().map(StoreCredentialRepository::descriptor).toList());
        pendingCeremonies.putStepUp(request, stepUp, account.username());
        return stepUp.getPublicKeyCredentialRequestOptions();
    }

    /**
     * Finishes a step-up ({@link #startStepUp}): verifies the assertion as a sign-in, by a passkey
     * of {@code account}.
     *
     * @throws Refusal with the cause of a refusal
     */
    public VerifiedSignIn finishStepUp(HttpServletRequest request, JsonNode response, PasskeyUser account) {
        VerifiedSignIn verified = finish(pendingCeremonies.takeStepUp(request), response);
        if (!verified.owner().userHandle().equals(account.userHandle())) {
            throw Refusal.ofSignIn(PasskeyErrorCode.CREDENTIAL_NOT_ALLOWED);
        }
        return verified;
    }

    /**
     * Verifies an assertion against the ceremony it answers and records the sign-in: one read of
     * the passkey with its owner before anything is verified (a name known or not costs the same
     * one read), and the conditional update of the count, which alone decides (no transaction
     * spans the two: the update's condition re-checks what the read found). Yubico's
     * verification reads them from that read ({@link SignInCredentials}), not from the store.
     *
     * <p>The store's conditional update is also what makes a ceremony single use: a sealed
     * sign-in ({@link PendingCeremonies#takeSignIn}) can be sent again, on any server, and its
     * challenge, recorded with the passkey, is refused the second time ({@link #whyNotRecorded}).
     *
     * @param pending  the ceremony, already taken
     * @param response the browser's AuthenticationResponseJSON
     * @return the verified sign-in
     * @throws Refusal with the cause of a refusal
     */
    public VerifiedSignIn finish(PendingCeremony pending, JsonNode response) {
        AssertionRequest request = pending.assertionRequest();
        PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs> credential = parse(response);
        AuthenticatorAssertionResponse assertion = credential.getResponse();
        ClientResponseChecks.check(PendingCeremony.Kind.SIGN_IN, request.getPublicKeyCredentialRequestOptions().getChallenge(),
                origins, configuration.rpId(), RelyingParties.userVerification(configuration),
                assertion.getClientData(), assertion.getParsedAuthenticatorData());
        ClientResponseChecks.checkFraming(PendingCeremony.Kind.SIGN_IN, assertion.getClientDataJSON(),
                configuration.allowedTopOrigins());
        List<PublicKeyCredentialDescriptor> allowed = allowed(request);
        if (!allowed.isEmpty() && allowed.stream().noneMatch(d -> d.getId().equals(credential.getId()))) {
            throw Refusal.ofSignIn(PasskeyErrorCode.CREDENTIAL_NOT_ALLOWED);
        }
        // Nothing checked before the signature may tell a real passkey from a decoy or an unknown
        // ID: username-first, an unknown credential can only be a decoy, and a foreign user handle
        // is all a guesser without the private key can vary, so both are answered like a wrong
        // signature on a real passkey; usernameless, a user handle that is not the passkey's is
        // answered like an unknown credential. What the passkey's own record decides (its backup
        // eligibility) is checked after the signature, which covers the flags.
        boolean usernameFirst = !allowed.isEmpty();
        Optional<ByteArray> userHandle = assertion.getUserHandle();
        if (userHandle.isEmpty() && !usernameFirst) {
            throw Refusal.ofSignIn(PasskeyErrorCode.ASSERTION_REJECTED, "The passkey did not say whose it is.");
        }
        PasskeyErrorCode notThisPasskey = usernameFirst ? PasskeyErrorCode.INVALID_SIGNATURE : PasskeyErrorCode.UNKNOWN_CREDENTIAL;
        OwnedPasskey found = store.findPasskeyWithOwner(credential.getId()).orElseThrow(() -> Refusal.ofSignIn(notThisPasskey));
        StoredPasskey passkey = found.passkey();
        if (userHandle.isPresent() && !userHandle.get().equals(passkey.userHandle())) {
            throw Refusal.ofSignIn(notThisPasskey);
        }
        PasskeyUser owner = found.owner();
        AssertionResult result = verify(request, credential, owner, passkey);
        if (assertion.getParsedAuthenticatorData().getFlags().BE != passkey.backupEligible()) {
            // WebAuthn §6.1.3: backup eligibility is fixed when a passkey is made.
            throw Refusal.ofGenuineSignIn(PasskeyErrorCode.ASSERTION_REJECTED);
        }
        Instant started = pending.expiresAt().minus(configuration.ceremonyTimeout());
        if (!result.isSignatureCounterValid()) {
            throw Refusal.ofGenuineSignIn(sameAnswerRecorded(passkey, result.getSignatureCount(), started)
                    ? PasskeyErrorCode.CEREMONY_NOT_FOUND : PasskeyErrorCode.SIGNATURE_COUNTER_REGRESSED);
        }
        refuseCompromisedModel(passkey);
        refuseNameOutsidePolicy(owner);
        if (accounts.isResolvable() && !accounts.get().maySignIn(owner.username())) {
            throw Refusal.ofGenuineSignIn(PasskeyErrorCode.ACCOUNT_DISABLED);
        }
        if (!store.recordSignIn(result.getCredentialId(), result.getSignatureCount(), result.isBackedUp(), Instant.now(),
                request.getPublicKeyCredentialRequestOptions().getChallenge())) {
            throw Refusal.ofGenuineSignIn(whyNotRecorded(result, started));
        }
        return new VerifiedSignIn(owner, passkey, result.isUserVerified());
    }

    /**
     * A passkey whose authenticator model the FIDO metadata now reports revoked or compromised
     * no longer signs in, although its signature verified: its key may be in other hands.
     */
    private void refuseCompromisedModel(StoredPasskey passkey) {
        metadata.compromise(passkey.aaguid()).ifPresent(status -> {
            LOG.warning(() -> "Passkey sign-in refused: the FIDO metadata reports its authenticator " + status
                    + ": aaguid=" + passkey.aaguid() + " credential=" + LogText.shortId(passkey.credentialId().getBase64Url()));
            throw Refusal.ofGenuineSignIn(PasskeyErrorCode.AUTHENTICATOR_NOT_ALLOWED);
        });
    }

    /**
     * An account whose stored name the name policy refuses (stored before the policy, or by hand)
     * no longer signs in: its name would reach the application's stores, its sign-in checks and
     * its logs unchecked. The log names the row for the administrator, by user handle.
     */
    private static void refuseNameOutsidePolicy(PasskeyUser owner) {
        try {
            UsernamePolicy.callerName(owner.username());
        } catch (Refusal outsidePolicy) {
            LOG.warning(() -> "Passkey sign-in refused: the stored name of the account with user handle "
                    + owner.userHandle().getBase64Url() + " is refused by the name policy; rename or delete that"
                    + " PASSKEY_USER row");
            throw Refusal.ofGenuineSignIn(PasskeyErrorCode.ACCOUNT_NAME_REFUSED);
        }
    }

    /**
     * Whether the passkey's stored count is the one presented and was recorded after this
     * ceremony started: the very answer was recorded already, and is sent again (a sealed
     * ceremony can be, to any server), which is a used ceremony rather than a clone (two answers
     * of one counting authenticator never carry the same count). The store's challenge check
     * refuses it too, but a counting passkey's replay meets the count check first.
     */
    private static boolean sameAnswerRecorded(StoredPasskey passkey, long presentedCount, Instant started) {
        return presentedCount != 0 && passkey.signatureCount() == presentedCount
                && passkey.lastUsedAt() != null && passkey.lastUsedAt().isAfter(started);
    }

    /**
     * Why the store did not record a verified sign-in, read again after the refused update: the
     * passkey was deleted meanwhile (gone, not cloned); this same answer (or ceremony) was
     * recorded meanwhile, by this server or another (one answer posted twice at once), which is a
     * used ceremony: the count allows it, or equals the stored one of a sign-in recorded since the
     * ceremony started; otherwise a concurrent sign-in stored a higher count.
     */
    private PasskeyErrorCode whyNotRecorded(AssertionResult result, Instant started) {
        Optional<StoredPasskey> now = store.findPasskey(result.getCredentialId());
        if (now.isEmpty()) {
            return PasskeyErrorCode.UNKNOWN_CREDENTIAL;
        }
        long stored = now.get().signatureCount();
        long presented = result.getSignatureCount();
        boolean countAllowed = presented == 0 ? stored == 0 : stored < presented;
        return countAllowed || sameAnswerRecorded(now.get(), presented, started)
                ? PasskeyErrorCode.CEREMONY_NOT_FOUND : PasskeyErrorCode.SIGNATURE_COUNTER_REGRESSED;
    }

    /**
     * Yubico's verification, on what the checks above left: the signature (WebAuthn §7.2 step
     * 21) and a token binding (which browsers no longer send). So a refusal by Yubico is an invalid
     * signature, as is a signature the JVM cannot even read (not DER, empty), which Yubico reports
     * as a bare runtime exception caused by a {@link java.security.GeneralSecurityException}.
     */
    private AssertionResult verify(AssertionRequest request,
                                   PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs> credential,
                                   PasskeyUser owner, StoredPasskey passkey) {
        FinishAssertionOptions options = FinishAssertionOptions.builder().request(request).response(credential).build();
        AssertionResult result;
        try {
            result = signInCredentials.during(owner, passkey, () -> relyingParty.finishAssertion(options));
        } catch (AssertionFailedException e) {
            LOG.log(Level.FINE, "Assertion refused by the WebAuthn library: {0}", e.getMessage());
            throw Refusal.ofSignIn(PasskeyErrorCode.INVALID_SIGNATURE);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Assertion not verifiable by the WebAuthn library: {0}", e.toString());
            throw Refusal.ofSignIn(causedBySignature(e) ? PasskeyErrorCode.INVALID_SIGNATURE : PasskeyErrorCode.ASSERTION_REJECTED);
        }
        if (!result.isSuccess()) {
            throw Refusal.ofSignIn(PasskeyErrorCode.INVALID_SIGNATURE);
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

    private static PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs> parse(JsonNode json) {
        try {
            return Json.ASSERTION.readValue(json);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Sign-in response not readable: {0}", LogText.failure(e));
            throw Refusal.ofSignIn(PasskeyErrorCode.MALFORMED_REQUEST, "The sign-in response is malformed.");
        }
    }

    private static List<PublicKeyCredentialDescriptor> allowed(AssertionRequest request) {
        return request.getPublicKeyCredentialRequestOptions().getAllowCredentials().orElse(List.of());
    }

    /**
     * A username-first request: that caller's passkeys, or decoys of the same shape for a name
     * without any. Both cases make the same two store reads (the user; the passkeys of their
     * handle, or of a decoy handle nobody has), so neither the answer nor its cost tells whether
     * the name exists. The account and the decoys are both of the exact name ({@link ExactNames}).
     */
    private AssertionRequest allowingPasskeysOf(AssertionRequest usernameless, String username) {
        Optional<PasskeyUser> user = ExactNames.account(store, username);
        List<StoredPasskey> passkeys = store.findPasskeys(
                user.map(PasskeyUser::userHandle).orElseGet(() -> decoys.userHandleFor(username)));
        if (user.isEmpty() || passkeys.isEmpty()) {
            return allowing(usernameless, decoys.forUsername(username));
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
}
