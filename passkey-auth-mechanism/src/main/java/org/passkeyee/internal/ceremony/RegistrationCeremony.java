package org.passkeyee.internal.ceremony;

import com.fasterxml.jackson.databind.JsonNode;
import com.yubico.webauthn.FinishRegistrationOptions;
import com.yubico.webauthn.RegistrationResult;
import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.StartRegistrationOptions;
import com.yubico.webauthn.data.AuthenticatorAttestationResponse;
import com.yubico.webauthn.data.AuthenticatorSelectionCriteria;
import com.yubico.webauthn.data.AuthenticatorTransport;
import com.yubico.webauthn.data.ClientRegistrationExtensionOutputs;
import com.yubico.webauthn.data.PublicKeyCredential;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import com.yubico.webauthn.data.ResidentKeyRequirement;
import com.yubico.webauthn.data.UserIdentity;
import com.yubico.webauthn.data.UserVerificationRequirement;
import com.yubico.webauthn.exception.RegistrationFailedException;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.TransactionalException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.passkeyee.PasskeyAccounts;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.PasskeyCredentialStore;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.PasskeyRegistered;
import org.passkeyee.PasskeyStoreException;
import org.passkeyee.PasskeyUser;
import org.passkeyee.StoredPasskey;
import org.passkeyee.internal.config.AuthenticatorPolicy;
import org.passkeyee.internal.shared.Json;
import org.passkeyee.internal.shared.LogText;
import org.passkeyee.internal.shared.Refusal;
import org.passkeyee.internal.ceremony.pending.PendingCeremonies;
import org.passkeyee.internal.ceremony.pending.PendingCeremony;

/**
 * The registration ceremony (<a href="https://www.w3.org/TR/webauthn-3/#sctn-registering-a-new-credential">WebAuthn §7.1</a>):
 * creation options for a sign-up or for a signed-in caller's new passkey, and the verification
 * and storage of the browser's answer.
 */
@Singleton
public class RegistrationCeremony {

    private static final Logger LOG = Logger.getLogger(RegistrationCeremony.class.getName());
    /** A sign-up's caller is not signed in yet, so in no role. */
    private static final Predicate<String> NO_ROLES = role -> false;

    private final PasskeyConfiguration configuration;
    /** The origins answers may come from, the related ones included. */
    private final Set<String> origins;
    private final PasskeyCredentialStore store;
    private final PendingCeremonies pendingCeremonies;
    private final RelyingParty relyingParty;
    private final Instance<PasskeyAccounts> accounts;
    private final Event<PasskeyRegistered> registered;
    private final AuthenticatorNames authenticatorNames;
    private final AuthenticatorAdmission admission;

    @Inject
    RegistrationCeremony(PasskeyConfiguration configuration, PasskeyCredentialStore store, PendingCeremonies pendingCeremonies,
                         Instance<PasskeyAccounts> accounts, Event<PasskeyRegistered> registered,
                         AuthenticatorNames authenticatorNames, AuthenticatorPolicy authenticatorPolicy,
                         AuthenticatorMetadata metadata) {
        this(configuration, store, pendingCeremonies, accounts, registered, authenticatorNames, authenticatorPolicy, metadata,
                Clock.systemUTC());
    }

    /** @param attestationClock the time attestation certificate chains are checked at (tests: that of a recorded response) */
    RegistrationCeremony(PasskeyConfiguration configuration, PasskeyCredentialStore store, PendingCeremonies pendingCeremonies,
                         Instance<PasskeyAccounts> accounts, Event<PasskeyRegistered> registered,
                         AuthenticatorNames authenticatorNames, AuthenticatorPolicy authenticatorPolicy,
                         AuthenticatorMetadata metadata, Clock attestationClock) {
        this.configuration = configuration;
        this.origins = Set.copyOf(configuration.ceremonyOrigins());
        this.store = store;
        this.pendingCeremonies = pendingCeremonies;
        this.relyingParty = RelyingParties.of(configuration, new StoreCredentialRepository(store),
                authenticatorPolicy.attestation(), metadata, attestationClock);
        this.admission = new AuthenticatorAdmission(authenticatorPolicy, metadata);
        this.accounts = accounts;
        this.registered = registered;
        this.authenticatorNames = authenticatorNames;
    }

    /**
     * Starts a sign-up: a new account with this username and its first passkey. The ceremony, with
     * the new user handle, is sealed into the browser ({@link PendingCeremonies#putSignUp}).
     */
    public PublicKeyCredentialCreationOptions startSignUp(HttpServletRequest request, HttpServletResponse response,
                                                          String requestedUsername, String requestedDisplayName) {
        PasskeyAccounts accountPolicy = accountsForSignUp();
        String username = UsernamePolicy.newName(requestedUsername);
        String displayName = requestedDisplayName == null || requestedDisplayName.isBlank()
                ? username : Names.displayName(requestedDisplayName);
        if (ExactNames.account(store, username).isPresent() || !accountPolicy.isUsernameAvailable(username)) {
            throw new Refusal(PasskeyErrorCode.USERNAME_TAKEN);
        }
        UserIdentity user = UserIdentity.builder().name(username).displayName(displayName).id(UserHandles.newHandle()).build();
        PublicKeyCredentialCreationOptions options = options(user, NO_ROLES);
        pendingCeremonies.putSignUp(request, response, options, username);
        return options;
    }

    /**
     * Starts adding a passkey to the signed-in caller; their passkeys are excluded. The caller's
     * name must pass the {@link UsernamePolicy} as it is, and an existing passkey account of that
     * name must be theirs ({@link SessionSignIn#mayJoin}).
     *
     * @param conditional whether the page will ask for a conditional create (a passkey offered
     *                    without a prompt, e.g. right after a password sign-in)
     */
    public PublicKeyCredentialCreationOptions startAddPasskey(HttpServletRequest request, HttpServletResponse response,
                                                              String callerName, SessionSignIn signIn, boolean conditional) {
        UsernamePolicy.callerName(callerName);
        UserIdentity user = joinableAccount(callerName, signIn)
                .map(existing -> UserIdentity.builder().name(existing.username()).displayName(existing.displayName())
                        .id(existing.userHandle()).build())
                .orElseGet(() -> UserIdentity.builder().name(callerName).displayName(callerName).id(UserHandles.newHandle()).build());
        PublicKeyCredentialCreationOptions options = options(user, request::isUserInRole);
        pendingCeremonies.putAddition(request, response, options, user.getName(), conditional);
        return options;
    }

    /**
     * Finishes a sign-up: verifies the answer, reserves the username with the application and
     * stores the account with its passkey.
     *
     * <p>The sign-up came back sealed from the browser, which can send it again (with another new
     * passkey, even); its user handle, new at the start, makes it single use: once an account has
     * it, the ceremony is used, on every server alike ({@code ceremony_not_found}, not
     * {@code username_taken}: nobody else took the name).
     *
     * @return the new account's username and passkey
     */
    public NewAccount completeSignUp(HttpServletRequest request, HttpServletResponse response, JsonNode credentialJson,
                                     String requestedLabel) {
        PendingCeremony pending = pendingCeremonies.takeSignUp(request, response);
        PublicKeyCredentialCreationOptions options = pending.creationOptions();
        UserIdentity identity = options.getUser();
        refuseIfUsed(identity);
        StoredPasskey passkey = verify(pending, options, credentialJson, requestedLabel, true, NO_ROLES);
        PasskeyAccounts accountPolicy = accountsForSignUp();
        if (!accountPolicy.reserveUsername(identity.getName())) {
            refuseIfUsed(identity); // the same sign-up, sent twice at once, may hold the name
            throw new Refusal(PasskeyErrorCode.USERNAME_TAKEN);
        }
        PasskeyUser user = new PasskeyUser(identity.getName(), identity.getDisplayName(), identity.getId(), passkey.createdAt(),
                PasskeyUser.NO_VOUCHING_STORE);
        boolean stored = false;
        try {
            stored = store.createUser(user, passkey);
        } finally {
            if (!stored) {
                accountPolicy.releaseUsername(identity.getName());
            }
        }
        if (!stored) {
            refuseIfUsed(identity); // the same sign-up, sent twice at once
            throw new Refusal(PasskeyErrorCode.USERNAME_TAKEN);
        }
        announce(user.username(), passkey, true);
        return new NewAccount(user.username(), passkey);
    }

    /** A sign-up whose user handle an account already has was completed before: used. */
    private void refuseIfUsed(UserIdentity identity) {
        if (store.findUserByUserHandle(identity.getId()).isPresent()) {
            throw new Refusal(PasskeyErrorCode.CEREMONY_NOT_FOUND);
        }
    }

    /** Finishes adding a passkey to the signed-in caller who started the ceremony. */
    public StoredPasskey completeAddition(HttpServletRequest request, String callerName, SessionSignIn signIn,
                                          JsonNode credentialJson, String requestedLabel) {
        PendingCeremony pending = pendingCeremonies.takeAddition(request);
        if (!callerName.equals(pending.username())) {
            throw new Refusal(PasskeyErrorCode.CEREMONY_NOT_FOUND);
        }
        PublicKeyCredentialCreationOptions options = pending.creationOptions();
        StoredPasskey passkey = verify(pending, options, credentialJson, requestedLabel, false, request::isUserInRole);
        Optional<PasskeyUser> existing = joinableAccount(callerName, signIn);
        if (existing.isPresent() && !existing.get().userHandle().equals(options.getUser().getId())) {
            throw new Refusal(PasskeyErrorCode.CEREMONY_NOT_FOUND); // the account changed since the options were given
        }
        boolean stored = existing.isPresent()
                ? store.addPasskey(passkey)
                : store.createUser(new PasskeyUser(callerName, options.getUser().getDisplayName(), options.getUser().getId(),
                        passkey.createdAt(), signIn.vouchedBy()), passkey);
        if (!stored) {
            throw new Refusal(existing.isEmpty() ? whyNoAccount(callerName) : PasskeyErrorCode.CREDENTIAL_ALREADY_REGISTERED);
        }
        announce(callerName, passkey, false);
        return passkey;
    }

    /**
     * The passkey account of this name, if there is one and it is the caller's: another person
     * whom another store knows by the same name, or who held the name before, is refused.
     */
    private Optional<PasskeyUser> joinableAccount(String callerName, SessionSignIn signIn) {
        Optional<PasskeyUser> existing = ExactNames.account(store, callerName);
        if (existing.isPresent() && !signIn.mayJoin(existing.get())) {
            LOG.warning(() -> "Passkey not added: the passkey account caller=" + LogText.header(callerName)
                    + " was vouched for by another identity store than the one that signed this session in");
            throw new Refusal(PasskeyErrorCode.NAME_HELD_BY_ANOTHER_ACCOUNT);
        }
        return existing;
    }

    /**
     * Why the store refused a new account of the caller's name: a concurrent request of the
     * caller's made it meanwhile (a lost race), or, with no account of exactly this name, the
     * store compares names more loosely than the module (a case-insensitive collation takes
     * {@code JDoe} for {@code jdoe}), so the name is held by another person's account.
     */
    private PasskeyErrorCode whyNoAccount(String callerName) {
        if (ExactNames.account(store, callerName).isPresent()) {
            return PasskeyErrorCode.CREDENTIAL_ALREADY_REGISTERED;
        }
        LOG.warning(() -> "Passkey not added: the store refused a passkey account caller=" + LogText.header(callerName)
                + " although none has exactly this name; its table compares names ignoring case or accents"
                + " (on MariaDB/MySQL create it with the module's script)");
        return PasskeyErrorCode.NAME_HELD_BY_ANOTHER_ACCOUNT;
    }

    private PublicKeyCredentialCreationOptions options(UserIdentity user, Predicate<String> callerInRole) {
        PublicKeyCredentialCreationOptions options = admission.withAttestationFor(callerInRole, relyingParty.startRegistration(
                StartRegistrationOptions.builder()
                        .user(user)
                        .authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                                .residentKey(ResidentKeyRequirement.REQUIRED)
                                .userVerification(RelyingParties.userVerification(configuration))
                                .build())
                        .timeout(pendingCeremonies.timeout().toMillis())
                        .build()));
        return options;
    }

    /**
     * Verifies a new passkey and admits its authenticator; {@code signsIn}: the caller is signed in
     * with it right away (sign-up), which is its first use; {@code callerInRole}: the signed-in
     * caller's roles, for the {@code passkey.role-policies}.
     */
    private StoredPasskey verify(PendingCeremony pending, PublicKeyCredentialCreationOptions options, JsonNode credentialJson,
                                 String requestedLabel, boolean signsIn, Predicate<String> callerInRole) {
        PublicKeyCredential<AuthenticatorAttestationResponse, ClientRegistrationExtensionOutputs> credential = parse(credentialJson);
        AuthenticatorAttestationResponse response = credential.getResponse();
        boolean conditionalCreate = pending.conditional()
                && RelyingParties.userVerification(configuration) != UserVerificationRequirement.REQUIRED;
        ClientResponseChecks.check(pending.kind(), options.getChallenge(),
                origins, configuration.rpId(),
                RelyingParties.userVerification(configuration), response.getClientData(), response.getAttestation().getAuthenticatorData(),
                conditionalCreate);
        ClientResponseChecks.checkFraming(pending.kind(), response.getClientDataJSON(), configuration.allowedTopOrigins());
        // The rules of WebAuthn §7.1 and §8 Yubico does not enforce, before it verifies anything;
        // each refuses with nothing stored (RegistrationRulesTest has a passing and a refused case of each).
        NewCredentialLimits.checkCredentialId(credential.getId());
        NewCredentialLimits.checkAttestedId(credential.getId(), response.getAttestation().getAuthenticatorData());
        AttestedAuthenticatorData.check(response.getAttestation().getAuthenticatorData());
        RequestedCredential.check(options, credential.getId(), credential.getClientExtensionResults());
        NewCredentialLimits.checkPublicKey(response.getAttestation().getAuthenticatorData());
        CredentialKeyAlgorithms.check(response.getAttestation().getAuthenticatorData(), options.getPubKeyCredParams());
        AttestationStatementShapes.check(response.getAttestation());
        AttestationStatements.check(response.getAttestation(), response.getClientDataJSON());
        // A credential ID already registered is refused by the library (WebAuthn §7.1 step 25)
        // only after the response verified, as registration_rejected: asking the store first
        // would tell anyone posting a made-up response whether an ID (one that username-first
        // sign-in options listed for a name, say) is registered.
        RegistrationResult result;
        try {
            result = relyingParty.finishRegistration(
                    FinishRegistrationOptions.builder().request(options).response(credential)
                            .isConditionalCreate(conditionalCreate).build());
        } catch (RegistrationFailedException e) {
            LOG.log(Level.FINE, "Registration refused by the WebAuthn library: {0}", e.getMessage());
            throw new Refusal(PasskeyErrorCode.REGISTRATION_REJECTED);
        } catch (PasskeyStoreException | TransactionalException storeDown) {
            throw storeDown; // Yubico reads the store through our repository: an outage stays an outage (503)
        } catch (RuntimeException unreadable) {
            // The library throws bare runtime exceptions for some malformed attestation objects and
            // COSE keys (a parameter of the wrong CBOR type, say): a refusal, not a server error.
            LOG.log(Level.FINE, "Registration not verifiable by the WebAuthn library: {0}", unreadable.toString());
            throw new Refusal(PasskeyErrorCode.REGISTRATION_REJECTED);
        }
        NewCredentialLimits.checkVerified(result, response.getAttestation().getFormat());
        String aaguid = Aaguids.format(result.getAaguid());
        admission.check(new AuthenticatorAdmission.NewAuthenticator(aaguid, result.isAttestationTrusted(), result.isBackupEligible()),
                callerInRole);
        Instant now = Instant.now();
        String label = requestedLabel == null || requestedLabel.isBlank()
                ? authenticatorNames.nameOf(aaguid) : Names.label(requestedLabel);
        return new StoredPasskey(
                result.getKeyId().getId(),
                options.getUser().getId(),
                result.getPublicKeyCose(),
                result.getSignatureCount(),
                response.getTransports().stream().map(AuthenticatorTransport::getId).collect(Collectors.toSet()),
                aaguid,
                result.isBackupEligible(),
                result.isBackedUp(),
                result.isUserVerified(),
                response.getAttestation().getFormat(),
                label,
                now,
                signsIn ? now : null,
                result.isDiscoverable().orElse(null));
    }

    private static PublicKeyCredential<AuthenticatorAttestationResponse, ClientRegistrationExtensionOutputs> parse(JsonNode json) {
        try {
            return Json.REGISTRATION.readValue(json);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Registration response not readable: {0}", LogText.failure(e));
            throw new Refusal(PasskeyErrorCode.MALFORMED_REQUEST, "The registration response is malformed.");
        }
    }

    private PasskeyAccounts accountsForSignUp() {
        if (!configuration.signUpAllowed() || !accounts.isResolvable()) {
            throw new Refusal(PasskeyErrorCode.SIGN_UP_DISABLED);
        }
        return accounts.get();
    }

    private void announce(String username, StoredPasskey passkey, boolean signUp) {
        String credentialId = passkey.credentialId().getBase64Url();
        LOG.info(() -> (signUp ? "Passkey sign-up: " : "Passkey added: ") + "caller=" + LogText.header(username)
                + " credential=" + LogText.shortId(credentialId) + " aaguid=" + passkey.aaguid()
                + " backupEligible=" + passkey.backupEligible());
        registered.fire(new PasskeyRegistered(username, credentialId, signUp));
    }
}
